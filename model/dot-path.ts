/** The proper prefixes of a dot path, shortest first: `a.b.c` has `a` and `a.b`. */
export function prefixesOf(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) out.push(path.slice(0, i));
  return out;
}
