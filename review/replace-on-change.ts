import { ownEntry } from '../model/own-entry';

/**
 * Attributes that make Terraform replace (destroy and re-create) a resource
 * when they change: `ForceNew: true` (SDKv2) or `RequiresReplace` (plugin
 * framework), read from the okta/okta provider source at the tag below
 * (notes: okta-provider.md, section 3), and for Snowflake's security
 * integrations from the snowflakedb/snowflake source at the version the
 * bindings use. Resources not listed here, and attributes not listed for a
 * resource, update in place.
 */
/**
 * The newest okta/okta source readable here: every row was re-read at this tag
 * (Dec 2026). v7.0.0's Go source is not in the mirror, and its Pulumi bridge
 * (@pulumi/okta 7.0.0, whose inputs match) carries no replace-on-change data.
 */
const OKTA_TAG = 'v6.12.0';
const SNOWFLAKE_TAG = 'v2.11.0';

export const REPLACE_ON_CHANGE_SOURCE = {
  provider: 'okta/okta',
  tag: OKTA_TAG,
  repository: 'https://github.com/okta/terraform-provider-okta',
} as const;

/** The snowflakedb/snowflake source read for the `snowflake_*` rows (the version @cdktf/provider-snowflake 15.9.1 binds). */
export const SNOWFLAKE_REPLACE_ON_CHANGE_SOURCE = {
  provider: 'snowflakedb/snowflake',
  tag: SNOWFLAKE_TAG,
  repository: 'https://github.com/snowflakedb/terraform-provider-snowflake',
} as const;

export interface ReplaceOnChange {
  readonly attributes: readonly string[];
  /**
   * Attributes that force replacement only when they change from a value to
   * empty or unset (the Snowflake provider's ForceNewIfChangeToEmpty... diffs).
   */
  readonly toEmpty?: readonly string[];
  /** Provider source file: under okta/services/idaas/ at the okta/okta tag, or pkg/resources/ at the Snowflake tag. */
  readonly file: string;
  /** The provider tag the row was read from. */
  readonly tag: string;
}


export const REPLACE_ON_CHANGE: Readonly<Record<string, ReplaceOnChange>> = {
  okta_app_saml: { attributes: ['preconfigured_app'], file: 'resource_okta_app_saml.go', tag: OKTA_TAG },
  okta_app_group_assignments: { attributes: ['app_id'], file: 'resource_okta_app_group_assignments.go', tag: OKTA_TAG },
  okta_app_group_assignment: { attributes: ['app_id', 'group_id'], file: 'resource_okta_app_group_assignment.go', tag: OKTA_TAG },
  okta_app_user_schema_property: {
    attributes: ['scope', 'index', 'type', 'array_type', 'external_name', 'external_namespace', 'unique'],
    file: 'resource_okta_app_user_custom_schema_property.go, user_schema_property.go',
    tag: OKTA_TAG,
  },
  okta_push_group: {
    attributes: ['app_id', 'source_group_id', 'target_group_name', 'target_group_id', 'app_config'],
    file: 'resource_okta_push_group.go',
    tag: OKTA_TAG,
  },
  okta_group: { attributes: [], file: 'resource_okta_group.go', tag: OKTA_TAG },
  okta_profile_mapping: { attributes: [], file: 'resource_okta_profile_mapping.go', tag: OKTA_TAG },
  okta_app_connection: { attributes: [], file: 'resource_okta_app_connection.go', tag: OKTA_TAG },
  okta_app_features: { attributes: [], file: 'resource_okta_app_features.go', tag: OKTA_TAG },
  snowflake_saml2_integration: {
    attributes: ['name'],
    toEmpty: ['allowed_user_domains', 'allowed_email_patterns', 'saml2_snowflake_issuer_url', 'saml2_snowflake_acs_url', 'saml2_sp_initiated_login_page_label'],
    file: 'saml2_integration.go',
    tag: SNOWFLAKE_TAG,
  },
  snowflake_scim_integration: { attributes: ['name', 'scim_client', 'run_as_role'], file: 'scim_integration.go', tag: SNOWFLAKE_TAG },
};

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Whether changing `attribute` on a resource of `type` from `before` to `after` forces replacement. */
export function forcesReplacement(type: string, attribute: string, before?: unknown, after?: unknown): boolean {
  const rule = ownEntry(REPLACE_ON_CHANGE, type);
  if (!rule) return false;
  if (rule.attributes.includes(attribute)) return true;
  return (rule.toEmpty?.includes(attribute) ?? false) && !isEmpty(before) && isEmpty(after);
}
