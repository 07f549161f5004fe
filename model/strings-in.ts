export interface StringAt {
  readonly path: ReadonlyArray<string | number>;
  readonly value: string;
  /** The string is a map key (the last element of `path`), not a value. */
  readonly isKey?: boolean;
}

/**
 * Every string in parsed config data with its path, depth first; map entries
 * under `skipKey` are left out. With `keys`, every map key too, just before
 * what it holds.
 */
export function stringsIn(data: unknown, skipKey?: string, options: { readonly keys?: boolean } = {}, at: ReadonlyArray<string | number> = [], out: StringAt[] = []): StringAt[] {
  if (typeof data === 'string') out.push({ path: at, value: data });
  else if (Array.isArray(data)) data.forEach((v, i) => stringsIn(v, skipKey, options, [...at, i], out));
  else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      if (k === skipKey) continue;
      if (options.keys) out.push({ path: [...at, k], value: k, isKey: true });
      stringsIn(v, skipKey, options, [...at, k], out);
    }
  }
  return out;
}
