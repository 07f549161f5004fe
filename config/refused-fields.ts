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
  /** Each refusal's path, under the `file|path` of every integration entry it may be in (`integrations.<key>`, `environments.<env>.integrations.<key>`). */
  private readonly byEntry = new Map<string, FieldPath[]>();

  public add(file: string, path: FieldPath): void {
    for (const entryLength of [2, 4]) {
      if (path.length <= entryLength) continue;
      const id = key(file, path.slice(0, entryLength));
      const list = this.byEntry.get(id);
      if (list) list.push(path.slice(entryLength));
      else this.byEntry.set(id, [path.slice(entryLength)]);
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
    if (this.byEntry.size === 0) return false;
    if (this.refusalIn(override.file, override.at, override.field, inside) !== undefined) return true;
    const refusal = this.refusalIn(shared.file, shared.at, shared.field, inside);
    return refusal !== undefined && !givesField(override.value, refusal);
  }

  /** The first refusal (its path inside the entry) at, above or (with `inside`) within `field` in the entry at `entryAt`. */
  private refusalIn(file: string, entryAt: FieldPath, field: FieldPath, inside: boolean): FieldPath | undefined {
    return this.byEntry.get(key(file, entryAt))?.find((refused) => {
      const shared = Math.min(refused.length, field.length);
      for (let i = 0; i < shared; i++) if (field[i] !== '*' && String(field[i]) !== String(refused[i])) return false;
      return refused.length <= field.length || inside;
    });
  }
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
