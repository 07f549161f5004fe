/**
 * Attributes that make Terraform replace (destroy and re-create) a resource
 * when they change: `ForceNew: true` (SDKv2) or `RequiresReplace` (plugin
 * framework), read from the okta/okta provider source at the tag below
 * (notes: okta-provider.md, section 3). Resources not listed here, and
 * attributes not listed for a resource, update in place.
 */
export const REPLACE_ON_CHANGE_SOURCE = {
  provider: 'okta/okta',
  tag: 'v6.12.0',
  repository: 'https://github.com/okta/terraform-provider-okta',
} as const;

export interface ReplaceOnChange {
  readonly attributes: readonly string[];
  /** Provider source file, under okta/services/idaas/ at the tag. */
  readonly file: string;
}

export const REPLACE_ON_CHANGE: Readonly<Record<string, ReplaceOnChange>> = {
  okta_app_saml: { attributes: ['preconfigured_app'], file: 'resource_okta_app_saml.go' },
  okta_app_group_assignments: { attributes: ['app_id'], file: 'resource_okta_app_group_assignments.go' },
  okta_app_group_assignment: { attributes: ['app_id', 'group_id'], file: 'resource_okta_app_group_assignment.go' },
  okta_app_user_schema_property: {
    attributes: ['scope', 'index', 'type', 'array_type', 'external_name', 'external_namespace', 'unique'],
    file: 'resource_okta_app_user_custom_schema_property.go, user_schema_property.go',
  },
  okta_push_group: {
    attributes: ['app_id', 'source_group_id', 'target_group_name', 'target_group_id', 'app_config'],
    file: 'resource_okta_push_group.go',
  },
  okta_group: { attributes: [], file: 'resource_okta_group.go' },
  okta_profile_mapping: { attributes: [], file: 'resource_okta_profile_mapping.go' },
  okta_app_connection: { attributes: [], file: 'resource_okta_app_connection.go' },
  okta_app_features: { attributes: [], file: 'resource_okta_app_features.go' },
};

/** Whether changing `attribute` on a resource of `type` forces replacement. */
export function forcesReplacement(type: string, attribute: string): boolean {
  return REPLACE_ON_CHANGE[type]?.attributes.includes(attribute) ?? false;
}
