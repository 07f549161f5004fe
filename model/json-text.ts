/**
 * JSON text a user gave (a saved `terraform output -json`, a synthesized file),
 * parsed. When it does not parse, the problem names only where it stops being
 * JSON: the text may be a secret (`terraform output -raw` of a sensitive output),
 * and JSON.parse's own messages quote it.
 */
export type JsonText = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

export function parseJsonText(text: string): JsonText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    if (text.trim() === '') return { ok: false, problem: 'is empty' };
    const { line, column } = lineAndColumn(text, jsonErrorOffset(text));
    return { ok: false, problem: `is not valid JSON (line ${line}, column ${column})` };
  }
}

/** Where `text` stops being JSON, or undefined when it is JSON. */
export function notJsonAt(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    return jsonErrorOffset(text);
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Where a token ends: past it when it is well formed, else at its first bad character. */
interface TokenEnd {
  readonly ok: boolean;
  readonly at: number;
}

/**
 * Offset of the first character where `text` stops being JSON (its length when
 * it ends too early). One pass with an explicit stack: linear time, and any
 * nesting depth. Only called after JSON.parse failed.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const open: string[] = [];
  // value: a value is next; key: a member name is next; colon, after: after a name, after a value.
  let expect: 'value' | 'key' | 'colon' | 'after' = 'value';
  // Right after `[` or `{`, the closing bracket may come instead.
  let justOpened = false;
  let i = 0;
  for (;;) {
    while (i < n && ' \t\n\r'.includes(text[i])) i++;
    if (i >= n) return n;
    const c = text[i];
    if (justOpened && c === (expect === 'key' ? '}' : ']')) {
      open.pop();
      i++;
      justOpened = false;
      expect = 'after';
      continue;
    }
    justOpened = false;
    if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
    } else if (expect === 'after') {
      const inside = open[open.length - 1];
      if (inside === undefined) return i;
      if (c === ',') expect = inside === '{' ? 'key' : 'value';
      else if (c === (inside === '{' ? '}' : ']')) open.pop();
      else return i;
      i++;
    } else if (c === '{' || c === '[') {
      if (expect === 'key') return i;
      open.push(c);
      i++;
      justOpened = true;
      expect = c === '{' ? 'key' : 'value';
    } else {
      if (expect === 'key' && c !== '"') return i;
      const end = c === '"' ? stringEnd(text, i) : literalEnd(text, i);
      if (!end.ok) return end.at;
      i = end.at;
      expect = expect === 'key' ? 'colon' : 'after';
    }
  }
}

/** The end of the string that starts (with its quote) at `start`. */
function stringEnd(text: string, start: number): TokenEnd {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return { ok: true, at: i + 1 };
    if (c < ' ') return { ok: false, at: i };
    if (c !== '\\') continue;
    const e = text[i + 1];
    if (e === 'u' && HEX4.test(text.slice(i + 2, i + 6))) i += 5;
    else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 1;
    else return { ok: false, at: i };
  }
  return { ok: false, at: text.length };
}

/** The end of the number, true, false or null at `start`. */
function literalEnd(text: string, start: number): TokenEnd {
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, start)) return { ok: true, at: start + word.length };
  NUMBER.lastIndex = start;
  return NUMBER.test(text) ? { ok: true, at: NUMBER.lastIndex } : { ok: false, at: start };
}
