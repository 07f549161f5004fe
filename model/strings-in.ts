export type FieldPath = ReadonlyArray<string | number>;

/**
 * Calls `visit` for every string in parsed config data, depth first. With `keys`, for every map key too, just before
 * what it holds (`isKey`: the string is the last element of the path).
 *
 * `at` is one array shared by the whole walk and changed after `visit` returns:
 * copy it (`[...at]`) to keep it. Config holds tens of thousands of strings and
 * only a few are ever reported, so no path is built for the others.
 */
export function forEachString(
  data: unknown,
  visit: (value: string, at: FieldPath, isKey: boolean) => void,
  options: { readonly keys?: boolean } = {},
): void {
  const at: Array<string | number> = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') visit(node, at, false);
    else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        at.push(i);
        walk(node[i]);
        at.pop();
      }
    } else if (node && typeof node === 'object') {
      // for-in over own keys: neither a list of keys nor a [key, value] pair is made for each of the config's maps.
      for (const k in node) {
        if (!Object.hasOwn(node, k)) continue;
        at.push(k);
        if (options.keys) visit(k, at, true);
        walk((node as Record<string, unknown>)[k]);
        at.pop();
      }
    }
  };
  walk(data);
}
