/**
 * Preloaded (`node -r`) into every measured process: on exit, writes the
 * process's peak resident set size in kB (getrusage ru_maxrss, which is
 * /proc/<pid>/status VmHWM on Linux) and its CPU time in microseconds to the
 * file named by BENCH_RSS_FILE, as JSON. Loads nothing but `fs`, so it does not
 * change what it measures.
 */
import * as fs from 'fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }));
  });
}
