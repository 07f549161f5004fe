import { StackManifest } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { ownEntry } from '../model/own-entry';
import { showValue } from '../model/show-value';
import { OutputDirError, STACK_FILES } from './output-dir';

/**
 * Copies the previous output of the environments `names` (their stack
 * directories' synth files) from `outdir` into the new output `into`, and
 * returns their manifest.json entries: `synth --env` rewrites some stacks and
 * keeps the others as they were. Only regular files synth writes are copied,
 * never what `terraform init` added beside them, nor anything a link leads to.
 */
export function keepPreviousOutput(outdir: string, names: readonly string[], into: string): Record<string, StackManifest> {
  if (names.length === 0) return {};
  const manifest = previousManifest(outdir);
  const from = (name: string) => path.join(outdir, 'stacks', name);
  const missing = names.filter((name) => !ownEntry(manifest?.stacks ?? {}, name) || !isFile(path.join(from(name), 'cdk.tf.json')));
  if (missing.length) {
    const which = missing.map((n) => showValue(n)).join(', ');
    throw new OutputDirError(
      `--out ${outdir} has no previous output of environment${missing.length > 1 ? 's' : ''} ${which} to keep; synthesize ${missing.length > 1 ? 'them' : 'it'} too (${missing.map((n) => `--env ${n}`).join(' ')}), or every environment (no --env); nothing written`,
    );
  }
  const kept: Record<string, StackManifest> = {};
  for (const name of names) {
    const to = path.join(into, 'stacks', name);
    fs.mkdirSync(to, { recursive: true });
    for (const file of STACK_FILES) if (isFile(path.join(from(name), file))) fs.copyFileSync(path.join(from(name), file), path.join(to, file));
    kept[name] = ownEntry(manifest!.stacks!, name)!;
  }
  return kept;
}

function previousManifest(outdir: string): { stacks?: Record<string, StackManifest> } | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}
