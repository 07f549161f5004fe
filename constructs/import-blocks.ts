import { showValue } from '../model/show-value';
import { TerraformElement, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { stackSingleton } from './stack-singleton';

/** The construct id of a stack's ImportBlocks, at the top of the stack. */
const ID = 'Imports';

/** Import blocks need Terraform 1.5; an older one would fail on the block with a less helpful message. */
export const IMPORT_TERRAFORM_VERSION = '>= 1.5.0';

interface Entry {
  readonly resource: TerraformResource;
  readonly id: string;
  readonly by: string;
}

/**
 * The stack's Terraform `import` blocks: live objects that resources of this
 * stack adopt instead of creating. Written directly rather than through
 * `importFrom`, which makes every synth shell out to `terraform version`. One
 * block per resource however many integrations adopt it (a shared group);
 * two different IDs for one resource are recorded for the integrations'
 * validations to report. An import block left in place once the object is in
 * state is a no-op, so adoption never has to be undone in config.
 */
export class ImportBlocks extends TerraformElement {
  /** The stack's import blocks, created on first use. */
  public static of(scope: IConstruct): ImportBlocks {
    return stackSingleton(scope, ID, ImportBlocks, (stack, id) => new ImportBlocks(stack, id));
  }

  /** What integration `key` of `scope`'s stack disagrees on with another about an adopted object (none when nothing is adopted). */
  public static conflictsIn(scope: IConstruct, key: string): readonly string[] {
    const existing = TerraformStack.of(scope).node.tryFindChild(ID);
    return existing instanceof ImportBlocks ? existing.conflictsOf(key) : [];
  }

  private readonly entries = new Map<TerraformResource, Entry>();
  private readonly conflicts = new Map<string, string[]>();
  private readonly owners = new Map<string, Entry>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    // Terraform itself refuses the stack on an older version, naming this constraint.
    TerraformStack.of(this).addOverride('terraform.required_version', IMPORT_TERRAFORM_VERSION);
  }

  /** Adopts the live object `id` into `resource`, on behalf of integration `by`. */
  public adopt(resource: TerraformResource, id: string, by: string): void {
    const entry: Entry = { resource, id, by };
    const existing = this.entries.get(resource);
    if (existing) {
      if (existing.id === id) return;
      const address = addressOf(resource);
      this.conflict(by, `${address} is adopted as ${showValue(id)} here and as ${showValue(existing.id)} by ${existing.by}; accepted: one live object per resource`);
      this.conflict(existing.by, `${address} is adopted as ${showValue(existing.id)} here and as ${showValue(id)} by ${by}; accepted: one live object per resource`);
      return;
    }
    // One live object in two resources of a type: two owners that would undo each other's changes.
    const owner = `${resource.terraformResourceType}|${id}`;
    const other = this.owners.get(owner);
    if (other && other.by !== by) {
      for (const [mine, theirs] of [
        [entry, other],
        [other, entry],
      ]) {
        this.conflict(mine.by, `${showValue(id)} is adopted here and by ${theirs.by} (${addressOf(theirs.resource)}); accepted: one resource per live object`);
      }
    }
    this.owners.set(owner, entry);
    this.entries.set(resource, entry);
  }

  private conflict(key: string, message: string): void {
    this.conflicts.set(key, [...(this.conflicts.get(key) ?? []), message]);
  }

  /** What integration `key` disagrees on with another about an adopted object. */
  public conflictsOf(key: string): readonly string[] {
    return this.conflicts.get(key) ?? [];
  }

  /** `{ to, id }` of every import block, by address. */
  public get blocks(): ReadonlyArray<{ readonly to: string; readonly id: string }> {
    return [...this.entries.values()].map((e) => ({ to: addressOf(e.resource), id: e.id })).sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  }

  public toTerraform(): any {
    const blocks = this.blocks;
    return blocks.length > 0 ? { import: blocks } : {};
  }
}

function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
