import { isPlainObject } from '../model/prop-strings';
import { YamlEditError } from './error';

/**
 * The edits promote and adopt make, on plain data (a config file's or an override's):
 * what the edited text must read back as, and what the plan resolves to judge
 * whether a change reaches users. A path part below a list is an item index.
 */

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // Defined, never assigned: a `__proto__` key in config is data, not a prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A deep copy of plain data (maps, lists, scalars). Not structuredClone: its
 * copies are objects of the realm it runs in, which isPlainObject (and so the
 * merge of settings) does not take for plain data in another one (jest's).
 */
export function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  if (!isPlainObject(value)) return value;
  // Object.fromEntries defines each key, as `define` does: a `__proto__` key stays data.
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, clonePlain(v)])) as T;
}

/** Whether a path part names a list item. */
export function isIndex(part: string): boolean {
  return /^(0|[1-9]\d*)$/.test(part);
}

/** The child of a map (own entries only) or a list (by index). */
function childOf(here: unknown, key: string): unknown {
  if (Array.isArray(here)) return here[Number(key)];
  return isPlainObject(here) && Object.hasOwn(here, key) ? here[key] : undefined;
}

export function dataAt(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((here, key) => childOf(here, key), data);
}

/** Sets `path` in plain data, creating maps on the way; a value in the way that is neither a map nor a list is an edit that cannot be made. */
export function setData(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let here: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next = childOf(here, path[i]);
    // Into a list only by an item index: a field name there means config holds a list where the edit expects a map.
    if (isPlainObject(next) || (Array.isArray(next) && isIndex(path[i + 1]))) {
      here = next;
      continue;
    }
    if (next !== undefined && next !== null) throw new YamlEditError('holds a value that is not a map where the edit must write inside a map; accepted: a map', path.slice(0, i + 1));
    if (Array.isArray(here)) throw new YamlEditError('has no such list item', path.slice(0, i + 1));
    define(here, path[i], {});
    here = here[path[i]] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (Array.isArray(here)) here[Number(last)] = clonePlain(value);
  else define(here, last, clonePlain(value));
}

/** Inserts `value` into the list holding `path`, at the index `path` ends with. */
export function insertData(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const list = dataAt(root, path.slice(0, -1));
  if (!Array.isArray(list)) throw new YamlEditError('holds no list to insert into; accepted: a list', path.slice(0, -1));
  list.splice(Number(path[path.length - 1]), 0, clonePlain(value));
}

/** Moves the list item at `path` to index `to` of its list. */
export function moveData(root: Record<string, unknown>, path: readonly string[], to: number): void {
  const list = dataAt(root, path.slice(0, -1));
  if (!Array.isArray(list)) throw new YamlEditError('holds no list to move an item in; accepted: a list', path.slice(0, -1));
  list.splice(to, 0, ...list.splice(Number(path[path.length - 1]), 1));
}

/** Deletes `path` (a map entry or a list item) from plain data, and the maps it leaves empty below the first `keep` parts. */
export function deleteData(root: Record<string, unknown>, path: readonly string[], keep: number): void {
  const chain: unknown[] = [root];
  for (const key of path.slice(0, -1)) {
    const next = childOf(chain[chain.length - 1], key);
    if (!isPlainObject(next) && !Array.isArray(next)) return;
    chain.push(next);
  }
  const parent = chain[path.length - 1];
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    parent.splice(Number(last), 1);
    return;
  }
  delete (parent as Record<string, unknown>)[last];
  // Never the integration's own entry (chain[keep]): left empty, it stays enabled with no override.
  for (let n = path.length - 1; n > keep && isPlainObject(chain[n]) && Object.keys(chain[n] as object).length === 0 && isPlainObject(chain[n - 1]); n--) {
    delete (chain[n - 1] as Record<string, unknown>)[path[n - 1]];
  }
}

/** Plain data from dot paths (`signing.algorithm`) and their values. */
export function unflatten(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(fields)) setData(out, path.split('.'), value);
  return out;
}

/** Renames the key `path` ends with `to`, keeping the keys' order (the order the file writes them in). */
export function renameData(root: Record<string, unknown>, path: readonly string[], to: string): void {
  const parent = dataAt(root, path.slice(0, -1));
  const from = path[path.length - 1];
  if (!isPlainObject(parent) || !Object.hasOwn(parent, from)) throw new YamlEditError('is not in the file', path);
  const entries = Object.entries(parent);
  for (const key of Object.keys(parent)) delete parent[key];
  for (const [key, value] of entries) define(parent, key === from ? to : key, value);
}

/** Plain data with map keys sorted: two values compared for content, not for key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v)) ?? '';
}
