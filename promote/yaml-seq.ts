import { YAMLSeq, isMap } from 'yaml';
import { BY_HAND, YamlEditError } from './edit-error';
import { YamlStyle, columnOf, flowText, isBlockNode, itemLines } from './yaml-render';
import { insertFlowEntries, deleteFlowEntry } from './yaml-flow';
import { Splice, lineStart, newLines, pastDeeperComments, pastLine, rangeOf, withCommentsAbove } from './yaml-text';

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
  if (text[dash] !== '-') throw new YamlEditError(`is a list item written in a way promote cannot edit in place; ${BY_HAND}`, at);
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
  if (seq.items.length < 2) throw new YamlEditError(`would leave an empty list, which promote writes whole; ${BY_HAND}`, at);
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
