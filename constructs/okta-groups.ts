import { DataOktaGroup } from '@cdktf/provider-okta/lib/data-okta-group';
import { Group } from '@cdktf/provider-okta/lib/group';
import { Construct } from 'constructs';
import { groupLogicalId } from '../model/group-names';
import { terraformLiteral } from './okta-expression';
import { attributeRef } from './terraform-ref';
import { GroupAssignment } from '../model/types';

export { groupLogicalId };

/**
 * The Okta groups one environment refers to, each declared once however many
 * apps use it: looked up by name (`data.okta_group`), or created (`okta_group`,
 * protected by `prevent_destroy`) when config says so.
 */
export class OktaGroups extends Construct {
  private readonly ids = new Map<string, { name: string; id: string; created: boolean; description?: string }>();

  /** The Okta ID of a group, declaring its lookup or creation on first use. */
  public idOf(group: GroupAssignment): string {
    const logicalId = groupLogicalId(group.name);
    const existing = this.ids.get(logicalId);
    if (existing) {
      if (existing.name !== group.name) {
        throw new Error(`Okta groups ${JSON.stringify(existing.name)} and ${JSON.stringify(group.name)} map to the same Terraform name ${logicalId}; rename one of them`);
      }
      if (group.create !== existing.created) {
        throw new Error(`Okta group ${JSON.stringify(group.name)} is declared with create: ${existing.created} and create: ${group.create}; use the same setting everywhere`);
      }
      if (group.create && (existing.description ?? '') !== (group.description ?? '')) {
        throw new Error(
          `Okta group ${JSON.stringify(group.name)} is created with two descriptions: ${JSON.stringify(existing.description)} and ${JSON.stringify(group.description)}`,
        );
      }
      return existing.id;
    }
    let id: string;
    if (group.create) {
      const created = new Group(this, logicalId, { name: terraformLiteral(group.name), description: terraformLiteral(group.description), lifecycle: { preventDestroy: true } });
      created.overrideLogicalId(logicalId);
      id = attributeRef(created, 'id');
    } else {
      const found = new DataOktaGroup(this, logicalId, { name: terraformLiteral(group.name) });
      found.overrideLogicalId(logicalId);
      id = attributeRef(found, 'id');
    }
    this.ids.set(logicalId, { name: group.name, id, created: group.create, description: group.description });
    return id;
  }
}
