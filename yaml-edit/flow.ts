import { YAMLMap, YAMLSeq, isPair } from 'yaml';
import { BY_HAND, YamlEditError } from './error';
import { YamlStyle } from './render';
import { Splice, breakAt, columnOf, commaAfter, lineEnd, lineStart, newLines, rangeOf, spaceStart, startsLine, withCommentsAbove } from './text';

/**
 * Entries added to and removed from flow collections (`{ a: 1, b: 2 }`,
 * `[a, b]`), whether on one line or one entry per line with comments after
 * them: a comment stays on the line of the entry it was written after, and
 * goes only with that entry.
 */

export interface Span {
  /** The entry's first character: its key, or the item. */
  readonly start: number;
  /** Just past its value. */
  readonly end: number;
}

function spansOf(collection: YAMLMap | YAMLSeq, at: readonly string[]): Span[] {
  return collection.items.map((item) => {
    if (isPair(item)) return { start: rangeOf(item.key, at)[0], end: rangeOf(item.value ?? item.key, at)[1] };
    const [start, end] = rangeOf(item, at);
    return { start, end };
  });
}

/** Whether the rest of the line from `offset` holds nothing but spaces, maybe the entry's own `,`, and maybe a comment. */
function restIsEntryEnd(text: string, offset: number): boolean {
  return /^[ \t]*,?[ \t]*(#.*)?$/.test(text.slice(offset, breakAt(text, offset)));
}

/** The entry starts its line and nothing but its comment follows it there: one entry per line. */
export function onOwnLine(text: string, span: Span): boolean {
  return startsLine(text, span.start) && restIsEntryEnd(text, span.end);
}

function cannot(at: readonly string[]): YamlEditError {
  return new YamlEditError(`is written in a way that cannot be edited in place; ${BY_HAND}`, at);
}

/** Whether a `,` written just after `end` takes the place of a space: the first of two or more that lead to a comment, so the comment keeps its column. */
export function commaTakesSpace(text: string, end: number): boolean {
  return /^ {2,}#/.test(text.slice(end, breakAt(text, end)));
}

/** A `,` written just after `end` (see commaTakesSpace). */
function commaAt(text: string, end: number): Splice {
  return { start: end, end: commaTakesSpace(text, end) ? end + 1 : end, text: ',' };
}

/** The `,` at `comma` removed; a comment after it keeps its column, and is never joined to the value (`1# c` would be part of it). */
function commaGone(text: string, comma: number): Splice {
  const rest = text.slice(comma + 1, breakAt(text, comma));
  return { start: comma, end: comma + 1, text: rest.trim().startsWith('#') ? ' ' : '' };
}

/** Removes entry `i`, with the comment after it on its line (and the comment lines right above it, when it has a line of its own). */
export function deleteFlowEntry(text: string, collection: YAMLMap | YAMLSeq, i: number, at: readonly string[]): Splice[] {
  const spans = spansOf(collection, at);
  const span = spans[i];
  const lines = (start: number, end: number): Splice => ({ start: withCommentsAbove(text, lineStart(text, start), columnOf(text, start)), end, text: '' });
  if (spans.length === 1) return [{ start: rangeOf(collection, at)[0], end: rangeOf(collection, at)[1], text: isPair(collection.items[0]) ? '{}' : '[]' }];
  if (i + 1 < spans.length) {
    const comma = commaAfter(text, span.end);
    if (comma === undefined) throw cannot(at);
    if (onOwnLine(text, span)) return [lines(span.start, lineEnd(text, comma))];
    const next = spans[i + 1].start;
    // The next entry on the comma's line moves up into this one's place; else the line ends at the entry before.
    if (!text.slice(comma, next).includes('\n')) return [{ start: span.start, end: next, text: '' }];
    return [{ start: spaceStart(text, span.start), end: breakAt(text, comma), text: '' }];
  }
  // The last entry.
  const before = spans[i - 1].end;
  if (!text.slice(before, span.start).includes('\n')) return [{ start: before, end: span.end, text: '' }];
  // A trailing comma after it says the file writes one after every entry: the one before keeps its own.
  const own = commaAfter(text, span.end);
  const previous = commaAfter(text, before);
  if (previous === undefined) throw cannot(at);
  const splices = own === undefined ? [commaGone(text, previous)] : [];
  if (restIsEntryEnd(text, span.end)) return [...splices, lines(span.start, lineEnd(text, span.end))];
  // The closing bracket follows on its line: it stays where it is.
  return [...splices, { start: span.start, end: own === undefined ? span.end : own + 1, text: '' }];
}

/**
 * Adds entries (their text, `key: value` or an item) before entry `j`, or at
 * the end when `j` is the number of entries; one entry per line where the
 * collection is written so, else inline. The collection has entries.
 */
export function insertFlowEntries(text: string, collection: YAMLMap | YAMLSeq, j: number, entries: readonly string[], at: readonly string[], style: YamlStyle): Splice[] {
  const spans = spansOf(collection, at);
  if (j < spans.length) {
    const next = spans[j];
    if (startsLine(text, next.start)) {
      const pad = ' '.repeat(columnOf(text, next.start));
      return [newLines(text, withCommentsAbove(text, lineStart(text, next.start), pad.length), entries.map((e) => `${pad}${e},`), style)];
    }
    return [{ start: next.start, end: next.start, text: entries.map((e) => `${e}, `).join('') }];
  }
  const last = spans[spans.length - 1];
  const own = commaAfter(text, last.end);
  if (onOwnLine(text, last)) {
    const pad = ' '.repeat(columnOf(text, last.start));
    const added = newLines(text, lineEnd(text, last.end), entries.map((e, n) => `${pad}${e}${own !== undefined || n + 1 < entries.length ? ',' : ''}`), style);
    return own === undefined ? [commaAt(text, last.end), added] : [added];
  }
  if (own !== undefined) return [{ start: own + 1, end: own + 1, text: entries.map((e) => ` ${e},`).join('') }];
  return [{ start: last.end, end: last.end, text: entries.map((e) => `, ${e}`).join('') }];
}
