import { isPlainObject } from '../model/prop-strings';
import { FieldPath } from '../model/strings-in';

/**
 * Where the schema check refused a value (or where a misspelt key stands for a field), by file, so
 * that a later check whose judgement rests on such a field is known for a follow-on of that problem:
 * `provisioning.method: SCIM` refused, the SCIM-only settings beside it are not "settings for
 * another method"; `groups: Engineering` refused, the push groups are not "not assigned".
 */
export class RefusedFields {
  /** `file|path` of each refusal. */
  private readonly at = new Set<string>();
  /** `file|path` of each refusal and of every field above it: a field with a refusal at or inside it. */
  private readonly atOrInside = new Set<string>();

  public add(file: string, path: FieldPath): void {
    this.at.add(key(file, path));
    for (let i = 1; i <= path.length; i++) this.atOrInside.add(key(file, path.slice(0, i)));
  }

  /**
   * Whether a field of what an environment reads of an integration (`field`: its path inside each entry as
   * written, which a list item left out can make differ) was refused at, inside or above it: in the
   * environment's override, or in the shared entry where the override does not give the refused place itself.
   */
  public touches(
    override: { readonly file: string; readonly at: FieldPath; readonly value: unknown; readonly field: FieldPath },
    shared: { readonly file: string; readonly at: FieldPath; readonly field: FieldPath },
  ): boolean {
    if (this.at.size === 0) return false;
    if (this.touchesIn(override.file, override.at, override.field) !== undefined) return true;
    // The shared entry's refusal counts unless the override gives the refused value's place itself.
    const refusal = this.touchesIn(shared.file, shared.at, shared.field);
    return refusal !== undefined && !givesField(override.value, refusal);
  }

  /** Where (relative to the entry) a refusal at, inside or above `field` is: the field itself for one at or inside it. */
  private touchesIn(file: string, entryAt: FieldPath, field: FieldPath): FieldPath | undefined {
    const full = [...entryAt, ...field];
    for (let i = entryAt.length + 1; i < full.length; i++) if (this.at.has(key(file, full.slice(0, i)))) return field.slice(0, i - entryAt.length);
    return this.atOrInside.has(key(file, full)) ? field : undefined;
  }
}

function key(file: string, path: FieldPath): string {
  return `${file}|${path.join('.')}`;
}

/** Whether an override gives `field` on its own: writes it, or writes a list or value where a map above it would go (lists and values replace). */
function givesField(override: unknown, field: FieldPath): boolean {
  let node = override;
  for (let i = 0; i < field.length; i++) {
    if (!isPlainObject(node)) return i > 0;
    if (!Object.hasOwn(node, String(field[i]))) return false;
    node = node[String(field[i])];
  }
  return true;
}
