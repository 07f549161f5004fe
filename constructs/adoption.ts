import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { IConstruct } from 'constructs';
import { AdoptModel } from '../model/adopt';
import { IntegrationModel } from '../model/types';
import { GroupAssignments } from './group-assignments';
import { OktaProvisionerRoles } from './idp-record/okta-provisioner-role';
import { SnowflakeIdpRecord } from './idp-record/snowflake-idp-record';
import { ImportBlocks } from './import-blocks';
import { OktaGroups } from './okta-groups';
import { Provisioning } from './provisioning/provisioning';

/** The resources of one integration that adoption can import. */
export interface AdoptableResources {
  readonly app: AppSaml;
  readonly groupAssignments?: GroupAssignments;
  readonly provisioning?: Provisioning;
  readonly snowflake?: SnowflakeIdpRecord;
}

/**
 * Writes the import blocks that adopt an integration's live objects, each ID in
 * the form its provider's importer takes (DESIGN.md, "Adopting existing apps").
 * Only objects the integration declares are imported: an ID for anything else
 * is refused earlier, by the adopt prop's own checks.
 */
export function adoptLiveObjects(scope: IConstruct, integration: IntegrationModel, adopt: AdoptModel, r: AdoptableResources): void {
  const imports = ImportBlocks.of(scope);
  const key = integration.key;
  const appId = adopt.oktaAppId;
  imports.adopt(r.app, appId, key);
  // okta_app_group_assignments holds every assignment of the app, imported by the app's ID.
  if (r.groupAssignments) imports.adopt(r.groupAssignments.resource, appId, key);
  for (const [group, mappingId] of adopt.pushGroupMappingIds) {
    const push = r.provisioning?.pushGroupsByGroup.get(group);
    if (push) imports.adopt(push, `${appId}/${mappingId}`, key);
  }
  const groups = OktaGroups.of(scope);
  for (const [name, groupId] of adopt.groupIds) {
    const created = groups.createdGroup(name);
    if (created) imports.adopt(created, groupId, key);
  }
  const sync = r.provisioning?.attributeSync;
  if (sync && adopt.profileMappingId) imports.adopt(sync.mapping, adopt.profileMappingId, key);
  if (sync) {
    for (const property of sync.customAttributes) {
      const name = property.indexInput;
      if (name && adopt.userSchemaProperties.includes(name)) imports.adopt(property, `${appId}/${name}`, key);
    }
  }
  const snowflake = adopt.snowflake;
  if (snowflake && r.snowflake && integration.snowflake) {
    if (snowflake.samlIntegration) imports.adopt(r.snowflake.saml2Integration, snowflake.samlIntegration, key);
    if (snowflake.scimIntegration && r.snowflake.scimIntegration) imports.adopt(r.snowflake.scimIntegration, snowflake.scimIntegration, key);
    if (snowflake.provisionerRole && r.snowflake.scimIntegration) imports.adopt(OktaProvisionerRoles.of(scope).forAccount(integration.snowflake.account).role, snowflake.provisionerRole, key);
  }
}
