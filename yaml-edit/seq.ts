import { YAMLSeq, isMap } from 'yaml';
import { BY_HAND, YamlEditError } from './error';
import { YamlStyle, flowText, isBlockNode, itemLines } from './render';
import { commaTakesSpace, deleteFlowEntry, insertFlowEntries, onOwnLine } from './flow';
import { Splice, breakAt, columnOf, lineStart, newLines, pastDeeperComments, pastLine, rangeOf, startsLine, withCommentsAbove } from './text';

/**
 * Items added to, removed from and replaced in lists: only the items that
 * change are touched, so the others keep their text (comments after them,
 * quoting, spacing). A block list's item spans from its dash's line (with the
 * comment lines right above it) to the end of its value's lines.
 */

interface ItemSpan {
  readonly dash: number;
  readonly column: number;
  /** Its first line, comment lines above the dash included. */
  readonly start: number;
  readonly end: number;
}

function itemSpan(text: string, seq: YAMLSeq, j: number, at: readonly string[]): ItemSpan {
  const [start, end] = rangeOf(seq.items[j], at);
  let dash = start - 1;
  while (dash > 0 && /\s/.test(text[dash])) dash--;
  if (text[dash] !== '-') throw new YamlEditError(`is a list item written in a way that cannot be edited in place; ${BY_HAND}`, at);
  const column = columnOf(text, dash);
  return { dash, column, start: withCommentsAbove(text, lineStart(text, dash), column), end: pastDeeperComments(text, pastLine(text, end), column) };
}

/** A block map item, as the neighbours of a new item may be written: the new one is written so too. */
function isBlockMap(node: unknown): boolean {
  return isMap(node) && isBlockNode(node);
}

/** Lines that replace `text.slice(start, end)`, which ends a line (or the text, maybe without a final line break). */
function linesText(text: string, end: number, lines: readonly string[], style: YamlStyle): string {
  const last = end === text.length && !text.endsWith('\n') ? '' : style.eol;
  return `${lines.join(style.eol)}${last}`;
}

/** Removes item `j` of a list with other items. */
export function deleteItem(text: string, seq: YAMLSeq, j: number, at: readonly string[]): Splice[] {
  if (seq.items.length < 2) throw new YamlEditError(`would leave an empty list, which must be written whole; ${BY_HAND}`, at);
  if (seq.flow) return deleteFlowEntry(text, seq, j, at);
  const span = itemSpan(text, seq, j, at);
  return [{ start: span.start, end: span.end, text: '' }];
}

/** Inserts `value` as item `j` (the end when `j` is the number of items) of a list with items. */
export function insertItem(text: string, seq: YAMLSeq, j: number, value: unknown, at: readonly string[], style: YamlStyle): Splice[] {
  const n = seq.items.length;
  if (seq.flow) return insertFlowEntries(text, seq, j, [flowText(value, style)], at, style);
  const near = Math.min(j, n - 1);
  const span = itemSpan(text, seq, near, at);
  return [newLines(text, j < n ? span.start : span.end, itemLines(value, span.column, style, isBlockMap(seq.items[near])), style)];
}

/** The text of a flow list's item `j` written on its own line, as the line it makes before another item: with the comment lines above it, its `,`, and the comment after it in its column. */
function flowItemLine(text: string, seq: YAMLSeq, j: number, at: readonly string[], style: YamlStyle): string | undefined {
  const [start, end] = rangeOf(seq.items[j], at);
  const rest = text.slice(end, breakAt(text, end));
  if (!onOwnLine(text, { start, end })) return undefined;
  const first = lineStart(text, start);
  const above = text.slice(withCommentsAbove(text, first, columnOf(text, start)), first);
  // The last item may have no `,`: one takes the first of two spaces or more before its comment, which keeps its column.
  const comma = /^[ \t]*,/.test(rest) ? rest : `,${rest.slice(commaTakesSpace(text, end) ? 1 : 0)}`;
  return `${above}${text.slice(first, end)}${comma}${style.eol}`;
}

/** Moves item `from` before item `to` (an earlier one), with its text: the comments above it and after it go with it. */
export function moveItem(text: string, seq: YAMLSeq, from: number, to: number, at: readonly string[], style: YamlStyle): Splice[] {
  if (seq.flow) {
    const line = flowItemLine(text, seq, from, at, style);
    const target = rangeOf(seq.items[to], at)[0];
    if (line !== undefined && startsLine(text, target)) {
      const into = withCommentsAbove(text, lineStart(text, target), columnOf(text, target));
      return [{ start: into, end: into, text: line }, ...deleteFlowEntry(text, seq, from, at)];
    }
    const [start, end] = rangeOf(seq.items[from], at);
    return [...insertFlowEntries(text, seq, to, [text.slice(start, end)], at, style), ...deleteFlowEntry(text, seq, from, at)];
  }
  const span = itemSpan(text, seq, from, at);
  const moved = text.slice(span.start, span.end);
  const into = itemSpan(text, seq, to, at).start;
  if (span.end < text.length || moved.endsWith('\n')) return [{ start: into, end: into, text: moved }, { start: span.start, end: span.end, text: '' }];
  // The last line of a text without a final line break: the line break before it goes instead.
  const gone = text[span.start - 2] === '\r' ? span.start - 2 : span.start - 1;
  return [{ start: into, end: into, text: `${moved}${style.eol}` }, { start: gone, end: span.end, text: '' }];
}

/** Replaces item `j` with `value`: in place on its dash's line when it fits there, keeping the comment after it. */
export function replaceItem(text: string, seq: YAMLSeq, j: number, value: unknown, at: readonly string[], style: YamlStyle): Splice[] {
  const item = seq.items[j];
  const [start, end] = rangeOf(item, at);
  if (seq.flow) return [{ start, end, text: flowText(value, style) }];
  const span = itemSpan(text, seq, j, at);
  const lines = itemLines(value, span.column, style, isBlockMap(item));
  if (lines.length === 1 && !isBlockNode(item)) return [{ start, end, text: lines[0].slice(span.column + 2) }];
  const from = lineStart(text, span.dash);
  return [{ start: from, end: span.end, text: linesText(text, span.end, lines, style) }];
}
