import * as fs from 'fs';
import * as path from 'path';
import { canonical } from './compare';

/**
 * Whether two stacks use the same Terraform state. A local backend's path in
 * cdk.tf.json is relative to the stack directory and climbs to the config
 * directory (`../../../<config dir>/state/dev.tfstate`), so it names the
 * directories base and head were synthesized from. What a user sets, and what
 * Terraform uses in the one checkout it runs in, is the path inside the config
 * directory (`backend.path`, default `state/<env>.tfstate`): that is compared,
 * with the config directory found on disk from the state path. Where either
 * side's config directory is not on disk (synth output copied elsewhere), the
 * paths are compared from each side's root, the directory holding its synth
 * output: checkouts side by side (`base/cdktf.out`, `head/cdktf.out`) compare equal.
 */

/** The parts of a stack the comparison needs: its `terraform` backend settings and where its directory is. */
export interface BackendSide {
  /** `{ backend, cloud }` of the stack's `terraform` block. */
  readonly backend: unknown;
  /** The stack directory (`<synth dir>/stacks/<env>`); undefined when the stack was not read from disk. */
  readonly dir?: string;
}

/** Where a local backend keeps state: inside its config directory when found, and from the side's root. */
interface LocalState {
  readonly inConfig?: string;
  readonly fromRoot: string;
}

const CONFIG_FILE = /\.(ya?ml|json)$/i;
/** A config file that declares environments (any config file may: load-config collects them from all). */
const DECLARES_ENVIRONMENTS = /^environments\s*:|^\s*\{[\s\S]*"environments"\s*:/m;
/** Bounds on the search: levels walked up, entries listed per directory, bytes read per file. */
const MAX_LEVELS = 12;
const MAX_ENTRIES = 200;
const MAX_BYTES = 64 * 1024;

export function sameBackend(base: BackendSide, head: BackendSide): boolean {
  if (canonical(base.backend) === canonical(head.backend)) return true;
  const b = localState(base);
  const a = localState(head);
  if (!b || !a) return false;
  if (canonical(withoutPath(base.backend)) !== canonical(withoutPath(head.backend))) return false;
  return b.inConfig !== undefined && a.inConfig !== undefined ? b.inConfig === a.inConfig : b.fromRoot === a.fromRoot;
}

/** A local backend's path in words: inside the config directory when it is found there, else as written. */
export function localStateWords(side: BackendSide): string | undefined {
  const state = localState(side);
  return state?.inConfig !== undefined ? `${state.inConfig} (in the config directory)` : undefined;
}

function localPath(backend: unknown): string | undefined {
  const local = (backend as { backend?: { local?: { path?: unknown } } } | undefined)?.backend?.local;
  return typeof local?.path === 'string' ? local.path : undefined;
}

function withoutPath(backend: unknown): unknown {
  const { path: _path, ...local } = (backend as { backend: { local: Record<string, unknown> } }).backend.local;
  return { ...(backend as object), backend: { local } };
}

function localState(side: BackendSide): LocalState | undefined {
  const written = localPath(side.backend);
  if (written === undefined || side.dir === undefined) return undefined;
  const stackDir = real(side.dir);
  // Terraform resolves the path from the stack directory, where it runs.
  const file = path.resolve(stackDir, written);
  const root = path.dirname(path.dirname(path.dirname(stackDir)));
  const config = configDirOf(file, commonAncestor(stackDir, file));
  const slashes = (p: string) => p.split(path.sep).join('/');
  return { ...(config !== undefined ? { inConfig: slashes(path.relative(config, file)) } : {}), fromRoot: slashes(path.relative(root, file)) };
}

/**
 * The nearest directory above the state file that holds a config file declaring environments, directly or
 * one level down. Synth writes the path from the stack directory to the config directory, so the config
 * directory is on the way down from where the two meet (`top`): the search goes no higher.
 */
function configDirOf(file: string, top: string): string | undefined {
  let dir = path.dirname(file);
  for (let level = 0; level < MAX_LEVELS; level++) {
    if (declaresEnvironments(dir)) return dir;
    const parent = path.dirname(dir);
    if (dir === top || parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** The deepest directory that holds both paths (absolute, resolved). */
function commonAncestor(a: string, b: string): string {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return x.slice(0, n).join(path.sep) || path.sep;
}

/** Directories that hold tool output or state, never config (as config/list-files.ts skips them). */
const NOT_CONFIG = new Set(['node_modules', 'cdktf.out', 'state']);

function declaresEnvironments(dir: string): boolean {
  const isConfig = (d: string, e: fs.Dirent) => e.isFile() && CONFIG_FILE.test(e.name) && fileDeclares(path.join(d, e.name));
  const entries = list(dir);
  if (entries.some((e) => isConfig(dir, e))) return true;
  return entries.some((e) => e.isDirectory() && !e.name.startsWith('.') && !NOT_CONFIG.has(e.name) && list(path.join(dir, e.name)).some((f) => isConfig(path.join(dir, e.name), f)));
}

/** A directory's entries in name order (the first MAX_ENTRIES, so the answer never depends on the file system's order). */
function list(dir: string): fs.Dirent[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, MAX_ENTRIES);
  } catch {
    return [];
  }
}

function fileDeclares(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(MAX_BYTES);
    const n = fs.readSync(fd, buffer, 0, MAX_BYTES, 0);
    return DECLARES_ENVIRONMENTS.test(buffer.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function real(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}
