import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { synthToDisk } from '../../synth/synth';

export const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'acme');

export { tempDir } from '../helpers';
import { tempDir } from '../helpers';

/**
 * Synthesizes a copy of a config dir into a fresh synth output dir and returns it.
 * Every call uses the same layout (`<tmp>/config`, `<tmp>/cdktf.out`), as CI does for
 * base and head, so local state paths match between synths.
 */
export function synthConfig(configDir: string): string {
  const root = tempDir('okta-sso-synth-');
  const config = path.join(root, 'config');
  fs.cpSync(configDir, config, { recursive: true });
  const out = path.join(root, 'cdktf.out');
  synthToDisk(loadConfig(config), { outdir: out, configDir: config });
  return out;
}

export type Stacks = Record<string, any>;

/** Every stack of a synth output dir, parsed. */
export function readStacks(outdir: string): Stacks {
  const stacks: Stacks = {};
  for (const env of fs.readdirSync(path.join(outdir, 'stacks'))) {
    stacks[env] = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', env, 'cdk.tf.json'), 'utf8'));
  }
  return stacks;
}

/** Every stack's runbook.json in a synth output dir, parsed (environments without one are left out). */
export function readRunbooks(outdir: string): Record<string, unknown> {
  const runbooks: Record<string, unknown> = {};
  for (const env of fs.readdirSync(path.join(outdir, 'stacks'))) {
    const file = path.join(outdir, 'stacks', env, 'runbook.json');
    if (fs.existsSync(file)) runbooks[env] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  return runbooks;
}

/** Writes stacks (and runbooks) as a synth output dir. */
export function writeSynthDir(stacks: Stacks, runbooks: Record<string, unknown> = {}): string {
  const out = tempDir('okta-sso-fixture-');
  for (const [env, tf] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(out, 'stacks', env), { recursive: true });
    fs.writeFileSync(path.join(out, 'stacks', env, 'cdk.tf.json'), JSON.stringify(tf, null, 2));
    if (runbooks[env] !== undefined) fs.writeFileSync(path.join(out, 'stacks', env, 'runbook.json'), JSON.stringify(runbooks[env], null, 2));
  }
  return out;
}

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}

/** A copy of the example config (or of `from`) with each file (path relative to the config dir) edited by its function. */
export function editedExample(edits: Record<string, (text: string) => string>, from: string = EXAMPLE): string {
  const config = tempDir('okta-sso-cfg-');
  fs.cpSync(from, config, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const at = path.join(config, file);
    const before = fs.readFileSync(at, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`edit of ${file} changed nothing`);
    fs.writeFileSync(at, after);
  }
  return config;
}

/** Renames integration `from` to `to` everywhere in the example (or in `opts.config`), with `renamedFrom` (as a user would) unless told not to. */
export function renameInExample(from: string, to: string, more: Record<string, (text: string) => string> = {}, opts: { renamedFrom?: boolean; config?: string } = {}): string {
  const envEdit = (text: string) => text.replace(new RegExp(`^      ${from}:\\n`, 'm'), `      ${to}:\n`);
  const renamedFrom = opts.renamedFrom === false ? '' : `    renamedFrom: ${from}\n`;
  const edits: Record<string, (text: string) => string> = {
    'integrations.yaml': (text) => text.replace(new RegExp(`^  ${from}:\\n`, 'm'), `  ${to}:\n${renamedFrom}`),
    'environments/dev.yaml': envEdit,
    'environments/staging.yaml': envEdit,
    'environments/prod.yaml': envEdit,
  };
  for (const [file, edit] of Object.entries(more)) {
    const first = edits[file];
    edits[file] = first ? (text) => edit(first(text)) : edit;
  }
  return editedExample(edits, opts.config);
}
