/**
 * What a rename changes without changing anything in Okta or the SP: Terraform
 * addresses that follow a `moved` block, and names built from the integration
 * key (resource names, output names, runbook text). Values are rewritten to
 * the head's names before comparing, so that only real changes remain.
 */

/** A Terraform address inside an expression: `okta_app_saml.omni` in `${okta_app_saml.omni.id}`. */
const ADDRESS = /(?<![A-Za-z0-9_.-])(?:data\.)?[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*/g;

/** A Terraform identifier (and an integration key is one). */
const IDENTIFIER = /[A-Za-z0-9_]+/g;

/** Old address -> final new address, following chains of `moved` blocks (a -> b, b -> c). */
export function resolveMoved(pairs: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const from of pairs.keys()) {
    let to = pairs.get(from)!;
    // A cycle is invalid Terraform; stop after as many steps as there are blocks.
    for (let n = 0; pairs.has(to) && n < pairs.size; n++) to = pairs.get(to)!;
    out.set(from, to);
  }
  return out;
}

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // Defined, not assigned: a key named __proto__ stays a key instead of setting the copy's prototype.
    for (const k of Object.keys(value)) Object.defineProperty(out, k, { value: k === '//' ? (value as any)[k] : mapStrings((value as any)[k], f), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** `value` with every reference to a moved address rewritten to its new address. */
export function followMoved<T>(value: T, moved: ReadonlyMap<string, string>): T {
  if (moved.size === 0) return value;
  return mapStrings(value, (s) => (s.includes('${') ? s.replace(ADDRESS, (a) => moved.get(a) ?? a) : s)) as T;
}

/** `value` with whole identifiers renamed (old integration key, old resource and output names -> new ones). */
export function renameIdentifiers<T>(value: T, names: ReadonlyMap<string, string>): T {
  if (names.size === 0) return value;
  return mapStrings(value, (s) => s.replace(IDENTIFIER, (w) => names.get(w) ?? w)) as T;
}

/**
 * The names a rename of `oldKey` to `newKey` changes: the key itself, the
 * names of resources moved from one to the other, and output names ending in
 * the key (`idp_record_<key>`, `provisioning_<key>`).
 */
export function renamedIdentifiers(
  oldKey: string,
  newKey: string,
  movedPairs: Iterable<readonly [string, string]>,
  baseOutputs: Iterable<string>,
  headOutputs: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): Map<string, string> {
  const names = new Map<string, string>([[oldKey, newKey]]);
  for (const [from, to] of movedPairs) {
    const a = from.slice(from.lastIndexOf('.') + 1);
    const b = to.slice(to.lastIndexOf('.') + 1);
    if (a !== b) names.set(a, b);
  }
  for (const name of baseOutputs) {
    const renamed = renamedOutput(name, oldKey, newKey);
    if (renamed !== name && headOutputs.has(renamed)) names.set(name, renamed);
  }
  return names;
}

/** An output name built from the old key, with the new key. */
export function renamedOutput(name: string, oldKey: string, newKey: string): string {
  return name.endsWith(`_${oldKey}`) ? `${name.slice(0, -oldKey.length)}${newKey}` : name;
}
