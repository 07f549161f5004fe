import { isPlainObject } from '../model/prop-strings';
import { canonical } from '../yaml-edit/data';

/**
 * Two versions of a list matched item by item: what `promote` lists per item
 * (an item only the target has, one it lacks, one changed, one in another
 * place) and what `--write` edits, so that both say the same thing.
 */

/** Past this many item pairs a list is not matched item by item, but taken whole. */
const MAX_MATCH_CELLS = 250_000;

/** A map item's entries, each value canonical (made once per item, not once per pair compared); undefined for anything else. */
function entriesOf(item: unknown): Map<string, string> | undefined {
  return isPlainObject(item) ? new Map(Object.entries(item).map(([k, v]) => [k, canonical(v)])) : undefined;
}

/** How alike two items are, to pair an old item with its new version: the entries two maps share with equal values; 0 for anything else. */
function likeness(a: Map<string, string> | undefined, b: Map<string, string> | undefined): number {
  if (!a || !b) return 0;
  let n = 0;
  for (const [k, v] of a) if (b.get(k) === v) n++;
  return n;
}

/** An equal item weighs more than any number of alike ones. */
const EQUAL = 1_000_000;

/** An item of the old list and its version in the new one. */
export interface ItemPair {
  readonly old: number;
  readonly now: number;
  readonly equal: boolean;
  /** Matched out of the order the two lists share: the item is in another place relative to the others. */
  readonly moved: boolean;
}

export interface ListMatch {
  /** By `now`, in its order. */
  readonly pairs: readonly ItemPair[];
  /** Old items with no version in the new list. */
  readonly removed: readonly number[];
  /** New items with no old version. */
  readonly added: readonly number[];
}

/**
 * Matches `old`'s items with `now`'s: first in order (a longest common
 * subsequence weighted so that equal items count first, then pairs of maps by
 * the entries they share, e.g. the same `name`); then the items left over,
 * out of order: equal ones, then the most alike. Undefined for lists too long
 * to match item by item.
 */
export function matchList(old: readonly unknown[], now: readonly unknown[]): ListMatch | undefined {
  if (old.length * now.length > MAX_MATCH_CELLS) return undefined;
  const a = old.map(canonical);
  const b = now.map(canonical);
  const [oldEntries, nowEntries] = [old.map(entriesOf), now.map(entriesOf)];
  const weight = (i: number, j: number) => (a[i] === b[j] ? EQUAL : likeness(oldEntries[i], nowEntries[j]));
  // best[i][j]: the heaviest matching of old[i..] and now[j..].
  const best = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const w = weight(i, j);
      best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], w > 0 ? w + best[i + 1][j + 1] : 0);
    }
  }
  const oldOf = new Map<number, { old: number; moved: boolean }>();
  for (let [i, j] = [0, 0]; i < a.length && j < b.length; ) {
    const w = weight(i, j);
    if (w > 0 && best[i][j] === w + best[i + 1][j + 1]) oldOf.set(j++, { old: i++, moved: false });
    else if (best[i][j] === best[i][j + 1]) j++;
    else i++;
  }
  const taken = new Set([...oldOf.values()].map((m) => m.old));
  // Out of order: an equal item first, else the most alike (the first of the most alike on a tie).
  for (const pass of ['equal', 'alike'] as const) {
    for (let j = 0; j < b.length; j++) {
      if (oldOf.has(j)) continue;
      let found: number | undefined;
      let most = 0;
      for (let i = 0; i < a.length; i++) {
        if (taken.has(i)) continue;
        const w = pass === 'equal' ? (a[i] === b[j] ? EQUAL : 0) : likeness(oldEntries[i], nowEntries[j]);
        if (w > most) [found, most] = [i, w];
        if (pass === 'equal' && found !== undefined) break;
      }
      if (found === undefined) continue;
      oldOf.set(j, { old: found, moved: true });
      taken.add(found);
    }
  }
  const pairs = [...oldOf.entries()].sort(([x], [y]) => x - y).map(([j, m]): ItemPair => ({ old: m.old, now: j, equal: a[m.old] === b[j], moved: m.moved }));
  return { pairs, removed: a.map((_, i) => i).filter((i) => !taken.has(i)), added: b.map((_, j) => j).filter((j) => !oldOf.has(j)) };
}
