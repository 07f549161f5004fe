/** The proper prefixes of a dot path, shortest first: `a.b.c` has `a` and `a.b`. */
export function prefixesOf(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) out.push(path.slice(0, i));
  return out;
}

/** Whether `path` is one of `paths`, or inside one of them (`a.b.c` is inside `a.b`). */
export function atOrUnder(path: string, paths: ReadonlySet<string>): boolean {
  return paths.has(path) || prefixesOf(path).some((prefix) => paths.has(prefix));
}
