import type { Document, Node } from 'yaml';
import { showValue } from '../model/show-value';
import { MAX_DEPTH, TOO_DEEP } from './yaml-depth';

/**
 * Values aliases may repeat in one file. A config that reuses a group list in
 * every integration repeats hundreds; an alias "bomb" (each anchor repeating
 * the previous one ten times) repeats billions from a few lines.
 */
export const MAX_ALIASED_VALUES = 100_000;
/** Characters aliases may repeat in one file: a long string repeated is as costly to check as many values. */
export const MAX_ALIASED_CHARS = 10_000_000;
/** Anchors and aliases in one file: the `yaml` library resolves each alias by a scan of the ones before it. */
export const MAX_ANCHORS_AND_ALIASES = 10_000;

/** A problem at an offset of the file's text. */
export interface TextProblem {
  readonly offset: number;
  readonly message: string;
}

interface Size {
  values: number;
  chars: number;
  depth: number;
}

interface Frame {
  readonly node: unknown;
  readonly kids: readonly unknown[];
  next: number;
  readonly size: Size;
}

/**
 * Checks a parsed document's anchors and aliases before its data is built:
 * every alias has an anchor before it, outside the node it repeats (no
 * cycle), and what aliases repeat stays within MAX_ALIASED_VALUES and
 * MAX_ALIASED_CHARS and within MAX_DEPTH once expanded. One walk, sizes
 * memoized per anchored node, so it is linear in the text however much the
 * aliases would expand. Returns the first problem, at the alias or anchor.
 */
export function checkAliases(doc: Document): TextProblem | undefined {
  const { isAlias, isMap, isPair, isScalar, isSeq } = require('yaml') as typeof import('yaml');
  const anchors = new Map<string, unknown>();
  const sizes = new Map<unknown, Size>();
  const open = new Set<unknown>();
  const repeated = { values: 0, chars: 0, marks: 0 };
  const root: Frame = { node: undefined, kids: [doc.contents], next: 0, size: { values: 0, chars: 0, depth: 0 } };
  const stack: Frame[] = [root];
  const add = (to: Size, child: Size) => {
    to.values += child.values;
    to.chars += child.chars;
    to.depth = Math.max(to.depth, child.depth + 1);
  };
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.kids.length) {
      stack.pop();
      open.delete(frame.node);
      sizes.set(frame.node, frame.size);
      if (stack.length > 0) add(stack[stack.length - 1].size, frame.size);
      continue;
    }
    const kid = frame.kids[frame.next++];
    if (kid === null || kid === undefined) continue;
    const offset = (isPair(kid) ? (kid.key as Node | null)?.range?.[0] : (kid as Node).range?.[0]) ?? 0;
    const anchor = isPair(kid) ? undefined : (kid as Node).anchor;
    if (anchor !== undefined || isAlias(kid)) {
      if (++repeated.marks > MAX_ANCHORS_AND_ALIASES) {
        return { offset, message: `more than ${MAX_ANCHORS_AND_ALIASES} anchors and aliases in one file; accepted: at most ${MAX_ANCHORS_AND_ALIASES}` };
      }
    }
    if (anchor !== undefined) anchors.set(anchor, kid);
    if (isAlias(kid)) {
      const name = showValue(`*${kid.source}`);
      const target = anchors.get(kid.source);
      if (target === undefined) return { offset, message: `alias ${name} has no anchor before it; accepted: an alias after the anchor (&name) of the value it repeats` };
      if (open.has(target)) return { offset, message: `alias ${name} is inside the list or map it repeats; accepted: an alias of a value that does not contain it` };
      const size = sizes.get(target)!;
      repeated.values += size.values;
      repeated.chars += size.chars;
      if (repeated.values > MAX_ALIASED_VALUES || repeated.chars > MAX_ALIASED_CHARS) {
        const [amount, unit] = repeated.values > MAX_ALIASED_VALUES ? [MAX_ALIASED_VALUES, 'values'] : [MAX_ALIASED_CHARS, 'characters'];
        return { offset, message: `aliases repeat more than ${amount} ${unit} in this file by alias ${name} (an alias "bomb"?); accepted: aliases that repeat at most ${amount} ${unit}` };
      }
      // Collections open on the stack, the virtual root excepted, plus the depth the alias brings in.
      if (stack.length - 1 + size.depth > MAX_DEPTH) return { offset, message: `${TOO_DEEP}, counting what alias ${name} repeats` };
      add(frame.size, size);
    } else if (isScalar(kid)) {
      const size = { values: 1, chars: typeof kid.value === 'string' ? kid.value.length : 1, depth: 0 };
      sizes.set(kid, size);
      add(frame.size, size);
    } else if (isMap(kid) || isSeq(kid) || isPair(kid)) {
      // A pair directly in a list (`[a: 1]`) becomes a one-entry map.
      const kids = isMap(kid) ? kid.items.flatMap((p) => [p.key, p.value]) : isSeq(kid) ? kid.items : [kid.key, kid.value];
      open.add(kid);
      stack.push({ node: kid, kids, next: 0, size: { values: 1, chars: 0, depth: 1 } });
    }
  }
  return undefined;
}
