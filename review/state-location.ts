import * as path from 'path';
import { canonical } from './compare';
import { RiskFinding, finding } from './risk';
import { shownPathPair } from './shown-paths';

/**
 * Whether two stacks use the same Terraform state, from their cdk.tf.json alone. A local backend's path there
 * is relative to the stack directory and climbs to the config directory (`../../../acme/state/dev.tfstate`), so
 * it also names where base and head were synthesized from. Synth records the path as written in config
 * (stacks/local-state-record.ts): where both sides have that record, it is what is compared, and a config
 * directory at another path is said once, at low level (local state lives inside it: moving the directory
 * moves where Terraform looks for state). Where one side has it (the first pull request after upgrading), the
 * other side's path must end with the same state path, below a config directory that differs only in how far
 * it climbs from the stack directory (a synth output at another depth); then the state is the same, with the
 * same low note. Where neither has it (older output, a user's own app), the paths are compared as written.
 * Nothing outside the two synth directories is read.
 */

/** The parts of a stack the comparison needs. */
export interface BackendSide {
  /** `{ backend, cloud }` of the stack's `terraform` block. */
  readonly backend: unknown;
  /** The local state path recorded as written in config (relative to the config directory); absent without a record. */
  readonly localStateInConfig?: string;
}

export interface BackendComparison {
  /** Whether Terraform would use the same state. */
  readonly same: boolean;
  /** Set when the state is the same inside a config directory found at another path from the stack directory. */
  readonly configDirMoved?: RiskFinding;
}

export function compareBackends(base: BackendSide, head: BackendSide): BackendComparison {
  if (canonical(base.backend) === canonical(head.backend)) return { same: true };
  const before = localPath(base.backend);
  const after = localPath(head.backend);
  if (before === undefined || after === undefined || canonical(withoutPath(base.backend)) !== canonical(withoutPath(head.backend))) return { same: false };
  const inBase = recorded(base, before);
  const inHead = recorded(head, after);
  const [b, h] = shownPathPair(before, after);
  const note = (where: string) => ({ same: true, configDirMoved: finding('config-dir-moved', `config directory at another path from the stack directory: local state path ${b} in base, ${h} in head; ${where}`) });
  if (inBase !== undefined && inHead !== undefined) return inBase === inHead ? note(`${head.localStateInConfig} inside the config directory on both sides`) : { same: false };
  // A record its path does not end with (edited by hand) is not believed, and the other side's alone proves nothing.
  if ((base.localStateInConfig !== undefined && inBase === undefined) || (head.localStateInConfig !== undefined && inHead === undefined)) return { same: false };
  // Neither side recorded: the paths as written are all there is.
  const inConfig = inBase ?? inHead;
  if (inConfig === undefined) return { same: false };
  // One side records it (the first pull request after an upgrade: base synthesized by the version before).
  const baseDir = configDirOf(before, inConfig);
  const headDir = configDirOf(after, inConfig);
  if (baseDir === undefined || headDir === undefined) return { same: false };
  const below = belowClimb(baseDir);
  if (below !== belowClimb(headDir)) return { same: false };
  const [recordedSide, otherSide] = inBase === undefined ? ['head', 'base'] : ['base', 'head'];
  const file = [below, inConfig].filter((p) => p !== '').join('/');
  return note(
    `${inConfig} inside the config directory, as ${recordedSide} records it; ${otherSide} (output of an older okta-sso) records none, and its path differs only in how far it climbs to the same ${file} (a synth output directory at another depth)`,
  );
}

/**
 * A stack-relative config directory path without its climb. Two sides may differ only in how far they climb:
 * `../../../../cfg` (synthesized into build/out) and `../../../cfg` (into cdktf.out). Below the climb both must
 * name the same directories: `../../../cfg/old` against `../../../cfg` is another place, so a state file at
 * `cfg/old/state/dev.tfstate` before and `cfg/state/dev.tfstate` now is a backend change, as is a config
 * directory by another name, which with one record only cannot be told apart from a changed backend.path.
 */
function belowClimb(dir: string): string {
  const segments = dir === '' ? [] : dir.split('/');
  let i = 0;
  while (segments[i] === '..') i++;
  return segments.slice(i).join('/');
}

/** The config directory as a stack-relative path, when `written` (normalized) ends with the state path inside it; '' when it is that path. */
function configDirOf(written: string, inConfig: string): string | undefined {
  const full = path.posix.normalize(written);
  if (full === inConfig) return '';
  return full.endsWith(`/${inConfig}`) ? full.slice(0, -inConfig.length - 1) : undefined;
}

/** A local backend's path in words: as written in config when recorded, else as written in cdk.tf.json. */
export function localStateWords(side: BackendSide): string | undefined {
  if (side.localStateInConfig !== undefined) return `${side.localStateInConfig} (in the config directory)`;
  return localPath(side.backend);
}

/** The recorded path, normalized, when the path Terraform reads ends with it (a record edited apart from its path is not believed). */
function recorded(side: BackendSide, written: string): string | undefined {
  if (side.localStateInConfig === undefined) return undefined;
  const inConfig = path.posix.normalize(side.localStateInConfig);
  return configDirOf(written, inConfig) === undefined ? undefined : inConfig;
}

function localPath(backend: unknown): string | undefined {
  const local = (backend as { backend?: { local?: { path?: unknown } } } | undefined)?.backend?.local;
  return typeof local?.path === 'string' ? local.path : undefined;
}

function withoutPath(backend: unknown): unknown {
  const { path: _path, ...local } = (backend as { backend: { local: Record<string, unknown> } }).backend.local;
  return { ...(backend as object), backend: { local } };
}
