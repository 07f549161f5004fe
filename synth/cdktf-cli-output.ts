import * as fs from 'fs';
import * as path from 'path';
import { isDirectoryItself } from './file-kind';
import { OutputDirError, isRunning } from './output-dir';

/**
 * Where a run of the app under the cdktf CLI writes its stacks before moving them into the CLI's output directory:
 * inside it (a rename within one file system), named by the run's pid so that a later run can tell a killed run's
 * leftovers from a live run's.
 */
const STAGING_PREFIX = '.okta-sso-staging-';

/** A new file placed beside the one it replaces (`.okta-sso-next-<pid>-cdk.tf.json`), until every file is placed. */
const NEXT_PREFIX = '.okta-sso-next-';

/**
 * A directory inside `outdir` to synthesize into, made after removing what killed runs left behind (their staging
 * directories, and files they placed in stack directories). `outdir` is made if missing, as cdktf's App would.
 */
export function makeStagingDir(outdir: string): string {
  fs.mkdirSync(outdir, { recursive: true });
  removeDeadRuns(outdir, STAGING_PREFIX);
  const stacks = path.join(outdir, 'stacks');
  // Only in stack directories that are ones: a link leads to a place this run must not delete in.
  for (const name of isDirectoryItself(stacks) ? fs.readdirSync(stacks) : []) {
    if (isDirectoryItself(path.join(stacks, name))) removeDeadRuns(path.join(stacks, name), NEXT_PREFIX);
  }
  const staging = path.join(outdir, `${STAGING_PREFIX}${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging);
  return staging;
}

/**
 * Moves every stack's files, then the manifest, from `staging` into `outdir`, all or none: first each new file is
 * placed beside the one it replaces (moved, or copied where the stack directory is on another file system), and
 * only when every one is placed is each renamed over its old version, the manifest last. A failure while placing
 * leaves every file of the output as it was; a file is at every instant its old or its new version. A stack
 * directory keeps what else is in it (Terraform's `.terraform`, the lock file `cdktf deploy` leaves there), and a
 * file of that name that is a link is replaced, not written through.
 */
export function moveStagedOutput(staging: string, outdir: string): void {
  const stagedStacks = path.join(staging, 'stacks');
  const moves: Array<{ from: string; to: string }> = [];
  for (const name of fs.readdirSync(stagedStacks).sort()) {
    for (const file of fs.readdirSync(path.join(stagedStacks, name)).sort()) moves.push({ from: path.join(stagedStacks, name, file), to: path.join(outdir, 'stacks', name, file) });
  }
  // The manifest last: until it is in place, the cdktf CLI reads the previous one.
  moves.push({ from: path.join(staging, 'manifest.json'), to: path.join(outdir, 'manifest.json') });
  for (const { to } of moves) {
    if (isDirectoryItself(to)) throw new OutputDirError(`${to} is a directory where synth writes a file; nothing written: move it away and synth again`);
  }
  const madeDirs: string[] = [];
  const placed: Array<{ next: string; to: string }> = [];
  for (const { from, to } of moves) {
    try {
      makeDirs(path.dirname(to), madeDirs);
      const next = path.join(path.dirname(to), `${NEXT_PREFIX}${process.pid}-${path.basename(to)}`);
      placeBeside(from, next);
      placed.push({ next, to });
    } catch (err) {
      for (const p of placed) fs.rmSync(p.next, { force: true });
      for (const dir of madeDirs.reverse()) fs.rmSync(dir, { recursive: true, force: true });
      throw new OutputDirError(`cannot write ${to}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; nothing written, the previous output is whole`);
    }
  }
  for (const { next, to } of placed) fs.renameSync(next, to);
}

/** Moves `from` to `next`, or copies it where `next` is on another file system (a stack directory linked elsewhere). */
function placeBeside(from: string, next: string): void {
  // Whatever stands at the name (a link someone put there) goes first: the new file is created, never written through.
  fs.rmSync(next, { force: true });
  try {
    fs.renameSync(from, next);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.copyFileSync(from, next, fs.constants.COPYFILE_EXCL);
  }
}

/** Makes `dir` and its missing parents, recording each made (outermost first) so that a failure can take them away. */
function makeDirs(dir: string, made: string[]): void {
  if (fs.existsSync(dir)) return;
  makeDirs(path.dirname(dir), made);
  fs.mkdirSync(dir);
  made.push(dir);
}

/** Removes what runs that are no longer running left in `dir`: entries named `<prefix><pid>...`. */
function removeDeadRuns(dir: string, prefix: string): void {
  for (const entry of fs.readdirSync(dir)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(/^\d+/.exec(entry.slice(prefix.length))?.[0] ?? NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
}
