import { isPlainObject } from '../model/prop-strings';
import { canonical } from '../yaml-edit/data';
import { matchList } from './list-match';
import { TextEdit } from '../yaml-edit/edit';

/**
 * A promoted value set over a map or a list the target already has, as the
 * edits of its entries or items that change: the entries and items that stay
 * keep their text (the comments after them, their quoting). Applied one after
 * another, each on the text the previous one left.
 */

/** Whether a value has entries or items. */
function filled(value: unknown): value is Record<string, unknown> | unknown[] {
  return Array.isArray(value) ? value.length > 0 : isPlainObject(value) && Object.keys(value).length > 0;
}

/**
 * The edits that set `edit`'s value over `current` (the value at its path now),
 * or undefined when the edit is made as it is: a scalar, a new key, a value of
 * another kind, an empty map or list on either side. A map's keys are set
 * before any is removed, and a list's last item is removed only after a new
 * one is in: a map or a list is never left empty on the way.
 */
export function expandEdit(edit: TextEdit, current: unknown): TextEdit[] | undefined {
  if (edit.kind !== 'set' || current === undefined) return undefined;
  const { path, value, quoted } = edit;
  if (canonical(current) === canonical(value)) return [];
  if (!filled(current) || !filled(value) || Array.isArray(current) !== Array.isArray(value)) return undefined;
  if (Array.isArray(current)) return listEdits(edit, current, value as unknown[]);
  const old = current as Record<string, unknown>;
  const now = value as Record<string, unknown>;
  const sets = Object.keys(now)
    .filter((k) => !Object.hasOwn(old, k) || canonical(old[k]) !== canonical(now[k]))
    .map((k): TextEdit => ({ kind: 'set', path: [...path, k], value: now[k], quoted }));
  const deletes = Object.keys(old)
    .filter((k) => !Object.hasOwn(now, k))
    .map((k): TextEdit => ({ kind: 'delete', path: [...path, k], keep: path.length }));
  return [...sets, ...deletes];
}

/**
 * A list's items set one after another into the source's order (items matched
 * as matchList matches them): an item in its place stays as it is, or is set
 * in place when it changed (it keeps its place and what stays of its text:
 * `- name: email   # mail` when only its `values` change); an item that is
 * elsewhere in the source is moved there whole, with its comments, then set
 * if it changed; new items are inserted, and old ones removed.
 */
function listEdits(edit: Extract<TextEdit, { kind: 'set' }>, old: readonly unknown[], now: readonly unknown[]): TextEdit[] | undefined {
  const match = matchList(old, now);
  if (!match) return undefined;
  const { path, quoted } = edit;
  const at = (index: number) => [...path, String(index)];
  const pairOf = new Map(match.pairs.map((p) => [p.now, p]));
  const removed = new Set(match.removed);
  // The list as the edits so far leave it: old items by index, new ones as -1.
  const list = old.map((_, i) => i);
  const edits: TextEdit[] = [];
  for (let j = 0; j < now.length; j++) {
    // An old item without a version is removed where it stands, unless it is the last one left (a list is never left empty on the way).
    while (j < list.length && removed.has(list[j]) && list.length > 1) {
      edits.push({ kind: 'delete', path: at(j), keep: path.length });
      list.splice(j, 1);
    }
    const pair = pairOf.get(j);
    if (!pair) {
      edits.push({ kind: 'insert', path: at(j), value: now[j], quoted });
      list.splice(j, 0, -1);
      continue;
    }
    const from = list.indexOf(pair.old);
    if (from !== j) {
      edits.push({ kind: 'move', path: at(from), to: j });
      list.splice(j, 0, ...list.splice(from, 1));
    }
    if (!pair.equal) edits.push({ kind: 'set', path: at(j), value: now[j], quoted });
  }
  // What is left past the source's items was removed: from the end, so that the items before keep their indexes.
  for (let k = list.length - 1; k >= now.length; k--) edits.push({ kind: 'delete', path: at(k), keep: path.length });
  return edits;
}
