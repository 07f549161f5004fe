/**
 * Edits of a YAML file's text by the source ranges of its parsed nodes: only
 * the lines an edit touches change, so every other byte (comment spacing,
 * quoting, blank lines, flow padding) stays as its author wrote it, which
 * re-emitting the whole document through `yaml` does not keep.
 */

import { Document, Node, Pair, YAMLMap, YAMLSeq, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { showValue } from '../model/show-value';
import { isIndex } from './data';
import { BY_HAND, YamlEditError } from './error';
import { deleteFlowEntry, insertFlowEntries } from './flow';
import { YamlStyle, blockLines, entryLines, flowText, isBlockNode, needsBlock, scalarText } from './render';
import { deleteItem, insertItem, moveItem, replaceItem } from './seq';
import { Splice, colonAfter, columnOf, lineEnd, lineStart, newLines, pastDeeperComments, pastLine, rangeOf, spaceStart, startsLine, withCommentsAbove } from './text';

export { BY_HAND, YamlEditError };
export type { Splice };

/** A comment to write above the key at `at` (a full path) when the edit creates it. */
export interface KeyComment {
  readonly at: readonly string[];
  readonly text: string;
}

/** Strings as the promotion's source quotes them, by value (YamlStyle.quoted). */
type Quoted = { readonly quoted?: ReadonlyMap<string, string> };

/** One edit of a YAML file, by full paths from the file's root; a path part below a list is an item index. */
export type TextEdit =
  /** `path` set to `value`, maps on the way created. */
  | ({ readonly kind: 'set'; readonly path: readonly string[]; readonly value: unknown } & Quoted)
  /** New keys at the end of the map at `path` (created if absent), each maybe with a comment above it. */
  | ({ readonly kind: 'add'; readonly path: readonly string[]; readonly entries: ReadonlyArray<readonly [string, unknown]>; readonly comments: readonly KeyComment[] } & Quoted)
  /** `value` inserted into the list holding `path`, as the item `path` ends with (the list's length: at its end). */
  | ({ readonly kind: 'insert'; readonly path: readonly string[]; readonly value: unknown } & Quoted)
  /** The list item at `path` moved, with its text and comments, to index `to` (before the item there now; lower than its own). */
  | { readonly kind: 'move'; readonly path: readonly string[]; readonly to: number }
  /** `path` removed, with the maps it leaves empty below the first `keep` parts (the deepest kept one left as `{}`). */
  | { readonly kind: 'delete'; readonly path: readonly string[]; readonly keep: number }
  /** The key `path` ends with renamed `to`, in place: its value, comments and position stay. */
  | { readonly kind: 'rename'; readonly path: readonly string[]; readonly to: string };

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
export function splicesOf(parsed: ParsedYaml, edit: TextEdit): Splice[] {
  if (edit.kind === 'delete') return deleteIn(parsed, edit.path, edit.keep);
  if (edit.kind === 'rename') return renameIn(parsed, edit.path, edit.to);
  if (edit.kind === 'move') return moveIn(parsed, edit.path, edit.to);
  const p = edit.quoted ? { ...parsed, style: { ...parsed.style, quoted: edit.quoted } } : parsed;
  if (edit.kind === 'insert') return insertIn(p, edit.path, edit.value);
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
  if (doc.errors.length) throw new YamlEditError(`the edit would leave a file that does not parse (${doc.errors[0].code}); ${BY_HAND}`, []);
  return doc;
}

/** The key `path` ends with, written as `to` (plain where YAML reads it back as that string, else quoted). */
function renameIn(p: ParsedYaml, path: readonly string[], to: string): Splice[] {
  const map = editable(p.doc.getIn(path.slice(0, -1), true), path.slice(0, -1), p.used);
  const pair = findPair(map, path[path.length - 1]);
  if (!pair) throw new YamlEditError('is not in the file', path);
  const [start, end] = rangeOf(pair.key, path);
  return [{ start, end, text: scalarText(to) }];
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

/** Refuses to replace or remove a value holding an anchor that an alias repeats: the alias would change, or break. */
function refuseUsedAnchor(node: unknown, used: ReadonlySet<string>, at: readonly string[], verb: 'replace' | 'remove'): void {
  const anchor = usedAnchorIn(node, used);
  if (!anchor) return;
  const why = verb === 'replace' ? 'replaced without changing it there too' : 'removed without breaking the alias';
  throw new YamlEditError(`carries the anchor &${anchor} that an alias repeats elsewhere, which cannot be ${why}; accepted: the value written out in place of the alias`, at);
}

function describeNode(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return `${showValue(node.value)} (a ${typeof node.value})`;
  return 'not a map';
}

/** Refuses to edit through an alias, or a collection whose anchor an alias repeats: either would change fields elsewhere too. */
function editableNode(node: unknown, at: readonly string[], used: ReadonlySet<string>): unknown {
  if (isAlias(node)) {
    throw new YamlEditError(`is an alias (*${node.source}) of a value written elsewhere, which cannot be changed here without changing it there too; accepted: the value written out in place of the alias`, at);
  }
  const anchor = (node as { anchor?: string } | null)?.anchor;
  if ((isMap(node) || isSeq(node)) && anchor && used.has(anchor)) {
    throw new YamlEditError(`carries the anchor &${anchor} that an alias repeats elsewhere, which cannot be changed here without changing it there too; accepted: the values written out in place of the alias`, at);
  }
  return node;
}

function editable(node: unknown, at: readonly string[], used: ReadonlySet<string>): YAMLMap {
  const checked = editableNode(node, at, used);
  if (!isMap(checked)) throw new YamlEditError(`holds ${describeNode(checked)} where the edit must write inside a map; accepted: a map`, at);
  return checked;
}

/** The list at `at` (checked as `editable` checks maps), and the index of one of its items that `part` names, if it names one. */
function editableSeq(node: unknown, at: readonly string[], used: ReadonlySet<string>, part: string): { seq: YAMLSeq; index?: number } {
  const seq = editableNode(node, at, used) as YAMLSeq;
  return { seq, index: isIndex(part) && Number(part) < seq.items.length ? Number(part) : undefined };
}

/** `value` under the maps `path` names. Maps of new entries are made with Object.fromEntries, which defines keys, never assigns them: a `__proto__` key is data. */
function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight((inner, key) => Object.fromEntries([[key, inner]]), value);
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
    if (isSeq(node)) {
      // Through a list only by an existing item's index: an item replaced, or a field set inside one.
      const last = i === path.length;
      const { seq, index } = editableSeq(node, path.slice(0, i), p.used, last ? entries[0][0] : path[i]);
      if (index === undefined || (last && !(replace && entries.length === 1))) throw new YamlEditError('holds a list where the edit must write inside a map; accepted: a map', path.slice(0, i));
      if (last) {
        refuseUsedAnchor(seq.items[index], p.used, [...path, entries[0][0]], 'replace');
        return replaceItem(p.text, seq, index, entries[0][1], [...path, entries[0][0]], p.style);
      }
      node = seq.items[index];
      continue;
    }
    const map = editable(node, path.slice(0, i), p.used);
    if (i === path.length) {
      const present = entries.map(([key]) => findPair(map, key));
      if (replace && entries.length === 1 && present[0]) return replaceValue(p, map, present[0], entries[0][1], [...path, entries[0][0]], relativeComments(comments, [...path, entries[0][0]]));
      if (present.some(Boolean)) throw new YamlEditError(`already has ${showValue(entries[present.findIndex(Boolean)][0])}; ${BY_HAND}`, path);
      return insertEntries(p, map, entries, path, relativeComments(comments, path));
    }
    const pair = findPair(map, path[i]);
    const rest = path.slice(i + 1);
    if (!pair) return insertEntries(p, map, [[path[i], nest(rest, Object.fromEntries(entries))]], path.slice(0, i), relativeComments(comments, path.slice(0, i)));
    if (isEmpty(pair.value)) return replaceValue(p, map, pair, nest(rest, Object.fromEntries(entries)), path.slice(0, i + 1), relativeComments(comments, path.slice(0, i + 1)));
    node = pair.value;
  }
  throw new YamlEditError(`has no field to set; ${BY_HAND}`, path);
}

