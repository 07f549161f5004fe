import { isPlainObject } from './prop-strings';
import { SecretRef } from './provisioning/secret-ref';
import { SpMetadataDocument } from './sp-metadata-document';
import { isTokenObject } from './unresolved';

/** What stands for an object found again inside itself: shown by the props check at that prop, never walked forever. */
export const CIRCULAR = 'a reference to an object that holds it (circular)';

/**
 * Props as plain data: an object of a user's class that implements a props interface (`class Prov implements
 * ProvisioningProps`, or JavaScript) read as its fields, at any depth, getters of its class included, so that every
 * check reads it as it reads an object literal. What the library's own classes are (SecretRef, SpMetadataDocument),
 * tokens and JavaScript's own objects (a Map, a Date) stay as given, for the props check to name; an object met again
 * inside itself becomes CIRCULAR. Returns `value` itself when it holds none of these.
 */
export function plainProps<T>(value: T): T {
  return plain(value, new Set()) as T;
}

function plain(value: unknown, holding: Set<object>): unknown {
  if (value === null || typeof value !== 'object' || value instanceof SecretRef || value instanceof SpMetadataDocument || isTokenObject(value)) return value;
  if (holding.has(value)) return CIRCULAR;
  const userClass = !Array.isArray(value) && !isPlainObject(value) && Object.prototype.toString.call(value) === '[object Object]';
  if (!Array.isArray(value) && !isPlainObject(value) && !userClass) return value;
  holding.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((v) => plain(v, holding));
      return items.every((v, i) => v === value[i]) ? value : items;
    }
    const source = value as Record<string, unknown>;
    let changed = userClass;
    const out: Record<string, unknown> = {};
    for (const key of userClass ? fieldsOf(value) : Object.keys(source)) {
      const v = plain(source[key], holding);
      if (v !== source[key]) changed = true;
      // Defined, not assigned: a `__proto__` field stays data.
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return changed ? out : value;
  } finally {
    holding.delete(value);
  }
}

/** An instance's own enumerable fields, then the getters its classes declare (what `instance.field` reads), each once. */
function fieldsOf(instance: object): string[] {
  const fields = new Set(Object.keys(instance));
  for (let proto = Object.getPrototypeOf(instance); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (name !== 'constructor' && descriptor.get) fields.add(name);
    }
  }
  return [...fields];
}
