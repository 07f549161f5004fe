import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** One run of a command in a fresh node process. */
export interface Sample {
  /** Wall time from spawn to exit, in seconds. */
  readonly wallS: number;
  /** Peak resident set size of the node process, in MB (2^20 bytes). */
  readonly peakRssMb: number;
  /** User + system CPU time of the node process (all its threads), in seconds: steadier than wall time on a busy machine. */
  readonly cpuS: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const PRELOAD = path.join(__dirname, 'peak-rss.js');

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Options for node itself, before the script (e.g. `--max-old-space-size=8192`). */
  readonly nodeArgs?: readonly string[];
}

/**
 * Runs `node <script> <args>` in a fresh process and measures it. The peak RSS
 * comes from the child itself (see peak-rss.ts), so it is the node process's
 * own, not a shell's or a wrapper's.
 */
export function runNode(script: string, args: readonly string[], options: RunOptions = {}): Promise<Sample> {
  const rssFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-rss-')), 'rss');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '-r', PRELOAD, script, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      let usage = { maxRssKb: NaN, cpuUs: NaN };
      try {
        usage = JSON.parse(fs.readFileSync(rssFile, 'utf8'));
      } catch {
        // The child died before its exit hook ran; the caller sees the exit code.
      }
      fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
      resolve({
        wallS,
        peakRssMb: usage.maxRssKb / 1024,
        cpuS: usage.cpuUs / 1e6,
        exitCode: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
