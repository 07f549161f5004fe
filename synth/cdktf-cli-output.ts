import * as fs from 'fs';
import * as path from 'path';
import { OutputDirError, isRunning } from './output-dir';

/**
 * Where a run of the app under the cdktf CLI writes its stacks before moving them into the CLI's output directory:
 * inside it (a rename within one file system), named by the run's pid so that a later run can tell a killed run's
 * leftovers from a live run's.
 */
const STAGING_PREFIX = '.okta-sso-staging-';

/**
 * A directory inside `outdir` to synthesize into, made after removing what killed runs left behind. `outdir` is made
 * if missing, as cdktf's App would.
 */
export function makeStagingDir(outdir: string): string {
  fs.mkdirSync(outdir, { recursive: true });
  for (const entry of fs.readdirSync(outdir)) {
    const pid = Number(entry.startsWith(STAGING_PREFIX) ? entry.slice(STAGING_PREFIX.length) : NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) fs.rmSync(path.join(outdir, entry), { recursive: true, force: true });
  }
  const staging = path.join(outdir, `${STAGING_PREFIX}${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging);
  return staging;
}

/**
 * Moves every stack's files, then the manifest, from `staging` into `outdir`, each by a rename: a file is at every
 * instant its old or its new version, and a stack directory keeps what else is in it (Terraform's `.terraform`, the
 * lock file `cdktf deploy` leaves there). A file of that name that is a link is replaced, not written through.
 */
export function moveStagedOutput(staging: string, outdir: string): void {
  const stagedStacks = path.join(staging, 'stacks');
  const moves: Array<{ from: string; to: string }> = [];
  for (const name of fs.readdirSync(stagedStacks).sort()) {
    for (const file of fs.readdirSync(path.join(stagedStacks, name)).sort()) moves.push({ from: path.join(stagedStacks, name, file), to: path.join(outdir, 'stacks', name, file) });
  }
  // The manifest last: until it is in place, the cdktf CLI reads the previous one, which names the same stacks.
  moves.push({ from: path.join(staging, 'manifest.json'), to: path.join(outdir, 'manifest.json') });
  // Checked before the first move, so that a refusal leaves every file as it was.
  for (const { to } of moves) {
    if (isDirectory(to)) throw new OutputDirError(`${to} is a directory where synth writes a file; nothing written: move it away and synth again`);
  }
  for (const { from, to } of moves) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.renameSync(from, to);
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}
