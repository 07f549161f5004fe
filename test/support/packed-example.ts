/**
 * Helpers for testing the library the way a user gets it: packed with `npm pack`,
 * installed from the tarball into a copy of an example app, and run with the app's
 * own command. Everything runs in child processes with an explicit cwd and env.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RunResult, run } from './run-command';

export type { RunResult } from './run-command';
export { killRunning, run } from './run-command';

/** Throws, with the command's whole output, unless it exited 0: a failed step's reason is in its output, not in "expected 0". */
export function assertSucceeded(r: RunResult): RunResult {
  if (r.status !== 0) {
    throw new Error(`${r.command} exited with ${r.status ?? r.signal}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  }
  return r;
}

/**
 * The environment for child processes: this one's, minus what would send a cdktf
 * app's output elsewhere (CDKTF_OUTDIR and friends, set when tests run under the
 * cdktf CLI), plus CHECKPOINT_DISABLE so nothing phones home.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('CDKTF_')) env[k] = v;
  env.CHECKPOINT_DISABLE = '1';
  return env;
}

/** `npm pack`s `projectDir` into the fresh directory `dest` (running its `prepare`, the build) and returns the tarball's path. */
export async function packProject(projectDir: string, dest: string, timeoutMs: number): Promise<string> {
  fs.mkdirSync(dest, { recursive: true });
  assertSucceeded(await run('npm', ['pack', '--pack-destination', dest], { cwd: projectDir, env: childEnv(), timeoutMs }));
  // Found in the directory rather than parsed from stdout, where the build's own output comes first.
  const tarballs = fs.readdirSync(dest).filter((f) => f.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack left ${tarballs.length} tarballs in ${dest}: ${tarballs.join(', ')}`);
  return path.join(dest, tarballs[0]);
}

/** The entries of a .tgz, without npm's leading `package/`, sorted. */
export async function tarballEntries(tarball: string): Promise<string[]> {
  const r = assertSucceeded(await run('tar', ['-tzf', tarball], { cwd: path.dirname(tarball), env: childEnv(), timeoutMs: 60_000 }));
  return r.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.replace(/^package\//, ''))
    .sort();
}

/** What a user's checkout of an example never has: install and build output, Terraform state, a lockfile from another install. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'cdktf.out', 'state', 'package-lock.json']);

/** Copies an example app's own files (not install or build output) into `dest`. */
export function copyExampleApp(exampleDir: string, dest: string): void {
  fs.cpSync(exampleDir, dest, { recursive: true, filter: (src) => src === exampleDir || !NOT_COPIED.has(path.relative(exampleDir, src).split(path.sep)[0]) });
}

/** Every directory under `nodeModules` that holds the package `name` (relative paths, sorted); symlinks are not followed. */
export function packageCopies(nodeModules: string, name: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const full = path.join(dir, e.name);
      if (e.name === name && path.basename(dir) === 'node_modules') {
        const pkg = path.join(full, 'package.json');
        if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === name) found.push(path.relative(nodeModules, full));
      }
      walk(full);
    }
  };
  walk(nodeModules);
  return found.sort();
}

/** -1, 0 or 1 as `a` is lower than, equal to or higher than `b` (plain x.y.z versions). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
    if (!m) throw new Error(`${JSON.stringify(v)} is not an x.y.z version`);
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

/** Every file under `dir` (relative path -> content), for byte-for-byte comparison of two synth runs. */
export function fileContents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out[r] = fs.readFileSync(path.join(dir, r), 'latin1');
    }
  };
  walk('');
  return out;
}
