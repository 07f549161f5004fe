/**
 * The review floor: what `okta-sso review` cannot avoid doing, and nothing
 * else. It reads the files review reads from both synth dirs
 * (review/synth-dir.ts readSynthDir: each stack's `cdk.tf.json` and, when
 * present, its `runbook.json`) and parses them with JSON.parse. No shape
 * checks, indexing, comparison, risk classes or rendering.
 *
 * Run as `node dist/bench/review-floor.js <base synth dir> <head synth dir>`.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The files review reads from one synth dir: stacks with a `cdk.tf.json`, in name order, each with its runbook when there is one. */
export function reviewedFiles(synthDir: string): string[] {
  const stacks = path.join(synthDir, 'stacks');
  const files: string[] = [];
  for (const name of fs.readdirSync(stacks).sort()) {
    const tf = path.join(stacks, name, 'cdk.tf.json');
    if (!fs.existsSync(tf)) continue;
    files.push(tf);
    const runbook = path.join(stacks, name, 'runbook.json');
    if (fs.existsSync(runbook)) files.push(runbook);
  }
  return files;
}

/** Reads and parses every file review reads from `synthDirs`; returns their paths. */
export function reviewFloor(synthDirs: readonly string[]): string[] {
  const files = synthDirs.flatMap(reviewedFiles);
  for (const file of files) JSON.parse(fs.readFileSync(file, 'utf8'));
  return files;
}

if (require.main === module) {
  const dirs = process.argv.slice(2);
  if (dirs.length !== 2) {
    process.stderr.write('usage: node dist/bench/review-floor.js <base synth dir> <head synth dir>\n');
    process.exitCode = 2;
  } else {
    reviewFloor(dirs);
  }
}
