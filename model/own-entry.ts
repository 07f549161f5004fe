/**
 * `table[key]` for a key that may come from config or a user's props: only the
 * table's own entries count, so `toString`, `constructor` or `__proto__` never
 * reach Object.prototype, and a key that is not a string finds nothing.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}
