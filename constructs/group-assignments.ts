import { AppGroupAssignments } from '@cdktf/provider-okta/lib/app-group-assignments';
import { Construct } from 'constructs';
import { GroupAssignment } from '../model/types';
import { MovedBlock } from './moved-block';
import { OktaGroups } from './okta-groups';

export interface GroupAssignmentsProps {
  /** Integration key; the resource's address is `okta_app_group_assignments.<key>`. */
  readonly key: string;
  /** Okta app ID (`okta_app_saml.<key>.id`). */
  readonly appId: string;
  /** Groups to assign, in priority order. */
  readonly groups: readonly GroupAssignment[];
  /** The stack's groups, so each group is declared once. */
  readonly oktaGroups: OktaGroups;
  /**
   * Integration key before a rename.
   * @default - not renamed
   */
  readonly renamedFrom?: string;
}

/**
 * Every group assignment of one app in a single `okta_app_group_assignments`,
 * so a group removed from config is unassigned by Terraform.
 */
export class GroupAssignments extends Construct {
  public readonly resource: AppGroupAssignments;

  constructor(scope: Construct, id: string, props: GroupAssignmentsProps) {
    super(scope, id);
    this.resource = new AppGroupAssignments(this, 'assignments', {
      appId: props.appId,
      group: props.groups.map((g, i) => ({ id: props.oktaGroups.idOf(g, { integration: props.key, index: i }), priority: g.priority ?? i + 1 })),
    });
    this.resource.overrideLogicalId(props.key);
    if (props.renamedFrom) {
      new MovedBlock(this, 'moved', { from: `okta_app_group_assignments.${props.renamedFrom}`, to: `okta_app_group_assignments.${props.key}` });
    }
  }
}
