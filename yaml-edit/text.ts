import type { Node } from 'yaml';
import { BY_HAND, YamlEditError } from './error';
import type { YamlStyle } from './render';

/** Positions in a YAML file's text: where lines, comments and entries start and end. */

/** A replacement of `text.slice(start, end)`: offsets of the text the edit was computed on. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function rangeOf(node: unknown, at: readonly string[]): [number, number, number] {
  const range = (node as Node | null)?.range;
  if (!range) throw new YamlEditError(`has no place in the file's text that can be edited; ${BY_HAND}`, at);
  return range;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Column (from 0) of `offset` in `text`. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Offset just past the end of the line `offset` is on (its newline included), or the end of the text. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Offset of the line break ending the line `offset` is on (`\r\n` counts from its `\r`), or the end of the text. */
export function breakAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Back over the spaces before `offset` on its line. */
export function spaceStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at;
}

export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Whether only spaces stand before `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return spaceStart(text, offset) === lineStart(text, offset);
}

/** Past the comment lines at `offset` indented deeper than `column`: they belong to the value above them. */
export function pastDeeperComments(text: string, offset: number, column: number): number {
  let at = offset;
  while (at < text.length) {
    const end = lineEnd(text, at);
    const line = text.slice(at, end);
    if (!/^\s*#/.test(line) || indentOf(line) <= column) break;
    at = end;
  }
  return at;
}

/** Up over the comment lines right above the line starting at `start`, at `column`: they are about what that line holds. */
export function withCommentsAbove(text: string, start: number, column: number): number {
  let at = start;
  while (at > 0) {
    const above = lineStart(text, at - 1);
    const line = text.slice(above, at);
    if (!/^\s*#/.test(line) || indentOf(line) !== column) break;
    at = above;
  }
  return at;
}

/** Offset just past the end of a node's text at `end`, to the end of its line when that line holds only its comment after it. */
export function pastLine(text: string, end: number): number {
  return end === text.length || text[end - 1] === '\n' ? end : lineEnd(text, end);
}

/** Text that must become a new line at `offset` (a line start, or the end of a text without a final newline). */
export function newLines(text: string, offset: number, lines: readonly string[], style: YamlStyle): Splice {
  const joined = lines.join(style.eol);
  const text2 = offset > 0 && text[offset - 1] !== '\n' ? `${style.eol}${joined}` : `${joined}${style.eol}`;
  return { start: offset, end: offset, text: text2 };
}

/** The `,` after `offset` that separates flow entries, past spaces, line breaks and comments; undefined before a closing bracket. */
export function commaAfter(text: string, offset: number): number | undefined {
  let at = offset;
  while (at < text.length) {
    const c = text[at];
    if (c === ',') return at;
    if (c === '#') at = lineEnd(text, at);
    else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') at++;
    else return undefined;
  }
  return undefined;
}

/** Offset just after the `:` that follows a block map key. */
export function colonAfter(text: string, keyEnd: number, at: readonly string[]): number {
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0 || text.slice(keyEnd, colon).trim()) throw new YamlEditError(`has a key written in a way that cannot be edited; ${BY_HAND}`, at);
  return colon + 1;
}
