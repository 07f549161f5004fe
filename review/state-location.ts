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
 * moves where Terraform looks for state). Where either side lacks it (older output, a user's own app), the
 * paths are compared as written. Nothing outside the two synth directories is read.
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
  // Without a record on both sides that the path agrees with, the paths as written are all there is (the old comparison).
  const inBase = recorded(base, before);
  const inHead = recorded(head, after);
  if (inBase === undefined || inHead === undefined || inBase !== inHead) return { same: false };
  const [b, h] = shownPathPair(before, after);
  const detail = `config directory at another path from the stack directory: local state path ${b} in base, ${h} in head; ${head.localStateInConfig} inside the config directory on both sides`;
  return { same: true, configDirMoved: finding('config-dir-moved', detail) };
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
  const full = path.posix.normalize(written);
  return full === inConfig || full.endsWith(`/${inConfig}`) ? inConfig : undefined;
}

function localPath(backend: unknown): string | undefined {
  const local = (backend as { backend?: { local?: { path?: unknown } } } | undefined)?.backend?.local;
  return typeof local?.path === 'string' ? local.path : undefined;
}

function withoutPath(backend: unknown): unknown {
  const { path: _path, ...local } = (backend as { backend: { local: Record<string, unknown> } }).backend.local;
  return { ...(backend as object), backend: { local } };
}
