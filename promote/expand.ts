import { isPlainObject } from '../model/prop-strings';
import { TextEdit } from './yaml-edit';

/**
 * A promoted value set over a map or a list the target already has, as the
 * edits of its entries or items that change: the entries and items that stay
 * keep their text (the comments after them, their quoting). Applied one after
 * another, each on the text the previous one left.
 */

/** Plain data with map keys sorted: two values compared for content, not for key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v)) ?? '';
}

/** Past this many item pairs a list is not matched item by item, but written whole. */
const MAX_MATCH_CELLS = 250_000;

/** Whether a value has entries or items. */
function filled(value: unknown): value is Record<string, unknown> | unknown[] {
  return Array.isArray(value) ? value.length > 0 : isPlainObject(value) && Object.keys(value).length > 0;
}

/**
 * The edits that set `edit`'s value over `current` (the value at its path now),
 * or undefined when the edit is made as it is: a scalar, a new key, a value of
 * another kind, an empty map or list on either side. Keys and items are set or
 * inserted before any is removed, so a map or a list is never left empty on the way.
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

/** How alike two items are, to pair an old item with its new version: the entries two maps share with equal values; 0 for anything else. */
function likeness(a: unknown, b: unknown): number {
  if (!isPlainObject(a) || !isPlainObject(b)) return 0;
  return Object.keys(a).filter((k) => Object.hasOwn(b, k) && canonical(a[k]) === canonical(b[k])).length;
}

/** An equal item weighs more than any number of alike ones. */
const EQUAL = 1_000_000;

/**
 * A list's items matched in order (a longest common subsequence weighted so
 * that equal items count first, then pairs of maps by the entries they share):
 * equal items stay as they are, an alike pair is one item set in place (it
 * keeps its place, and what stays of its text: `- name: email   # mail` when
 * only its `values` change), new items are inserted and old ones removed.
 */
function listEdits(edit: Extract<TextEdit, { kind: 'set' }>, old: readonly unknown[], now: readonly unknown[]): TextEdit[] | undefined {
  if (old.length * now.length > MAX_MATCH_CELLS) return undefined;
  const a = old.map(canonical);
  const b = now.map(canonical);
  const weight = (i: number, j: number) => (a[i] === b[j] ? EQUAL : likeness(old[i], now[j]));
  // best[i][j]: the heaviest matching of old[i..] and now[j..].
  const best = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const w = weight(i, j);
      best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], w > 0 ? w + best[i + 1][j + 1] : 0);
    }
  }
  const { path, quoted } = edit;
  const sets: TextEdit[] = [];
  const deletes: TextEdit[] = [];
  // `at`: where item i of the old list is now, in the list as the edits so far leave it.
  let [i, j, at] = [0, 0, 0];
  while (i < a.length || j < b.length) {
    const w = i < a.length && j < b.length ? weight(i, j) : 0;
    if (w > 0 && best[i][j] === w + best[i + 1][j + 1]) {
      if (w < EQUAL) sets.push({ kind: 'set', path: [...path, String(at)], value: now[j], quoted });
      [i, j, at] = [i + 1, j + 1, at + 1];
    } else if (j < b.length && (i === a.length || best[i][j] === best[i][j + 1])) {
      sets.push({ kind: 'insert', path: [...path, String(at)], value: now[j], quoted });
      [j, at] = [j + 1, at + 1];
    } else {
      // Removed last, from the end, so that neither the indexes of the edits before nor the list's other items move under them.
      deletes.unshift({ kind: 'delete', path: [...path, String(at)], keep: path.length });
      [i, at] = [i + 1, at + 1];
    }
  }
  return [...sets, ...deletes];
}
