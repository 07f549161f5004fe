import { showValue } from './show-value';
import { groupLogicalId } from './group-names';
import { GroupAssignment } from './types';

/** Who declared a group: an integration and the index in its `groups`. */
export interface GroupUse {
  readonly integration: string;
  readonly index: number;
}

interface Declared {
  readonly name: string;
  readonly create: boolean;
  readonly description?: string;
  readonly first: GroupUse;
}

/**
 * The Okta groups of one environment (one stack), each declared once however
 * many apps use it, so all apps must agree on each group: one spelling for one
 * Terraform name, and one create/description setting. Order-independent: the
 * first declaration is the reference, every disagreeing later one is reported.
 */
export class GroupRegistry {
  private readonly groups = new Map<string, Declared>();
  /**
   * Each group name's Terraform name, by name: an environment's apps share a few groups (2,000 uses of a few dozen
   * names in a 1,000-app environment), and groupLogicalId, a pure function of the name, runs two regular expressions.
   */
  private readonly ids = new Map<string, string>();

  /** Declares a use of a group; returns what disagrees with its first declaration, or undefined. */
  public declare(group: GroupAssignment, use: GroupUse): string | undefined {
    let id = this.ids.get(group.name);
    if (id === undefined) this.ids.set(group.name, (id = groupLogicalId(group.name)));
    const first = this.groups.get(id);
    if (!first) {
      this.groups.set(id, { name: group.name, create: group.create, description: group.description, first: use });
      return undefined;
    }
    // The first's place is named only in a message: most uses agree with it.
    if (group.name !== first.name) return `Okta groups ${showValue(first.name)} (${placeOf(first.first)}) and ${showValue(group.name)} map to the same Terraform name ${id}; use one spelling`;
    if (group.create !== first.create) return `Okta group ${showValue(group.name)} has create: ${group.create} here but create: ${first.create} in ${placeOf(first.first)}; use the same setting everywhere`;
    if (group.create && (group.description ?? '') !== (first.description ?? '')) {
      return `Okta group ${showValue(group.name)} is created with description ${showValue(group.description ?? '')} here but ${showValue(first.description ?? '')} in ${placeOf(first.first)}; use one description`;
    }
    return undefined;
  }
}

/** Where a group was declared, as messages name it: `wiki.groups.1`. */
function placeOf(use: GroupUse): string {
  return `${use.integration}.groups.${use.index}`;
}