/** The existing node at `path`, through maps and list items, each checked as `editable` checks maps. */
function existingAt(p: ParsedYaml, path: readonly string[]): unknown {
  let node: unknown = editableNode(p.doc.contents, [], p.used);
  for (let i = 0; i < path.length; i++) {
    const at = path.slice(0, i);
    const next = isSeq(node) ? node.items[editableSeq(node, at, p.used, path[i]).index ?? -1] : findPair(editable(node, at, p.used), path[i])?.value;
    if (next === undefined) throw new YamlEditError(`has no field to edit; ${BY_HAND}`, path.slice(0, i + 1));
    node = editableNode(next, path.slice(0, i + 1), p.used);
  }
  return node;
}

function insertIn(p: ParsedYaml, path: readonly string[], value: unknown): Splice[] {
  const at = path.slice(0, -1);
  const seq = existingAt(p, at);
  const index = Number(path[path.length - 1]);
  if (!isSeq(seq) || !seq.items.length || !isIndex(path[path.length - 1]) || index > seq.items.length) throw new YamlEditError(`holds no list with items to insert into; ${BY_HAND}`, at);
  return insertItem(p.text, seq, index, value, path, p.style);
}

function moveIn(p: ParsedYaml, path: readonly string[], to: number): Splice[] {
  const at = path.slice(0, -1);
  const seq = existingAt(p, at);
  const from = Number(path[path.length - 1]);
  if (!isSeq(seq) || !isIndex(path[path.length - 1]) || !(to < from && from < seq.items.length)) throw new YamlEditError(`holds no list item to move; ${BY_HAND}`, path);
  return moveItem(p.text, seq, from, to, at, p.style);
}

