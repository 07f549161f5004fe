import { ownEntry } from '../model/own-entry';
import { isPlainObject } from '../model/prop-strings';
import { clip, literal, statement } from './display';
import { HIDDEN, containsSecret } from './redact';

/**
 * Lists whose items each carry their own name: the SAML attribute statements (by name) and the
 * SCIM attribute mappings (by app attribute). When some of their items change, the settings table
 * shows those items alone, named in the setting, instead of both whole lists cut to a readable
 * length, where the one that changed could fall past the cut.
 */
const KEYED_LISTS: Readonly<Record<string, Readonly<Record<string, { readonly key: string; readonly words: (item: any) => string }>>>> = {
  okta_app_saml: { attribute_statements: { key: 'name', words: statement } },
  okta_profile_mapping: { mappings: { key: 'id', words: mapping } },
};

/** One SCIM attribute mapping as config says it: `department = user.division`, `(on create only)` when not pushed on update. */
function mapping(m: any): string {
  const when = m?.push_status === 'PUSH' ? '' : m?.push_status === 'DONT_PUSH' ? ' (on create only)' : ` (push status ${String(m?.push_status)})`;
  return `${literal(m?.id)} = ${literal(m?.expression)}${when}`;
}

export interface KeyedListChange {
  /** The names of the items that differ, in head's order, then those only base has. */
  readonly names: readonly string[];
  readonly before?: string;
  readonly after?: string;
}

/**
 * The items of a keyed list that differ between base and head, and the order of the names when it
 * changed (`order` first among the names); undefined when the attribute is not such a list, an item
 * has no name or shares it with another, or nothing changed.
 */
export function keyedListChange(type: string, attribute: string, before: unknown, after: unknown, same: (a: unknown, b: unknown) => boolean): KeyedListChange | undefined {
  const list = KEYED_LISTS[type]?.[attribute];
  const items = list && keyedItems(before, after, list.key, same);
  if (!list || !items) return undefined;
  const { names, before: b, after: a, reordered } = items;
  if (names.length === 0 && !reordered) return undefined;
  const hidden = (name: string) => containsSecret(b.get(name), attribute) || containsSecret(a.get(name), attribute);
  // The order matters (Okta sends attribute statements in order): a new one is said first, by the names in each order.
  const order = (map: Map<string, unknown>) => `order: ${[...map.keys()].map((name) => (hidden(name) ? HIDDEN : literal(name))).join(', ')}`;
  const side = (map: Map<string, unknown>) => {
    // An item holding a secret is hidden whole, as displayValue hides a whole value.
    const shown = names.filter((name) => map.has(name)).map((name) => (containsSecret(map.get(name), attribute) ? HIDDEN : list.words(map.get(name))));
    if (reordered) shown.unshift(order(map));
    return shown.length > 0 ? clip(shown.join('; ')) : undefined;
  };
  const was = side(b);
  const now = side(a);
  const named = [...(reordered ? ['order'] : []), ...names.map((name) => (hidden(name) ? HIDDEN : literal(name)))];
  return { names: named, ...(was !== undefined ? { before: was } : {}), ...(now !== undefined ? { after: now } : {}) };
}

/** One field of an IdP record output (`idp_record_<key>`): `IdP SSO URL (url) = ${okta_app_saml.x.http_post_binding}`. */
function recordField(f: any): string {
  return `${literal(f?.label)} (${literal(f?.format)}) = ${literal(f?.value)}`;
}

/**
 * An output value that is an object (an IdP record): the top-level entries that differ, and of its
 * `fields` list (by id) the fields that differ, each named (`where`, `fields.idpEntityId`); undefined
 * when either side is not an object or nothing named differs.
 */
export function outputObjectChange(before: unknown, after: unknown, same: (a: unknown, b: unknown) => boolean): KeyedListChange | undefined {
  if (!isPlainObject(before) || !isPlainObject(after)) return undefined;
  const names: string[] = [];
  const was: Array<[string, string]> = [];
  const now: Array<[string, string]> = [];
  const add = (name: string, b: unknown, a: unknown, words: (v: unknown) => string) => {
    names.push(name);
    if (b !== undefined) was.push([name, containsSecret(b, name) ? HIDDEN : words(b)]);
    if (a !== undefined) now.push([name, containsSecret(a, name) ? HIDDEN : words(a)]);
  };
  const plain = (v: unknown) => (typeof v === 'string' ? literal(v) : literal(JSON.stringify(v)));
  for (const key of [...new Set([...Object.keys(after), ...Object.keys(before)])]) {
    const b = ownEntry(before, key);
    const a = ownEntry(after, key);
    if (same(b, a)) continue;
    const fields = key === 'fields' ? keyedItems(b, a, 'id', same) : undefined;
    if (fields) {
      // The SP's form follows the record's order.
      if (fields.reordered) add('fields order', [...fields.before.keys()], [...fields.after.keys()], (ids) => (ids as string[]).map(literal).join(', '));
      for (const id of fields.names) add(`fields.${literal(id)}`, fields.before.get(id), fields.after.get(id), recordField);
    } else add(literal(key), b, a, plain);
  }
  if (names.length === 0) return undefined;
  // The setting names the one entry that differs; several are told apart in the values.
  const side = (entries: Array<[string, string]>) => clip(entries.map(([name, words]) => (names.length > 1 ? `${name}: ${words}` : words)).join('; '));
  return { names, ...(was.length ? { before: side(was) } : {}), ...(now.length ? { after: side(now) } : {}) };
}

/** Two lists by the name each item holds at `key`, with the names whose items differ; undefined unless both are lists of uniquely named items. */
function keyedItems(before: unknown, after: unknown, key: string, same: (a: unknown, b: unknown) => boolean) {
  if (!Array.isArray(before) || !Array.isArray(after)) return undefined;
  const byName = (items: readonly unknown[]) => {
    const map = new Map<string, unknown>();
    for (const item of items) {
      const name = (item as Record<string, unknown> | null)?.[key];
      if (typeof name !== 'string' || map.has(name)) return undefined;
      map.set(name, item);
    }
    return map;
  };
  const b = byName(before);
  const a = byName(after);
  if (!b || !a) return undefined;
  const names = [...new Set([...a.keys(), ...b.keys()])].filter((name) => !same(b.get(name), a.get(name)));
  // The items on both sides, in each side's order: another order is a change of its own.
  const common = (map: Map<string, unknown>, other: Map<string, unknown>) => [...map.keys()].filter((name) => other.has(name));
  const inBase = common(b, a);
  const inHead = common(a, b);
  const reordered = inBase.some((name, i) => name !== inHead[i]);
  return { names, before: b, after: a, reordered };
}
