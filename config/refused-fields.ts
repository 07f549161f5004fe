import { isPlainObject } from '../model/prop-strings';
import { FieldPath } from '../model/strings-in';

/**
 * Where the schema check refused a value (or where a misspelt key stands for a field), by file and
 * integration entry, so that a later check whose judgement rests on such a field is known for a
 * follow-on of that problem: `provisioning.method: SCIM` refused, the SCIM-only settings beside it
 * are not "settings for another method"; `groups: Engineering` refused, the push groups are not
 * "not assigned".
 */
export class RefusedFields {
  /** A refusal's path inside its entry, by `file|entry|path`: the refusals at a place. */
  private readonly at = new Map<string, FieldPath>();
  /** The same by the path with list indexes as `*`: at a place of any list item (`groups.*.name`). */
  private readonly atAnyItem = new Map<string, FieldPath>();
  /** A refusal below each place above it, by `file|entry|path` (and with `*` for list indexes): what lies inside a field. */
  private readonly below = new Map<string, FieldPath>();
  private readonly belowAnyItem = new Map<string, FieldPath>();

  public add(file: string, path: FieldPath): void {
    // An integration's entry is `integrations.<key>` in the shared settings and `environments.<env>.integrations.<key>` in an environment.
    for (const entryLength of [2, 4]) {
      if (path.length <= entryLength) continue;
      const entry = key(file, path.slice(0, entryLength));
      const inside = path.slice(entryLength);
      const anyItem = inside.map((seg) => (typeof seg === 'number' || /^\d+$/.test(String(seg)) ? '*' : seg));
      setFirst(this.at, `${entry}|${inside.join('.')}`, inside);
      setFirst(this.atAnyItem, `${entry}|${anyItem.join('.')}`, inside);
      for (let i = 1; i < inside.length; i++) {
        setFirst(this.below, `${entry}|${inside.slice(0, i).join('.')}`, inside);
        setFirst(this.belowAnyItem, `${entry}|${anyItem.slice(0, i).join('.')}`, inside);
      }
    }
  }

  /**
   * Whether a field of what an environment reads of an integration was refused at or above it, or, with `inside`,
   * within it: in the environment's override, or in the shared entry where the override does not give the refused
   * place itself. `field` is the path inside each entry as written (a list item left out can make them differ); a
   * `*` segment stands for any list item (`groups.*.name`: the name of any group).
   */
  public touches(
    override: { readonly file: string; readonly at: FieldPath; readonly value: unknown; readonly field: FieldPath },
    shared: { readonly file: string; readonly at: FieldPath; readonly field: FieldPath },
    inside: boolean,
  ): boolean {
    if (this.at.size === 0) return false;
    if (this.refusalIn(override.file, override.at, override.field, inside) !== undefined) return true;
    const refusal = this.refusalIn(shared.file, shared.at, shared.field, inside);
    return refusal !== undefined && !givesField(override.value, refusal);
  }

  /** A refusal (its path inside the entry) at, above or (with `inside`) within `field` in the entry at `entryAt`: looked up by the field's prefixes, each in constant time. */
  private refusalIn(file: string, entryAt: FieldPath, field: FieldPath, inside: boolean): FieldPath | undefined {
    const entry = key(file, entryAt);
    const anyItem = field.includes('*');
    const at = anyItem ? this.atAnyItem : this.at;
    for (let i = 1; i <= field.length; i++) {
      const found = at.get(`${entry}|${field.slice(0, i).join('.')}`);
      if (found) return found;
    }
    return inside ? (anyItem ? this.belowAnyItem : this.below).get(`${entry}|${field.join('.')}`) : undefined;
  }
}

function setFirst(map: Map<string, FieldPath>, id: string, path: FieldPath): void {
  if (!map.has(id)) map.set(id, path);
}

function key(file: string, path: FieldPath): string {
  return `${file}|${path.join('.')}`;
}

/** Whether an override gives the place `at` on its own: writes it, or writes a list or value where a map above it would go (lists and values replace). */
function givesField(override: unknown, at: FieldPath): boolean {
  let node = override;
  for (let i = 0; i < at.length; i++) {
    if (!isPlainObject(node)) return i > 0;
    if (!Object.hasOwn(node, String(at[i]))) return false;
    node = node[String(at[i])];
  }
  return true;
}
