import { groupLogicalId } from './group-names';

/** Name of the sensitive Terraform variable holding an integration's SCIM token. */
export function scimTokenVariableName(key: string): string {
  return `scim_token_${key}`;
}

/** Name of the Terraform output the runbook points admins to. */
export function provisioningOutputName(key: string): string {
  return `provisioning_${key}`;
}

/** Terraform name of a push mapping: stable for an integration and Okta group. */
export function pushGroupLogicalId(key: string, group: string): string {
  return `${key}_${groupLogicalId(group)}`;
}

/** Terraform name of a custom app attribute (`okta_app_user_schema_property`): stable for an integration and attribute. */
export function schemaPropertyLogicalId(key: string, attribute: string): string {
  return `${key}_${attribute.toLowerCase()}`;
}
