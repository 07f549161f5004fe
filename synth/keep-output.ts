import { StackManifest } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { showValue } from '../model/show-value';
import { isDirectoryItself, isFileItself } from './file-kind';
import { OutputDirError, STACK_FILES } from './output-dir';

/** What says which Okta org and which Terraform state a stack is for: a stack kept with other values would act on the wrong ones. */
export interface StackIdentity {
  readonly backend: unknown;
  readonly cloud: unknown;
  readonly orgName: unknown;
  readonly baseUrl: unknown;
}

/** A stack's identity, from its synthesized JSON. */
export function identityOf(stack: unknown): StackIdentity {
  const tf = (stack ?? {}) as { terraform?: { backend?: unknown; cloud?: unknown }; provider?: { okta?: unknown } };
  const okta = (Array.isArray(tf.provider?.okta) ? tf.provider.okta[0] : tf.provider?.okta) as { org_name?: unknown; base_url?: unknown } | undefined;
  return { backend: tf.terraform?.backend, cloud: tf.terraform?.cloud, orgName: okta?.org_name, baseUrl: okta?.base_url };
}

const FIELD_WORDS: Record<keyof StackIdentity, string> = { backend: 'state backend', cloud: 'HCP Terraform workspace', orgName: 'Okta org name', baseUrl: 'Okta domain' };

/**
 * Copies the previous output of the environments `names` from `outdir` into
 * the new output `into` (their stack directories' synth files, nothing else:
 * not what `terraform init` added beside them, nor anything a link leads to),
 * and returns their manifest.json entries: `synth --env` rewrites some stacks
 * and keeps the others as they were. Refused, with nothing copied, when a
 * stack's files are not all there, or when it is for another org or state than
 * today's config gives (`now`): the config directory moved (local state
 * paths), or `--out` holds another organisation's output.
 */
export function keepPreviousOutput(outdir: string, names: readonly string[], into: string, now: (name: string) => StackIdentity): Record<string, StackManifest> {
  const from = (name: string) => path.join(outdir, 'stacks', name);
  const missing = names.filter((name) => !isDirectoryItself(path.join(outdir, 'stacks')) || !isDirectoryItself(from(name)) || ![...STACK_FILES].every((f) => isFileItself(path.join(from(name), f))));
  if (missing.length) {
    const which = missing.map((n) => showValue(n)).join(', ');
    throw new OutputDirError(
      `--out ${outdir} has no complete previous output of environment${missing.length > 1 ? 's' : ''} ${which} to keep; synthesize ${missing.length > 1 ? 'them' : 'it'} too (${synthesizeToo(missing)}), or every environment (no --env); nothing written`,
    );
  }
  const differences = names.flatMap((name) => differencesOf(name, identityOf(readJson(path.join(from(name), 'cdk.tf.json'))), now(name)));
  if (differences.length) {
    const stale = [...new Set(differences.map((d) => d.name))];
    throw new OutputDirError(
      `--out ${outdir} holds output that today's config would not write: ${differences.map((d) => d.text).join('; ')}; synthesize ${stale.length > 1 ? 'them' : 'it'} too (${synthesizeToo(stale)}), or every environment (no --env); nothing written`,
    );
  }
  const kept: Record<string, StackManifest> = {};
  for (const name of names) {
    const to = path.join(into, 'stacks', name);
    fs.mkdirSync(to, { recursive: true });
    for (const file of STACK_FILES) fs.copyFileSync(path.join(from(name), file), path.join(to, file));
    kept[name] = manifestEntry(name);
  }
  return kept;
}

/** Terraform's dependency lock file, which `terraform init` writes beside cdk.tf.json. */
export const LOCK_FILE = '.terraform.lock.hcl';

/** Far above any lock file (a few kilobytes for two providers); a larger file there is not one to carry. */
const MAX_LOCK_FILE_BYTES = 1024 * 1024;

/**
 * The lines a lock file `terraform init` writes holds: comments, `provider "<address>" {`, `version`, `constraints`,
 * `hashes = [`, each hash (`"h1:<base64>",`, `"zh:<hex>",`) and the closing brackets. Anything else was not written by
 * Terraform, and is not carried into the output.
 */
const LOCK_FILE_LINE = /^\s*(?:#.*|provider "[A-Za-z0-9._/-]+" \{|(?:version|constraints)\s*=\s*"[^"\\]*"|hashes\s*=\s*\[|"(?:h1:[A-Za-z0-9+/=]+|zh:[0-9a-f]+)",?|\]|\}|)\s*$/;

/**
 * Copies each stack's Terraform lock file from the previous output in `outdir` into the new output `into`, so that the
 * next `terraform init` installs the provider versions and checksums already chosen (and reviewed), not whatever the
 * constraint admits today. Only from a stack directory that is one (not a link to another place), only a regular file
 * of a plausible size opened without following a link, and only one that holds what Terraform writes there; any
 * other is left behind, as is one that cannot be read.
 */
export function keepLockFiles(outdir: string, names: readonly string[], into: string): void {
  if (!isDirectoryItself(path.join(outdir, 'stacks'))) return;
  for (const name of names) {
    const from = path.join(outdir, 'stacks', name);
    const to = path.join(into, 'stacks', name);
    if (!isDirectoryItself(from) || !isDirectoryItself(to)) continue;
    const text = readLockFile(path.join(from, LOCK_FILE));
    if (text !== undefined) fs.writeFileSync(path.join(to, LOCK_FILE), text, { flag: 'wx' });
  }
}

/** The lock file's text when it is a regular file Terraform could have written, else undefined. */
function readLockFile(file: string): string | undefined {
  let fd: number;
  try {
    // Opened without following a link: what is checked is what is read, whatever replaces the name meanwhile.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_LOCK_FILE_BYTES) return undefined;
    const text = fs.readFileSync(fd, 'utf8');
    return text.split('\n').every((line) => LOCK_FILE_LINE.test(line)) ? text : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function differencesOf(name: string, kept: StackIdentity, now: StackIdentity): Array<{ name: string; text: string }> {
  return (Object.keys(FIELD_WORDS) as Array<keyof StackIdentity>)
    .filter((field) => JSON.stringify(sortedKeys(kept[field])) !== JSON.stringify(sortedKeys(now[field])))
    .map((field) => ({ name, text: `environment ${showValue(name)}'s ${FIELD_WORDS[field]} is ${shown(kept[field])} there, ${shown(now[field])} now` }));
}

const shown = (value: unknown) => (value === undefined ? '(none)' : showValue(sortedKeys(value)));

/** The written JSON has its keys sorted, the stack's own object does not: compared and shown alike. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
}
const synthesizeToo = (names: readonly string[]) => names.map((n) => `--env ${n}`).join(' ');

/** The entry cdktf writes for a stack: all of it follows from the name (okta-sso synth records no annotations there). */
function manifestEntry(name: string): StackManifest {
  const dir = `stacks/${name}`;
  return { name, constructPath: name, workingDirectory: dir, synthesizedStackPath: `${dir}/cdk.tf.json`, stackMetadataPath: `${dir}/metadata.json`, annotations: [], dependencies: [] };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
