/**
 * A child process run the way tests need it: explicit cwd and env, output kept,
 * a timeout that ends the whole process group, and nothing left running after.
 */
import { ChildProcess, spawn } from 'child_process';

export interface RunResult {
  readonly command: string;
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

const running = new Set<ChildProcess>();

/**
 * Runs `file args` in `cwd` and resolves with its exit status and output (never
 * rejects on a non-zero exit: callers assert on it). The child leads its own
 * process group so that a timeout, or `killRunning()`, also ends what it started
 * (`sh -c 'npx tsc && node ...'`, npm's lifecycle scripts) and nothing is left running.
 */
export function run(file: string, args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<RunResult> {
  const command = [file, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n[test] ${command} timed out after ${opts.timeoutMs} ms; killed\n`;
      killGroup(child);
    }, opts.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      running.delete(child);
      reject(err);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ command, status, signal, stdout, stderr });
    });
  });
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

/** Kills every process group `run` started that has not ended: for afterAll, when a hook or test timed out mid-command. */
export function killRunning(): void {
  for (const child of running) killGroup(child);
  running.clear();
}
