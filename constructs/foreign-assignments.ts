import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { showPath } from '../model/show-value';
import { resolvedAsWritten } from '../rules/stack-overrides';
import type { EnvironmentMember } from './sso-environment';

/** The okta provider's resources that assign groups to an app. */
const ASSIGNMENT_TYPES: ReadonlySet<string> = new Set(['okta_app_group_assignments', 'okta_app_group_assignment']);

/**
 * Group assignments the stack declares, outside the SP constructs `members`, for an app whose construct assigns its
 * groups itself. Its `okta_app_group_assignments` owns every assignment of the app: each instance's update "deletes
 * the groups it does not own from Okta" (the okta provider's docs/resources/app_group_assignments.md), so the two
 * would take each other's groups away at every apply, and users lose the app (deprovisioned in the SP where SCIM
 * deactivates). One message per such resource, naming it and the construct.
 */
export function foreignAssignments(stack: TerraformStack, members: ReadonlyArray<Pick<EnvironmentMember, 'node' | 'resources'>>): string[] {
  const owners = new Map<string, Pick<EnvironmentMember, 'node'>>();
  const inMembers = new Set<IConstruct>();
  for (const member of members) {
    const resources = member.resources();
    for (const r of resources) inMembers.add(r);
    const app = resources.find((r) => r.terraformResourceType === 'okta_app_saml');
    if (app && resources.some((r) => r.terraformResourceType === 'okta_app_group_assignments')) owners.set(`\${okta_app_saml.${app.friendlyUniqueId}.id}`, member);
  }
  if (owners.size === 0) return [];
  const found: string[] = [];
  for (const node of stack.node.findAll()) {
    if (!(node instanceof TerraformResource) || inMembers.has(node) || !ASSIGNMENT_TYPES.has(node.terraformResourceType)) continue;
    const appId = appIdOf(stack, node);
    const owner = appId === undefined ? undefined : owners.get(appId);
    if (!owner) continue;
    found.push(
      `${showPath(node.node.path)} (${node.terraformResourceType}) assigns groups to the app of ${showPath(owner.node.path)}, whose okta_app_group_assignments owns every assignment of that app: ` +
        'each apply would remove the groups the other assigns, and users lose the app; accepted: the groups in the construct\'s groups prop (with their priority)',
    );
  }
  return found;
}

/** The `app_id` a group assignment resource writes (`${okta_app_saml.wiki.id}`), resolved as cdktf writes it. */
function appIdOf(stack: TerraformStack, resource: TerraformResource): string | undefined {
  const written = resolvedAsWritten(resource.toTerraform(), stack) as { resource?: Record<string, Record<string, { app_id?: unknown }>> };
  const body = written.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId];
  return typeof body?.app_id === 'string' ? body.app_id : undefined;
}
