import { cutText } from '../model/cut-text';
import { HIDDEN, containsSecret } from './redact';

/** A path shown in a finding is cut past this length. */
export const MAX_PATH_SHOWN = 60;
/** The most of one directory or file name kept where a path is cut. */
const MAX_SEGMENT_SHOWN = 24;

/**
 * Two `/`-separated paths that differ, as a finding shows them side by side, never a secret: each whole when
 * short; when long, the deepest segment where they differ (what tells them apart, e.g. the config directory's
 * name) and the file name, then the segments between them and above, as many as fit. Left-out runs of
 * segments are `...`: the leading `../` say the least.
 */
export function shownPathPair(a: string, b: string): [string, string] {
  const x = a.split('/');
  const y = b.split('/');
  let same = 0;
  while (same < x.length && same < y.length && x[x.length - 1 - same] === y[y.length - 1 - same]) same++;
  return [shownPath(x, x.length - 1 - same), shownPath(y, y.length - 1 - same)];
}

/** One path's segments, keeping segment `differs` (-1: none) and the last. */
function shownPath(segments: readonly string[], differs: number): string {
  const whole = segments.join('/');
  if (containsSecret(whole)) return HIDDEN;
  if (whole.length <= MAX_PATH_SHOWN) return whole;
  const last = segments.length - 1;
  const shown = new Set([last, ...(differs >= 0 ? [differs] : [])]);
  // Below the differing segment first (toward the file), then above it, each run while it fits.
  for (const run of [range(last - 1, differs + 1), range(differs - 1, 0)]) {
    for (const i of run) {
      shown.add(i);
      if (render(segments, shown).length > MAX_PATH_SHOWN) {
        shown.delete(i);
        break;
      }
    }
  }
  return render(segments, shown);
}

/** The shown segments in order, a long one cut, each run of left-out ones as `...`. */
function render(segments: readonly string[], shown: ReadonlySet<number>): string {
  const parts: string[] = [];
  segments.forEach((s, i) => {
    if (shown.has(i)) parts.push(cutText(s, MAX_SEGMENT_SHOWN));
    else if (parts[parts.length - 1] !== '...') parts.push('...');
  });
  return parts.join('/');
}

/** `from` down to `to`, inclusive (empty when `from < to`). */
function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i >= to; i--) out.push(i);
  return out;
}
