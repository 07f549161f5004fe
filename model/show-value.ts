import { cutText } from './cut-text';
import { redactSecrets } from './secret-literals';
import { TOKEN_PLACEHOLDER } from './unresolved';

/** The longest a value quoted in a message may be: past it, a message stops being readable. */
export const MAX_SHOWN_VALUE = 80;

/**
 * A user-given value as a message quotes it: JSON-quoted, with anything that
 * looks like a secret replaced (a token inside a URL is still a token), and cut
 * to a readable length. Every message that quotes config text goes through here.
 */
export function showValue(value: unknown, max: number = MAX_SHOWN_VALUE): string {
  const text = withUnseenEscaped(jsonOrText(value))
    // cdktf's placeholder changes from run to run and means nothing to a reader.
    .replace(TOKEN_PLACEHOLDERS, '<a Terraform token>');
  return cutText(redactSecrets(text, []), max);
}

const TOKEN_PLACEHOLDERS = new RegExp(TOKEN_PLACEHOLDER.source, 'g');

/** JSON where the value has one; else its text (a BigInt, a circular object: JSON.stringify throws on them). */
function jsonOrText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value === 'bigint' ? `${value}n` : Object.prototype.toString.call(value);
  }
}

/** Characters a terminal would not show, or would show out of order: escaped, as JSON escapes control characters (which JSON-quoted text no longer holds). */
const UNSEEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** `text` with the characters a reader would not see (or would see out of order) written as `\uXXXX`, unquoted. */
export function withUnseenEscaped(text: string): string {
  return text.replace(UNSEEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A construct path or field path (or other user text shown unquoted) as a message shows it: its ids are the user's,
 * and one can be a secret pasted in the wrong place. Redacted, then cut to `max` characters.
 */
export function showPath(path: string, max = Infinity): string {
  return cutText(redactSecrets(path, []), max);
}

/** The most items a message lists: a list from config or a file can be any length. */
const MAX_LISTED = 10;

/** Items a message lists, comma-separated: the first `max`, then how many there are in all. */
export function listSome(items: readonly string[], max: number = MAX_LISTED): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, ... (${items.length} in all)` : items.join(', ');
}

/** Values a message lists, each quoted by showValue, as listSome lists them; `none` when there is none. */
export function listValues(items: Iterable<unknown>, none = 'none'): string {
  return listSome([...items].map((v) => showValue(v))) || none;
}