function insertEntries(p: ParsedYaml, map: YAMLMap, entries: ReadonlyArray<readonly [string, unknown]>, at: readonly string[], comments: Map<string, string>): Splice[] {
  const { text, style } = p;
  const [start, end] = rangeOf(map, at);
  if (map.flow) {
    if (!map.items.length) return [{ start, end, text: flowText(Object.fromEntries(entries), style) }];
    return insertFlowEntries(text, map, map.items.length, entries.map(([key, value]) => `${scalarText(key)}: ${flowText(value, style)}`), at, style);
  }
  const column = columnOf(text, rangeOf(map.items[0].key, at)[0]);
  const offset = pastDeeperComments(text, pastLine(text, end), column);
  return [newLines(text, offset, entries.flatMap(([key, value]) => entryLines(key, value, column, style, comments)), style)];
}

function replaceValue(p: ParsedYaml, map: YAMLMap, pair: Pair, value: unknown, at: readonly string[], comments: Map<string, string>): Splice[] {
  const { text, style } = p;
  const old = pair.value as Node | null;
  refuseUsedAnchor(old, p.used, at, 'replace');
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
    if (!block) {
      // Every line below the key's that the old value holds goes, its comments included (those above its first entry and
      // those after its last): left behind, they would stand above the next key, about something no longer there.
      const all = { start: lineEnd(text, colon), end: pastDeeperComments(text, lines.end, column) };
      return [{ ...all, text: '' }, { start: colon, end: colon, text: ` ${flowText(value, style)}` }];
    }
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
 * Deletes `path` (a map entry or a list item), with the comment lines right
 * above it; maps it leaves empty go too, up to the first `keep` path parts,
 * the deepest of which is left as `{}` if nothing else is in it.
 */
function deleteIn(p: ParsedYaml, path: readonly string[], keep: number): Splice[] {
  const { text } = p;
  const chain: Array<YAMLMap | YAMLSeq> = [];
  const entries: Array<Pair | number> = [];
  let node: unknown = p.doc.contents;
  for (let i = 0; i < path.length; i++) {
    const at = path.slice(0, i);
    const found = isSeq(node) ? editableSeq(node, at, p.used, path[i]).index : findPair(editable(node, at, p.used), path[i]);
    // Already absent: nothing to delete.
    if (found === undefined) return [];
    chain.push(node as YAMLMap | YAMLSeq);
    entries.push(found);
    node = typeof found === 'number' ? (node as YAMLSeq).items[found] : found.value;
  }
  let n = path.length;
  while (n - 1 > keep && isMap(chain[n - 1]) && chain[n - 1].items.length === 1) n--;
  const [container, entry, at] = [chain[n - 1], entries[n - 1], path.slice(0, n)];
  const map = container as YAMLMap;
  if (typeof entry !== 'number' && map.items.length === 1 && n - 1 === keep && keep > 0) {
    const [outer, place] = [chain[keep - 1], entries[keep - 1]];
    if (typeof place === 'number') return replaceItem(text, outer as YAMLSeq, place, {}, path.slice(0, keep), p.style);
    return replaceValue(p, outer as YAMLMap, place, {}, path.slice(0, keep), new Map());
  }
  refuseUsedAnchor(typeof entry === 'number' ? (container as YAMLSeq).items[entry] : entry.value, p.used, at, 'remove');
  if (typeof entry === 'number') return deleteItem(text, container as YAMLSeq, entry, at);
  const i = map.items.indexOf(entry);
  if (map.flow) return deleteFlowEntry(text, map, i, at);
  const keyStart = rangeOf(entry.key, at)[0];
  if (!startsLine(text, keyStart)) {
    // The first key of a list item's map, on the item's dash line (`- name: email`): the next key moves up into its place.
    if (i !== 0 || map.items.length < 2) throw new YamlEditError(`is written in a way that cannot be removed in place; ${BY_HAND}`, at);
    return [{ start: keyStart, end: rangeOf(map.items[1].key, at)[0], text: '' }];
  }
  const column = columnOf(text, keyStart);
  // Comment lines right above the key, at its indent, are about it: they go with it.
  const start = withCommentsAbove(text, lineStart(text, keyStart), column);
  return [{ start, end: pastDeeperComments(text, pastLine(text, rangeOf(entry.value ?? entry.key, at)[1]), column), text: '' }];
}
