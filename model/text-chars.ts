/**
 * Characters no setting means to hold: control characters (a NUL reaches
 * cdk.tf.json and then Okta), and invisible ones that make two values look
 * alike (zero-width) or display in another order than they are stored
 * (bidirectional controls, as in "Trojan Source"). Tab and line breaks are
 * text only in free-text fields (descriptions, reasons).
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/;
const INVISIBLE_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/;

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0xad: 'soft hyphen',
  0x034f: 'combining grapheme joiner',
  0x061c: 'Arabic letter mark',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space (byte order mark)',
};

const INVISIBLE_OR_BREAK_ALL = new RegExp(INVISIBLE_OR_BREAK.source, 'g');

/** `text` without the characters badCharacter refuses: what it looks like (`Engineering\u200b` looks like `Engineering`). */
export function withoutBadCharacters(text: string): string {
  return text.replace(INVISIBLE_OR_BREAK_ALL, '');
}

/** What is accepted instead, for messages. */
export const TEXT_CHARS_ACCEPTED = 'text without control, zero-width or bidirectional-control characters (tab and line breaks only in descriptions and reasons)';

/** A character by code point and name, never the character itself (it is invisible, or reorders the message around it). */
export function describeChar(code: number): string {
  const name = NAMES[code] ?? (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'control character' : 'invisible character');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name})`;
}

/**
 * Why `text` is refused for the characters in it (the first such character,
 * by code point and 1-based position), or undefined. `multiline` fields
 * (descriptions, reasons) may hold tabs and line breaks.
 */
export function badCharacter(text: string, multiline = false): string | undefined {
  const m = (multiline ? INVISIBLE : INVISIBLE_OR_BREAK).exec(text);
  if (!m) return undefined;
  return `contains ${describeChar(m[0].charCodeAt(0))} at character ${m.index + 1}; accepted: ${TEXT_CHARS_ACCEPTED}`;
}
