import { showValue } from './show-value';
/** An integration's key and the key it had before a rename. */
export interface RenamedIntegration {
  readonly key: string;
  readonly renamedFrom?: string;
}

/**
 * Renames among one environment's integrations: a key can be renamed only once
 * it is gone, and only by one integration (two `moved` blocks from one address
 * fail the plan). Returns, per integration key, what is wrong with its renamedFrom.
 */
export function checkRenames(integrations: readonly RenamedIntegration[]): Array<{ readonly key: string; readonly message: string }> {
  const keys = new Set(integrations.map((m) => m.key));
  const claimed = new Map<string, string>();
  const problems: Array<{ key: string; message: string }> = [];
  for (const m of integrations) {
    if (!m.renamedFrom || m.renamedFrom === m.key) continue;
    if (keys.has(m.renamedFrom)) problems.push({ key: m.key, message: `renamedFrom ${showValue(m.renamedFrom)} is still an integration in this environment; a key can be renamed only once it is gone` });
    else if (claimed.has(m.renamedFrom)) problems.push({ key: m.key, message: `renamedFrom ${showValue(m.renamedFrom)} is also claimed by ${showValue(claimed.get(m.renamedFrom))}` });
    claimed.set(m.renamedFrom, m.key);
  }
  return problems;
}

/**
 * The old key of each renamed integration (its `renamedFrom`, when no integration is defined under it now) to the key
 * it has now: an environment still enabling the old key has not been renamed yet. `entries` are each defined
 * integration's key and `renamedFrom` as written (anything but a string is no rename).
 */
export function renamedKeys(entries: Iterable<readonly [key: string, renamedFrom: unknown]>, isDefined: (key: string) => boolean): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const [key, old] of entries) if (typeof old === 'string' && old !== key && !isDefined(old)) renamed.set(old, key);
  return renamed;
}
