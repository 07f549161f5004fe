/**
 * The review floor: what `okta-sso review` cannot avoid doing, and nothing
 * else. It reads the files review reads from both synth dirs
 * (review/synth-dir.ts readSynthDir: each stack's `cdk.tf.json` and, when
 * present, its `runbook.json`) and parses them with JSON.parse, holding them
 * all at once as review does. No shape
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

/**
 * Reads and parses every file review reads from `synthDirs`, holding them all
 * until the last is parsed, as review must to compare base with head (a floor
 * that dropped each file once parsed would spare the collector work no review
 * can avoid: about a quarter of the floor at 1,000 x 3); returns their paths.
 */
export function reviewFloor(synthDirs: readonly string[]): string[] {
  const files = synthDirs.flatMap(reviewedFiles);
  const held: unknown[] = [];
  for (const file of files) held.push(JSON.parse(fs.readFileSync(file, 'utf8')));
  return held.length === files.length ? files : [];
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
