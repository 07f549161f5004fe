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
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeTwo(base[k], v);
  return out;
}
