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

/**
 * `value` with `f` applied to every string in it but its `"//"` comments. Lists and objects in which no string
 * changes are returned as they are, not copied: most of what is compared holds no moved address or old name.
 */
function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = mapStrings(value[i], f);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    let out: Record<string, unknown> | undefined;
    for (const k of keys) {
      if (k === '//') continue;
      const v = mapStrings(obj[k], f);
      if (v === obj[k]) continue;
      if (!out) {
        out = {};
        for (const key of keys) define(out, key, obj[key]);
      }
      define(out, k, v);
    }
    return out ?? value;
  }
  return value;
}

/** Defined, not assigned: a key named __proto__ stays a key instead of setting the copy's prototype. */
function define(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `value` with every reference to a moved address rewritten to its new address. */
export function followMoved<T>(value: T, moved: ReadonlyMap<string, string>): T {
  if (moved.size === 0) return value;
  return mapStrings(value, (s) => (s.includes('${') ? s.replace(ADDRESS, (a) => moved.get(a) ?? a) : s)) as T;
}

/**
 * `value` with whole identifiers renamed (old integration key, old resource and output names -> new ones), in
 * any text: runbook sentences name the key (`--integration omni`). Applied to both sides of a comparison, so a
 * URL that holds the key (`api.aiven.io`) reads the same on both; renameReferences touches only references.
 */
export function renameIdentifiers<T>(value: T, names: ReadonlyMap<string, string>): T {
  if (names.size === 0) return value;
  return mapStrings(value, (s) => s.replace(IDENTIFIER, (w) => names.get(w) ?? w)) as T;
}

/** A URL, up to whitespace or a quote: the key inside one is a host or a path, never the integration key. */
const URL_TEXT = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>]*/g;
/** A whole text that is one URL: renameReferences leaves it as it is. */
const WHOLE_URL = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>]*$/;

/** A dotted name in text: `okta_app_saml.aiven`, `data.okta_group.group_sre`, `output provisioning_aiven.app_id`, but also `api.aiven.io`. */
const DOTTED = /(?<![A-Za-z0-9_.@/-])[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+/g;

/** Terraform's own prefixes; any other address starts with a resource type, which has an underscore (`okta_app_saml`), as no host name does. */
const TERRAFORM_PREFIX = /^(data|var|local|module|output)$/;

/** Whether renameReferences leaves `text` as it is, whatever it renames: the text is one URL, inside which nothing is renamed. */
export function renamesNothingIn(text: string): boolean {
  return WHOLE_URL.test(text);
}

/**
 * `value` with the integration's names renamed only where they stand for it: a string that is exactly one
 * (a label defaulted to the key), and the segments of Terraform addresses and references
 * (`okta_app_saml.tool`, `${okta_app_saml.tool.id}`, `provisioning_tool.app_id`). Never inside a URL
 * (`https://tool.example.com`), a host name (`api.aiven.io`) or other text, which may hold the key by chance.
 */
export function renameReferences<T>(value: T, names: ReadonlyMap<string, string>): T {
  if (names.size === 0) return value;
  const address = (ref: string) => {
    const segments = ref.split('.');
    if (!TERRAFORM_PREFIX.test(segments[0]) && !segments[0].includes('_')) return ref;
    return segments.map((s) => names.get(s) ?? s).join('.');
  };
  const outsideUrls = (text: string) => text.replace(DOTTED, address);
  return mapStrings(value, (s) => {
    const whole = names.get(s);
    if (whole !== undefined) return whole;
    let out = '';
    let at = 0;
    for (const url of s.matchAll(URL_TEXT)) {
      out += outsideUrls(s.slice(at, url.index)) + url[0];
      at = url.index! + url[0].length;
    }
    return out + outsideUrls(s.slice(at));
  }) as T;
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
