type FieldPath = ReadonlyArray<string | number>;

/**
 * The integration entry a field path is inside: `integrations.<key>` or `environments.<env>.integrations.<key>`;
 * undefined for a path outside every integration entry.
 */
function integrationEntryOf(at: FieldPath): FieldPath | undefined {
  if (at[0] === 'integrations' && at.length >= 2) return at.slice(0, 2);
  if (at[0] === 'environments' && at[2] === 'integrations' && at.length >= 4) return at.slice(0, 4);
  return undefined;
}

/**
 * An integration entry with the fields the schema found of the wrong shape left out (`username: login`
 * where a map goes), so that its other fields can still be checked: the value as if they were not written.
 */
export interface PrunedEntry {
  readonly value: unknown;
  /** Field paths (inside the entry) that config writes wrongly, or that are required and missing: reported already, not to be reported again as missing. */
  readonly absent: readonly FieldPath[];
  /** A field path of the pruned value as it is in the file: list items after a left-out item have moved up. */
  readonly toOriginal: (fieldPath: FieldPath) => FieldPath;
}

const keyOf = (at: FieldPath) => at.map(String).join('\u0000');

/**
 * Fields that an integration's field gives or makes unneeded: the SP metadata file gives the ACS URL and entity ID, and a
 * catalog app takes them from Okta's catalog. With that field left out, their absence is not a problem of its own.
 */
const STANDS_IN_FOR: Readonly<Record<string, readonly string[]>> = { spMetadata: ['acsUrl', 'audience'], catalogApp: ['acsUrl', 'audience'] };

/**
 * `value` without the fields at `remove` (paths inside the entry). Only the maps and lists on the way to
 * a removed field are copied; a removed list item takes the list's later items one place up.
 */
function pruneEntry(value: unknown, remove: readonly FieldPath[], missing: readonly FieldPath[] = []): PrunedEntry {
  const removed = new Set(remove.map(keyOf));
  const onTheWay = new Set(remove.flatMap((r) => r.map((_, n) => keyOf(r.slice(0, n)))));
  // By list (its path in the file): the file's index of each item kept.
  const keptItems = new Map<string, number[]>();
  const GONE = Symbol('gone');
  const copy = (node: unknown, at: Array<string | number>): unknown => {
    if (removed.has(keyOf(at))) return GONE;
    if (!onTheWay.has(keyOf(at)) || node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      const kept: number[] = [];
      const items = node.flatMap((item, i) => {
        const c = copy(item, [...at, i]);
        if (c === GONE) return [];
        kept.push(i);
        return [c];
      });
      if (kept.length < node.length) keptItems.set(keyOf(at), kept);
      return items;
    }
    // fromEntries defines own keys: a `__proto__` key stays a key, never the copy's prototype.
    return Object.fromEntries(Object.entries(node).flatMap(([k, v]) => {
      const c = copy(v, [...at, k]);
      return c === GONE ? [] : [[k, c]];
    }));
  };
  const pruned = copy(value, []);
  const toOriginal = (fieldPath: FieldPath): FieldPath => {
    if (keptItems.size === 0) return fieldPath;
    const original: Array<string | number> = [];
    for (const seg of fieldPath) {
      const kept = typeof seg === 'number' ? keptItems.get(keyOf(original)) : undefined;
      original.push(kept?.[seg as number] ?? seg);
    }
    return original;
  };
  const givenByLeftOut = [...remove, ...missing].flatMap((r) => (r.length > 0 && Object.hasOwn(STANDS_IN_FOR, r[0]) ? STANDS_IN_FOR[r[0]].map((f) => [f]) : []));
  return { value: pruned === GONE ? undefined : pruned, absent: [...remove, ...missing, ...givenByLeftOut], toOriginal };
}

/** Whether `prefix` is `at` or a field path above it. */
export function isWithin(at: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= at.length && prefix.every((seg, i) => String(seg) === String(at[i]));
}

/**
 * What the schema found of the wrong shape inside integration entries, by file and entry: left out of
 * the values later checks read, instead of the whole entry, so one bad field hides none of its other problems.
 */
export class LeftOutFields {
  private readonly byEntry = new Map<string, { remove: FieldPath[]; missing: FieldPath[] }>();
  private readonly pruned = new Map<string, PrunedEntry>();

  /**
   * Takes a structural schema problem at `at` (`missing`: the required field it says is missing) when it is inside an
   * integration entry; false when it makes the entry itself unreadable (a string where the entry's map goes).
   */
  take(file: string, at: FieldPath, missing: FieldPath | undefined): boolean {
    const entry = integrationEntryOf(missing ?? at);
    // What the problem leaves unreadable: the field itself or, for a required field that is missing, the map or list item lacking it.
    const target = missing ? missing.slice(0, -1) : at;
    if (!entry || target.length < entry.length || (target.length === entry.length && !missing)) return false;
    const id = `${file}\u0000${keyOf(entry)}`;
    const fields = this.byEntry.get(id) ?? { remove: [], missing: [] };
    // A missing field of the entry itself (its preset) has nothing to leave out: it is only not to be reported again.
    if (target.length > entry.length) fields.remove.push(target.slice(entry.length));
    if (missing) fields.missing.push(missing.slice(entry.length));
    this.byEntry.set(id, fields);
    return true;
  }

  /** Whether no field is left out anywhere: every entry is read as written. */
  get isEmpty(): boolean {
    return this.byEntry.size === 0;
  }

  /** The value of the entry at `entryAt` of `file` (as written) as later checks read it: without the fields left out. */
  prune(file: string, entryAt: FieldPath, value: unknown): unknown {
    // Usually nothing is left out: then no key is built for any of the lookups, made for each integration in each environment.
    if (this.isEmpty) return value;
    const id = `${file}\u0000${keyOf(entryAt)}`;
    const fields = this.byEntry.get(id);
    if (!fields) return value;
    const pruned = pruneEntry(value, fields.remove, fields.missing);
    this.pruned.set(id, pruned);
    return pruned.value;
  }

  /** What `prune` left out of the entry at `entryAt` of `file`, if anything. */
  get(file: string, entryAt: FieldPath): PrunedEntry | undefined {
    if (this.pruned.size === 0) return undefined;
    return this.pruned.get(`${file}\u0000${keyOf(entryAt)}`);
  }

  /** Whether any field of the entry at `entryAt` of `file` is left out. */
  has(file: string, entryAt: FieldPath): boolean {
    if (this.isEmpty) return false;
    return this.byEntry.has(`${file}\u0000${keyOf(entryAt)}`);
  }
}
