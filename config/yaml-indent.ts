/** The `yaml` library's errors for a plain value that runs on into a `key:` on the next line. */
const RUN_ON_CODES: ReadonlySet<string> = new Set(['MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY']);

/** A line's text after its indentation that is a `key:` (not a list item, comment, quoted or flow value). */
const KEY_LINE = /^[^\s#'"[{\-][^#]*?:(?:[ \t]|$)/;

/** A key written after `key: value` on the line above, with its offset and the column the keys above start at. */
export interface OverIndentedKey {
  /** Offset of the over-indented key's first character. */
  readonly offset: number;
  /** 1-based column of the key on the line above (after any `- `), where this key belongs. */
  readonly expectedColumn: number;
}

/**
 * The key indented more than the keys above it, when that is what a parser error at `errorOffset` means.
 * `key: value` followed by a more-indented `other: x` reads as one plain value running onto a second line,
 * `value other`, which becomes a key: the parser then reports "Implicit keys need to be on a single line" and
 * "Nested mappings are not allowed in compact mappings", both at `value`, one line above the mistake.
 */
export function overIndentedKey(text: string, code: string, errorOffset: number): OverIndentedKey | undefined {
  if (!RUN_ON_CODES.has(code)) return undefined;
  const lineStart = text.lastIndexOf('\n', errorOffset - 1) + 1;
  // The line up to the value: its indentation, list markers, and one plain `key: ` before the value.
  const before = /^((?:[ \t]*-[ \t]+)*[ \t]*)[^\s#'"[{][^#]*?:[ \t]+$/.exec(text.slice(lineStart, errorOffset));
  if (!before) return undefined;
  const expectedColumn = before[1].length + 1;
  // The next line with content (a comment line would have ended the value) is where the value runs on to.
  let at = text.indexOf('\n', errorOffset);
  while (at !== -1) {
    const start = at + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
    if (line.trim() !== '') {
      const indent = /^[ \t]*/.exec(line)![0].length;
      const isKey = KEY_LINE.test(line.slice(indent));
      return isKey && indent + 1 > expectedColumn ? { offset: start + indent, expectedColumn } : undefined;
    }
    at = end;
  }
  return undefined;
}

/** The problem for an over-indented key, in plain words. */
export function overIndentedMessage(key: OverIndentedKey): string {
  return `this key is indented more than the key above it, at column ${key.expectedColumn}; accepted: the keys of one map at the same column (a nested map goes under a key with nothing after its colon)`;
}

/**
 * The same mistake after a value the parser reads whole (a flow map or list, a quoted string, a block list): the
 * parser then says "All mapping items must start at the same column" at the key itself. A key indented more than
 * the content line above it is that key; one indented less is a map closed to a column no map above uses, left as
 * the parser says it.
 */
export function misalignedKey(text: string, code: string, errorOffset: number): OverIndentedKey | undefined {
  if (code !== 'BAD_INDENT') return undefined;
  const lineStart = text.lastIndexOf('\n', errorOffset - 1) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const indent = /^[ \t]*/.exec(line)![0].length;
  if (!KEY_LINE.test(line.slice(indent))) return undefined;
  // The content line above (comments and blank lines are not keys), and the column its key starts at.
  for (let end = lineStart - 1; end > 0; ) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const above = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (above.trim() === '' || above.trim().startsWith('#')) continue;
    const column = /^(?:[ \t]*-[ \t]+)*[ \t]*/.exec(above)![0].length + 1;
    return indent + 1 > column ? { offset: lineStart + indent, expectedColumn: column } : undefined;
  }
  return undefined;
}
