import { isPlainObject } from './prop-strings';

/** Plain-data deep merge: objects merge key by key; arrays, scalars and class instances (SecretRef...) replace. */
export function mergeSettings<T>(...layers: ReadonlyArray<unknown>): T {
  let out: unknown = undefined;
  for (const layer of layers) out = mergeTwo(out, layer);
  return out as T;
}

/**
 * `base`'s entries, then `over`'s, each merged with `base`'s of the same key; a key in both keeps `base`'s place.
 * Loops rather than Object.fromEntries over spread entries: this runs for every integration in every environment.
 */
function mergeTwo(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = {};
  // for-in over own keys: no list of keys is made for each map of each integration in each environment.
  for (const k in base) if (Object.hasOwn(base, k)) defineEntry(out, k, base[k]);
  for (const k in over) if (Object.hasOwn(over, k)) defineEntry(out, k, mergeTwo(Object.hasOwn(base, k) ? base[k] : undefined, over[k]));
  return out;
}

/** Own entries only, defined rather than assigned: a `__proto__` key in config is data, never the object's prototype. */
function defineEntry(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}
