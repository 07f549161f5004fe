import { quoted } from './display';
import { filterTypeWords, unescapeTerraform } from './words';

/** The GROUP attribute statements of an `attribute_statements` list, by name (as the user wrote it). */
function groupStatements(value: unknown): Map<string, any> {
  const out = new Map<string, any>();
  for (const s of Array.isArray(value) ? value : []) if (s?.type === 'GROUP') out.set(unescapeTerraform(String(s.name ?? '')), s);
  return out;
}

/** A group filter as config writes it: `regex "^Data-.*"`. */
function filterWords(s: any): string {
  return `${filterTypeWords(String(s?.filter_type ?? ''))} ${quoted(unescapeTerraform(String(s?.filter_value ?? '')))}`;
}

/** The attribute name format, by the last part of its URN (`unspecified`, `uri`, `basic`). */
function nameFormatWords(s: any): string {
  return s?.namespace === undefined ? 'not set' : String(s.namespace).replace(/^urn:oasis:names:tc:SAML:2\.0:attrname-format:/, '');
}

/** What differs between two statements that keep their name: their filter, and their name format. */
function statementChanges(b: any, a: any): string[] {
  const out: string[] = [];
  if (filterWords(b) !== filterWords(a)) out.push(`group filter changed from ${filterWords(b)} to ${filterWords(a)}`);
  if (nameFormatWords(b) !== nameFormatWords(a)) out.push(`name format changed from ${nameFormatWords(b)} to ${nameFormatWords(a)}`);
  return out;
}

/**
 * What changed in the group attribute statements (the groups Okta sends the SP in the assertion), each side as
 * it is: the old filter and the new one. Whether a new regex lets more or fewer groups through is not decided
 * here (that needs the org's group names), so nothing is called a removal unless a statement is gone.
 * Undefined when the group statements are the same.
 */
export function groupAttributeChange(before: unknown, after: unknown): string | undefined {
  const b = groupStatements(before);
  const a = groupStatements(after);
  // As the classifier always compared them: the same statements in the same order are no change.
  if (JSON.stringify([...b.values()]) === JSON.stringify([...a.values()])) return undefined;
  const parts: string[] = [];
  const gone = [...b.keys()].filter((n) => !a.has(n));
  const fresh = [...a.keys()].filter((n) => !b.has(n));
  if (gone.length === 1 && fresh.length === 1) {
    // One statement on each side under another name: the same group attribute, renamed.
    const [was, now] = [b.get(gone[0]), a.get(fresh[0])];
    parts.push([`group attribute ${quoted(gone[0])} renamed to ${quoted(fresh[0])}`, ...statementChanges(was, now)].join(', '));
  } else {
    for (const n of gone) parts.push(`group attribute ${quoted(n)} removed (its group filter was ${filterWords(b.get(n))}): the SP no longer receives these groups`);
    for (const n of fresh) parts.push(`group attribute ${quoted(n)} added (group filter ${filterWords(a.get(n))})`);
  }
  for (const [n, s] of a) {
    const was = b.get(n);
    if (!was) continue;
    const changes = statementChanges(was, s);
    if (changes.length > 0) parts.push(`group attribute ${quoted(n)}: ${changes.join(', ')}`);
  }
  // Same names, filters and formats: something else in them changed (their order, a field of another tool's).
  return parts.length > 0 ? parts.join('; ') : `group attribute ${[...a.keys()].map((n) => quoted(n)).join(', ')} changed`;
}
