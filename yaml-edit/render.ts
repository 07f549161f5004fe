import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { isPlainObject } from '../model/prop-strings';
import { columnOf } from './text';

/** How a config file is written, so that lines an edit adds look like their neighbours. */
export interface YamlStyle {
  readonly eol: string;
  /** Spaces per nesting level. */
  readonly indent: number;
  /** `{ a: 1 }` rather than `{a: 1}`. */
  readonly mapPadding: boolean;
  /** `[ a ]` rather than `[a]`. */
  readonly seqPadding: boolean;
  /** Strings as the promotion's source quotes them (`"^(Data|Analytics)-.*"`), by value: written the same way. */
  readonly quoted?: ReadonlyMap<string, string>;
}

/** Past this column a list is written one item per line rather than inline. */
const INLINE_WIDTH = 100;

/** The file's own line ending, indent step and flow-bracket padding; the example's style where the file shows none. */
export function styleOf(doc: Document, text: string): YamlStyle {
  let indent: number | undefined;
  let mapPadding: boolean | undefined;
  let seqPadding: boolean | undefined;
  visit(doc, {
    Pair(_key, pair, path) {
      // A block map nested right under a block map's key: the step between their keys' columns.
      const parent = path[path.length - 1];
      const child = pair.value;
      if (indent === undefined && isMap(parent) && !parent.flow && isMap(child) && !child.flow && child.items.length && isScalar(pair.key) && pair.key.range) {
        const inner = (child.items[0].key as { range?: [number, number, number] } | null)?.range;
        if (inner) indent = columnOf(text, inner[0]) - columnOf(text, pair.key.range[0]);
      }
    },
    Map(_key, map) {
      if (map.flow && map.items.length && map.range && mapPadding === undefined) mapPadding = /\s/.test(text[map.range[0] + 1] ?? '');
    },
    Seq(_key, seq) {
      if (seq.flow && seq.items.length && seq.range && seqPadding === undefined) seqPadding = /\s/.test(text[seq.range[0] + 1] ?? '');
    },
  });
  return { eol: text.includes('\r\n') ? '\r\n' : '\n', indent: indent && indent > 0 ? indent : 2, mapPadding: mapPadding ?? true, seqPadding: seqPadding ?? false };
}

/** A scalar as YAML text valid inside a flow collection (so also after `key: `), quoted only where YAML needs it. */
export function scalarText(value: unknown): string {
  // Control characters (a newline) would make `yaml` fold the string over several lines: JSON's escapes are valid YAML.
  if (typeof value === 'string' && /[\u0000-\u001f\u007f]/.test(value)) return JSON.stringify(value);
  const text = new Document([value]).toString({ collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();
  return text.slice(1, -1);
}

function isCollectionValue(value: unknown): boolean {
  return Array.isArray(value) || isPlainObject(value);
}

/** A value on one line: `[a, b]`, `{ key: value }` or a scalar. */
export function flowText(value: unknown, style: YamlStyle): string {
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    const pad = style.seqPadding ? ' ' : '';
    return `[${pad}${value.map((v) => flowText(v, style)).join(', ')}${pad}]`;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    const pad = style.mapPadding ? ' ' : '';
    return `{${pad}${entries.map(([k, v]) => `${scalarText(k)}: ${flowText(v, style)}`).join(', ')}${pad}}`;
  }
  return (typeof value === 'string' && style.quoted?.get(value)) || scalarText(value);
}

/**
 * Whether `value` goes on the lines below `head` (`key:` or `- `): a map with
 * entries always does, as the surrounding block maps; a list does when it holds
 * maps or lists (one per line, as `attributeSync:` and `pushGroups:` are
 * written) or is too long for one line.
 */
export function needsBlock(head: string, value: unknown, style: YamlStyle): boolean {
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  if (!Array.isArray(value) || !value.length) return false;
  return value.some(isCollectionValue) || `${head} ${flowText(value, style)}`.length > INLINE_WIDTH;
}

/** Comments to write above keys, by the key's dot path from where the rendering starts. */
export type KeyComments = ReadonlyMap<string, string>;

/** `key: value` as lines at `column`, nested values below it one indent step deeper. */
export function entryLines(key: string, value: unknown, column: number, style: YamlStyle, comments: KeyComments = new Map(), at = key): string[] {
  const pad = ' '.repeat(column);
  const comment = comments.get(at);
  const above = comment === undefined ? [] : [`${pad}#${comment}`];
  const head = `${pad}${scalarText(key)}:`;
  if (!needsBlock(head, value, style)) return [...above, `${head} ${flowText(value, style)}`];
  return [...above, head, ...blockLines(value, column + style.indent, style, comments, at)];
}

/** A map's entries or a list's items as block lines at `column`. */
export function blockLines(value: unknown, column: number, style: YamlStyle, comments: KeyComments = new Map(), at?: string): string[] {
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => entryLines(k, v, column, style, comments, at === undefined ? k : `${at}.${k}`));
  if (!Array.isArray(value)) return [`${' '.repeat(column)}${flowText(value, style)}`];
  return value.flatMap((item) => itemLines(item, column, style));
}

/**
 * One list item as lines at `column`. A map stays on its dash's line as a flow
 * map when it fits (`- { name: email, values: [user.email] }`, as the example
 * writes them); else, or when `block` (its neighbours are block maps), its
 * first entry goes on the dash's line and the others below it.
 */
export function itemLines(item: unknown, column: number, style: YamlStyle, block = false): string[] {
  const pad = ' '.repeat(column);
  const inline = `${pad}- ${flowText(item, style)}`;
  if (!isPlainObject(item) || !Object.keys(item).length || (!block && inline.length <= INLINE_WIDTH)) return [inline];
  const lines = blockLines(item, column + 2, style);
  return [`${pad}- ${lines[0].slice(column + 2)}`, ...lines.slice(1)];
}

/** Whether a parsed node is written over several lines (block collection or block scalar), not inline. */
export function isBlockNode(node: unknown): boolean {
  if (isMap(node) || isSeq(node)) return !node.flow && node.items.length > 0;
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}
