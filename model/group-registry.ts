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

  /** Declares a use of a group; returns what disagrees with its first declaration, or undefined. */
  public declare(group: GroupAssignment, use: GroupUse): string | undefined {
    const id = groupLogicalId(group.name);
    const first = this.groups.get(id);
    if (!first) {
      this.groups.set(id, { name: group.name, create: group.create, description: group.description, first: use });
      return undefined;
    }
    const other = `${first.first.integration}.groups.${first.first.index}`;
    if (group.name !== first.name) return `Okta groups ${showValue(first.name)} (${other}) and ${showValue(group.name)} map to the same Terraform name ${id}; use one spelling`;
    if (group.create !== first.create) return `Okta group ${showValue(group.name)} has create: ${group.create} here but create: ${first.create} in ${other}; use the same setting everywhere`;
    if (group.create && (group.description ?? '') !== (first.description ?? '')) {
      return `Okta group ${showValue(group.name)} is created with description ${showValue(group.description ?? '')} here but ${showValue(first.description ?? '')} in ${other}; use one description`;
    }
    return undefined;
  }
}
