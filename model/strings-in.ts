export interface StringAt {
  readonly path: ReadonlyArray<string | number>;
  readonly value: string;
}

/** Every string in parsed config data with its path, depth first; map entries under `skipKey` are left out. */
export function stringsIn(data: unknown, skipKey?: string, at: ReadonlyArray<string | number> = [], out: StringAt[] = []): StringAt[] {
  if (typeof data === 'string') out.push({ path: at, value: data });
  else if (Array.isArray(data)) data.forEach((v, i) => stringsIn(v, skipKey, [...at, i], out));
  else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) if (k !== skipKey) stringsIn(v, skipKey, [...at, k], out);
  }
  return out;
}
