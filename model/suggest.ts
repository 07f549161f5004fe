import { showValue } from './show-value';

/**
 * The candidate `word` most likely stands for: the closest by edit distance when it is close
 * enough to be a typo (`relaySate` -> `relayState`); else, which edit distance misses when the
 * names differ in length, the one candidate that starts with the word or that the word starts
 * with (`org` -> `orgName`), else the one that contains the word or that the word contains
 * (`metadata` -> `spMetadata`, `samlAcsUrl` -> `acsUrl`).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return (
    byEditDistance(word, candidates) ??
    onlyOne(word, candidates, (a, b) => a.startsWith(b)) ??
    onlyOne(word, candidates, (a, b) => a.includes(b))
  );
}

/** Shorter than this, a part of a name says too little (`id` is in every `...Id`). */
const MIN_PART = 3;

/** The one candidate that `holds(longer, shorter)` relates to the word either way, case ignored; none when two do (no guess rather than a wrong one). */
function onlyOne(word: string, candidates: readonly string[], holds: (longer: string, shorter: string) => boolean): string | undefined {
  const w = word.toLowerCase();
  const matches = candidates.filter((c) => {
    const l = c.toLowerCase();
    return l !== w && ((w.length >= MIN_PART && holds(l, w)) || (l.length >= MIN_PART && holds(w, l)));
  });
  return matches.length === 1 ? matches[0] : undefined;
}

function byEditDistance(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(word.length / 3));
  for (const c of candidates) {
    // The distance is at least the difference in length: a 1 MB key is compared with nothing, not in seconds per candidate.
    if (Math.abs(word.length - c.length) > limit) continue;
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** A field a map does not have, as a message: the field it most likely misspells, and the fields accepted. */
export function unknownFieldMessage(name: string, known: readonly string[]): string {
  const meant = closest(name, known);
  return `unknown field ${showValue(name)}${meant ? ` (did you mean ${showValue(meant)}?)` : ''}; accepted: ${known.join(', ')}`;
}
