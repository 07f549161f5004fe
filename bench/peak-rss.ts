/**
 * Preloaded (`node -r`) into every measured process: on exit, writes the
 * process's peak resident set size in kB (getrusage ru_maxrss, which is
 * /proc/<pid>/status VmHWM on Linux) to the file named by BENCH_RSS_FILE.
 * Loads nothing but `fs`, so it does not change what it measures.
 */
import * as fs from 'fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
