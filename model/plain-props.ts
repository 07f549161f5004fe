import { isPlainObject } from './prop-strings';
import { SecretRef } from './provisioning/secret-ref';
import { SpMetadataDocument } from './sp-metadata-document';
import { isTokenObject } from './unresolved';

/**
 * Props as plain data: an object of a user's class that implements a props interface (`class Prov implements
 * ProvisioningProps`, or JavaScript) read as its own fields, at any depth, so that every check reads it as it reads an
 * object literal. What the library's own classes are (SecretRef, SpMetadataDocument) and tokens stay as given; so does
 * an object met again inside itself. Returns `value` itself when it holds no such instance.
 */
export function plainProps<T>(value: T): T {
  return plain(value, new WeakSet()) as T;
}

function plain(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object' || value instanceof SecretRef || value instanceof SpMetadataDocument || isTokenObject(value)) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => plain(v, seen));
    return items.every((v, i) => v === value[i]) ? value : items;
  }
  const source = value as Record<string, unknown>;
  let changed = !isPlainObject(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const v = plain(source[key], seen);
    if (v !== source[key]) changed = true;
    // Defined, not assigned: a `__proto__` field stays data.
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return changed ? out : value;
}
