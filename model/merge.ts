import { isPlainObject } from './prop-strings';

/** Plain-data deep merge: objects merge key by key; arrays, scalars and class instances (SecretRef...) replace. */
export function mergeSettings<T>(...layers: ReadonlyArray<unknown>): T {
  let out: unknown = undefined;
  for (const layer of layers) out = mergeTwo(out, layer);
  return out as T;
}

function mergeTwo(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  // Own entries only, defined rather than assigned: a `__proto__` or `toString` key in config is data, never a prototype or an inherited method.
  return Object.fromEntries([...Object.entries(base), ...Object.entries(over).map(([k, v]) => [k, mergeTwo(Object.hasOwn(base, k) ? base[k] : undefined, v)])]);
}
