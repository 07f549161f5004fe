import { DataOktaGroup } from '@cdktf/provider-okta/lib/data-okta-group';
import { Group } from '@cdktf/provider-okta/lib/group';
import { Construct, IConstruct } from 'constructs';
import { GroupRegistry, GroupUse } from '../model/group-registry';
import { groupLogicalId } from '../model/group-names';
import { GroupAssignment } from '../model/types';
import { exactGroupNameGuard } from './group-name-guard';
import { terraformLiteral } from './okta-expression';
import { stackSingleton } from './stack-singleton';
import { attributeRef } from './terraform-ref';

export { groupLogicalId };

/** The construct id of a stack's OktaGroups, at the top of the stack. */
const ID = 'Groups';

/**
 * The Okta groups one stack refers to, each declared once however many apps
 * use it: looked up by name (`data.okta_group`, whose plan fails unless the group
 * found has exactly that name: see group-name-guard.ts), or created (`okta_group`,
 * protected by `prevent_destroy`). Apps that disagree about a group (two
 * spellings of one Terraform name, create or not, two descriptions) are
 * recorded for their own validation to report.
 */
export class OktaGroups extends Construct {
  /** The stack's groups, created on first use. */
  public static of(scope: IConstruct): OktaGroups {
    return stackSingleton(scope, ID, OktaGroups, (stack, id) => new OktaGroups(stack, id));
  }

  private readonly ids = new Map<string, string>();
  private readonly created = new Map<string, Group>();
  private readonly registry = new GroupRegistry();
  private readonly conflicts = new Map<string, Array<{ readonly index: number; readonly message: string }>>();

  /** The Okta ID of a group as a Terraform reference, declaring its lookup or creation on first use. */
  public idOf(group: GroupAssignment, use: GroupUse): string {
    const conflict = this.registry.declare(group, use);
    if (conflict) this.conflicts.set(use.integration, [...(this.conflicts.get(use.integration) ?? []), { index: use.index, message: conflict }]);
    const logicalId = groupLogicalId(group.name);
    const existing = this.ids.get(logicalId);
    if (existing) return existing;
    let id: string;
    if (group.create) {
      const created = new Group(this, logicalId, { name: terraformLiteral(group.name), description: terraformLiteral(group.description), lifecycle: { preventDestroy: true } });
      created.overrideLogicalId(logicalId);
      this.created.set(logicalId, created);
      id = attributeRef(created, 'id');
    } else {
      const found = new DataOktaGroup(this, logicalId, { name: terraformLiteral(group.name), lifecycle: { postcondition: [exactGroupNameGuard(group.name)] } });
      found.overrideLogicalId(logicalId);
      id = attributeRef(found, 'id');
    }
    this.ids.set(logicalId, id);
    return id;
  }

  /** The `okta_group` that creates the group named `name`, when one of the stack's apps creates it. */
  public createdGroup(name: string): Group | undefined {
    return this.created.get(groupLogicalId(name));
  }

  /** What an integration's `groups` disagree on with the stack's earlier declarations, by index in its `groups`. */
  public conflictsOf(integration: string): ReadonlyArray<{ readonly index: number; readonly message: string }> {
    return this.conflicts.get(integration) ?? [];
  }
}
