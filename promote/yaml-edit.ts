/**
 * Edits of a YAML file's text by the source ranges of its parsed nodes: only
 * the lines an edit touches change, so every other byte (comment spacing,
 * quoting, blank lines, flow padding) stays as its author wrote it, which
 * re-emitting the whole document through `yaml` does not keep.
 */

import { Document, Node, Pair, YAMLMap, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { showValue } from '../model/show-value';
import { YamlStyle, blockLines, columnOf, entryLines, flowText, isBlockNode, needsBlock, scalarText } from './yaml-render';

/** What a user can do about an edit promote cannot make: make it by hand, and let promote check the result. */
export const BY_HAND = 'accepted: the value set by hand, then promote run again to check';

/** An edit that cannot be made in place; `at` is the deepest part of its path that exists in the file. */
export class YamlEditError extends Error {
  constructor(
    message: string,
    readonly at: readonly string[],
  ) {
    super(message);
  }
}

/** A comment to write above the key at `at` (a full path) when the edit creates it. */
export interface KeyComment {
  readonly at: readonly string[];
  readonly text: string;
}

/** One edit of a YAML file, by full paths from the file's root. */
export type TextEdit =
  /** `path` set to `value`, maps on the way created. */
  | { readonly kind: 'set'; readonly path: readonly string[]; readonly value: unknown }
  /** New keys at the end of the map at `path` (created if absent), each maybe with a comment above it. */
  | { readonly kind: 'add'; readonly path: readonly string[]; readonly entries: ReadonlyArray<readonly [string, unknown]>; readonly comments: readonly KeyComment[] }
  /** `path` removed, with the maps it leaves empty below the first `keep` parts (the deepest kept one left as `{}`). */
  | { readonly kind: 'delete'; readonly path: readonly string[]; readonly keep: number };

/** A replacement of `text.slice(start, end)`: offsets of the text the edit was computed on. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Splices computed on one text, applied together in one pass (a thousand edits of a large file stay linear); ties keep their order. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of [...splices].sort((a, b) => a.start - b.start)) {
    // Two edits of the same lines: a case the rounds should never produce; the write is refused, located.
    if (s.start < at) throw new Error('overlapping edits');
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A text parsed once, for any number of edits that do not touch the same map. */
export interface ParsedYaml {
  readonly text: string;
  readonly doc: Document;
  readonly style: YamlStyle;
  /** Anchors some alias repeats. */
  readonly used: ReadonlySet<string>;
}

export function parsedYaml(text: string, style: YamlStyle, doc: Document = parseYaml(text)): ParsedYaml {
  const used = new Set<string>();
  visit(doc, { Alias: (_key, alias) => void used.add(alias.source) });
  return { text, doc, style, used };
}

/** The splices that make `edit` on `p`'s text. */
export function splicesOf(p: ParsedYaml, edit: TextEdit): Splice[] {
  if (edit.kind === 'delete') return deleteIn(p, edit.path, edit.keep);
  if (edit.kind === 'set') return setIn(p, edit.path.slice(0, -1), [[edit.path[edit.path.length - 1], edit.value]], [], true);
  return setIn(p, edit.path, edit.entries, edit.comments, false);
}

/** `edits` made on `text`, computed on one parse: edits of the same map must be made one after another instead. */
export function editYaml(text: string, edits: readonly TextEdit[], style: YamlStyle): string {
  const p = parsedYaml(text, style);
  return applySplices(text, edits.flatMap((edit) => splicesOf(p, edit)));
}

/** The document of `text`; a text that does not parse is an edit gone wrong, never written. */
export function parseYaml(text: string): Document {
  const doc = parseDocument(text, { merge: false, uniqueKeys: false });
  if (doc.errors.length) throw new YamlEditError(`promote's edit would leave a file that does not parse (${doc.errors[0].code}); ${BY_HAND}`, []);
  return doc;
}

function rangeOf(node: unknown, at: readonly string[]): [number, number, number] {
  const range = (node as Node | null)?.range;
  if (!range) throw new YamlEditError(`has no place in the file's text that promote can edit; ${BY_HAND}`, at);
  return range;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the end of the line `offset` is on (its newline included), or the end of the text. */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Back over the spaces before `offset` on its line. */
function spaceStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Past the comment lines at `offset` indented deeper than `column`: they belong to the value above them. */
function pastDeeperComments(text: string, offset: number, column: number): number {
  let at = offset;
  while (at < text.length) {
    const end = lineEnd(text, at);
    const line = text.slice(at, end);
    if (!/^\s*#/.test(line) || indentOf(line) <= column) break;
    at = end;
  }
  return at;
}

/** Offset just after the `:` that follows a block map key. */
function colonAfter(text: string, keyEnd: number, at: readonly string[]): number {
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0 || text.slice(keyEnd, colon).trim()) throw new YamlEditError(`has a key written in a way promote cannot edit; ${BY_HAND}`, at);
  return colon + 1;
}

/** Text that must become a new line at `offset` (a line start, or the end of a text without a final newline). */
function newLines(text: string, offset: number, lines: readonly string[], style: YamlStyle): Splice {
  const joined = lines.join(style.eol);
  const text2 = offset > 0 && text[offset - 1] !== '\n' ? `${style.eol}${joined}` : `${joined}${style.eol}`;
  return { start: offset, end: offset, text: text2 };
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** A value with nothing in it yet: `key:`, `key: ~` or `key: {}`, which an edit may replace with a map. */
function isEmpty(node: unknown): boolean {
  return node === null || (isScalar(node) && node.value === null) || (isMap(node) && node.items.length === 0);
}

/** An anchor under `node` that an alias repeats: changing `node` would change what the alias reads. */
function usedAnchorIn(node: unknown, used: ReadonlySet<string>): string | undefined {
  let found: string | undefined;
  const check = (n: { anchor?: string }) => {
    if (n.anchor && used.has(n.anchor)) found ??= n.anchor;
  };
  if (node && typeof node === 'object') visit(node as Node, { Map: (_k, n) => check(n), Seq: (_k, n) => check(n), Scalar: (_k, n) => check(n) });
  return found;
}

function describeNode(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return `${showValue(node.value)} (a ${typeof node.value})`;
  return 'not a map';
}

/** Refuses to edit through an alias, or a map whose anchor an alias repeats: either would change fields elsewhere too. */
function editable(node: unknown, at: readonly string[], used: ReadonlySet<string>): YAMLMap {
  if (isAlias(node)) {
    throw new YamlEditError(`is an alias (*${node.source}) of a value written elsewhere, which promote cannot change here without changing it there too; accepted: the value written out in place of the alias`, at);
  }
  if (!isMap(node)) throw new YamlEditError(`holds ${describeNode(node)} where promote must write inside a map; accepted: a map`, at);
  if (node.anchor && used.has(node.anchor)) {
    throw new YamlEditError(`carries the anchor &${node.anchor} that an alias repeats elsewhere, which promote cannot change here without changing it there too; accepted: the values written out in place of the alias`, at);
  }
  return node;
}

/** Plain data: `{ [key]: value }` for each entry, keys defined, never assigned (a `__proto__` key is data). */
function mapOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight((inner, key) => mapOf([[key, inner]]), value);
}

/** The comments of `comments` below `from` path parts, by their dot paths from there (how the renderer looks them up). */
function relativeComments(comments: readonly KeyComment[], from: readonly string[]): Map<string, string> {
  const below = comments.filter((c) => c.at.length > from.length && from.every((part, i) => c.at[i] === part));
  return new Map(below.map((c) => [c.at.slice(from.length).join('.'), c.text]));
}

/**
 * `entries` set in the map at `path`: an existing key's value is replaced where
 * it stands (if `replace`; else an existing key is refused), missing keys are added at the end of the deepest existing map (with
 * any maps between created), in that map's style (block entries at its indent,
 * or `, key: value` inside braces).
 */
function setIn(p: ParsedYaml, path: readonly string[], entries: ReadonlyArray<readonly [string, unknown]>, comments: readonly KeyComment[], replace: boolean): Splice[] {
  let node: unknown = p.doc.contents;
  for (let i = 0; i <= path.length; i++) {
    const map = editable(node, path.slice(0, i), p.used);
    if (i === path.length) {
      const present = entries.map(([key]) => findPair(map, key));
      if (replace && entries.length === 1 && present[0]) return replaceValue(p, map, present[0], entries[0][1], [...path, entries[0][0]], relativeComments(comments, [...path, entries[0][0]]));
      if (present.some(Boolean)) throw new YamlEditError(`already has ${showValue(entries[present.findIndex(Boolean)][0])}; ${BY_HAND}`, path);
      return insertEntries(p, map, entries, path, relativeComments(comments, path));
    }
    const pair = findPair(map, path[i]);
    const rest = path.slice(i + 1);
    if (!pair) return insertEntries(p, map, [[path[i], nest(rest, mapOf(entries))]], path.slice(0, i), relativeComments(comments, path.slice(0, i)));
    if (isEmpty(pair.value)) return replaceValue(p, map, pair, nest(rest, mapOf(entries)), path.slice(0, i + 1), relativeComments(comments, path.slice(0, i + 1)));
    node = pair.value;
  }
  throw new YamlEditError(`has no field to set; ${BY_HAND}`, path);
}

function insertEntries(p: ParsedYaml, map: YAMLMap, entries: ReadonlyArray<readonly [string, unknown]>, at: readonly string[], comments: Map<string, string>): Splice[] {
  const { text, style } = p;
  const [start, end] = rangeOf(map, at);
  if (map.flow) {
    if (!map.items.length) return [{ start, end, text: flowText(mapOf(entries), style) }];
    const last = map.items[map.items.length - 1];
    const after = rangeOf(last.value ?? last.key, at)[1];
    return [{ start: after, end: after, text: entries.map(([key, value]) => `, ${scalarText(key)}: ${flowText(value, style)}`).join('') }];
  }
  const column = columnOf(text, rangeOf(map.items[0].key, at)[0]);
  const offset = pastDeeperComments(text, text[end - 1] === '\n' || end === text.length ? end : lineEnd(text, end), column);
  return [newLines(text, offset, entries.flatMap(([key, value]) => entryLines(key, value, column, style, comments)), style)];
}

function replaceValue(p: ParsedYaml, map: YAMLMap, pair: Pair, value: unknown, at: readonly string[], comments: Map<string, string>): Splice[] {
  const { text, style } = p;
  const old = pair.value as Node | null;
  const anchor = usedAnchorIn(old, p.used);
  if (anchor) throw new YamlEditError(`carries the anchor &${anchor} that an alias repeats elsewhere, which promote cannot replace without changing it there too; accepted: the value written out in place of the alias`, at);
  const oldRange = old?.range && old.range[1] > old.range[0] ? old.range : undefined;
  const keyRange = rangeOf(pair.key, at);
  if (map.flow) {
    if (oldRange) return [{ start: oldRange[0], end: oldRange[1], text: flowText(value, style) }];
    const colon = colonAfter(text, keyRange[1], at);
    return [{ start: colon, end: colon, text: ` ${flowText(value, style)}` }];
  }
  const column = columnOf(text, keyRange[0]);
  const block = needsBlock(`${' '.repeat(column)}${scalarText(at[at.length - 1])}:`, value, style);
  const colon = colonAfter(text, keyRange[1], at);
  if (old && oldRange && isBlockNode(old) && !isScalar(old)) {
    // The old value's own lines, below the key's line (which keeps its comment).
    const lines = { start: lineStart(text, oldRange[0]), end: text[oldRange[1] - 1] === '\n' ? oldRange[1] : lineEnd(text, oldRange[1]) };
    if (!block) return [{ ...lines, text: '' }, { start: colon, end: colon, text: ` ${flowText(value, style)}` }];
    const sameKind = isMap(old) === (typeof value === 'object' && !Array.isArray(value));
    const childColumn = sameKind ? columnOf(text, oldRange[0]) : column + style.indent;
    return [{ ...lines, text: `${blockLines(value, childColumn, style, comments).join(style.eol)}${style.eol}` }];
  }
  if (old && oldRange && isBlockNode(old)) {
    // A block scalar (`|`): its header sits on the key's line, its text on the lines below.
    const replaced = block ? `${style.eol}${blockLines(value, column + style.indent, style, comments).join(style.eol)}${style.eol}` : `${flowText(value, style)}${style.eol}`;
    return [{ start: block ? spaceStart(text, oldRange[0]) : oldRange[0], end: oldRange[1], text: replaced }];
  }
  if (!block) {
    if (oldRange) return [{ start: oldRange[0], end: oldRange[1], text: flowText(value, style) }];
    return [{ start: colon, end: colon, text: ` ${flowText(value, style)}` }];
  }
  // An inline value (or none) becomes lines below the key; a comment on the key's line stays there.
  const removed: Splice = oldRange ? { start: Math.max(colon, spaceStart(text, oldRange[0])), end: oldRange[1], text: '' } : { start: colon, end: colon, text: '' };
  const below = lineEnd(text, oldRange ? oldRange[1] : colon);
  return [removed, newLines(text, below, blockLines(value, column + style.indent, style, comments), style)];
}

/**
 * Deletes `path`, with the comment lines right above its key; maps it leaves
 * empty go too, up to the first `keep` path parts, the deepest of which is
 * left as `{}` if nothing else is in it.
 */
function deleteIn(p: ParsedYaml, path: readonly string[], keep: number): Splice[] {
  const { text } = p;
  const maps: YAMLMap[] = [];
  const pairs: Pair[] = [];
  let node: unknown = p.doc.contents;
  for (let i = 0; i < path.length; i++) {
    const map = editable(node, path.slice(0, i), p.used);
    const pair = findPair(map, path[i]);
    // Already absent: nothing to delete.
    if (!pair) return [];
    maps.push(map);
    pairs.push(pair);
    node = pair.value;
  }
  let n = path.length;
  while (n - 1 > keep && maps[n - 1].items.length === 1) n--;
  const [map, pair, at] = [maps[n - 1], pairs[n - 1], path.slice(0, n)];
  if (map.items.length === 1 && n - 1 === keep && keep > 0) return replaceValue(p, maps[keep - 1], pairs[keep - 1], {}, path.slice(0, keep), new Map());
  const anchor = usedAnchorIn(pair.value, p.used);
  if (anchor) throw new YamlEditError(`carries the anchor &${anchor} that an alias repeats elsewhere, which promote cannot remove without breaking the alias; accepted: the value written out in place of the alias`, at);
  const i = map.items.indexOf(pair);
  const end = (q: Pair) => rangeOf(q.value ?? q.key, at)[1];
  if (map.flow) {
    if (i + 1 < map.items.length) return [{ start: rangeOf(pair.key, at)[0], end: rangeOf(map.items[i + 1].key, at)[0], text: '' }];
    return [{ start: end(map.items[i - 1]), end: end(pair), text: '' }];
  }
  const keyStart = rangeOf(pair.key, at)[0];
  const column = columnOf(text, keyStart);
  let start = lineStart(text, keyStart);
  // Comment lines right above the key, at its indent, are about it: they go with it.
  while (start > 0) {
    const above = lineStart(text, start - 1);
    const line = text.slice(above, start);
    if (!/^\s*#/.test(line) || indentOf(line) !== column) break;
    start = above;
  }
  const valueEnd = end(pair);
  return [{ start, end: pastDeeperComments(text, text[valueEnd - 1] === '\n' ? valueEnd : lineEnd(text, valueEnd), column), text: '' }];
}
