import { ownEntry } from '../model/own-entry';

/**
 * Terraform names in the words users know from config and the Okta Admin
 * Console. Unknown names fall back to the Terraform name, so output from any
 * version of the tool (or a hand-written stack) still reads.
 */

const RESOURCE_WORDS: Readonly<Record<string, string>> = {
  okta_app_saml: 'Okta SAML app',
  okta_app_group_assignments: 'group assignments',
  okta_app_group_assignment: 'group assignment',
  okta_push_group: 'push group',
  okta_app_connection: 'provisioning connection',
  okta_app_features: 'provisioning features',
  okta_profile_mapping: 'attribute mapping',
  okta_app_user_schema_property: 'app user attribute',
  okta_group: 'Okta group',
  snowflake_saml2_integration: 'Snowflake SAML integration',
  snowflake_scim_integration: 'Snowflake SCIM integration',
};

const SETTING_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  okta_app_saml: {
    label: 'app name',
    status: 'app status',
    sso_url: 'ACS URL',
    recipient: 'recipient URL',
    destination: 'destination URL',
    audience: 'audience (SP entity ID)',
    idp_issuer: 'IdP issuer',
    sp_issuer: 'SP issuer',
    default_relay_state: 'relay state',
    user_name_template: 'username format',
    user_name_template_type: 'username format type',
    user_name_template_suffix: 'username suffix',
    user_name_template_push_status: 'username push',
    subject_name_id_template: 'name ID value',
    subject_name_id_format: 'name ID format',
    signature_algorithm: 'signature algorithm',
    digest_algorithm: 'digest algorithm',
    response_signed: 'signed response',
    assertion_signed: 'signed assertion',
    authn_context_class_ref: 'authentication context',
    honor_force_authn: 'honor force authentication',
    attribute_statements: 'SAML attributes',
    hide_web: 'hidden from the Okta dashboard',
    hide_ios: 'hidden from Okta Mobile',
    preconfigured_app: 'Okta catalog app',
    app_settings_json: 'catalog app settings',
    lifecycle: 'destroy protection',
    single_logout_url: 'single logout URL',
    single_logout_issuer: 'single logout issuer',
    implicit_assignment: 'federation broker mode',
  },
  okta_app_group_assignments: { group: 'assigned groups', app_id: 'app' },
  okta_app_group_assignment: { group_id: 'assigned group', app_id: 'app' },
  okta_push_group: {
    source_group_id: 'pushed Okta group',
    target_group_name: 'SP group name',
    target_group_id: 'SP group',
    status: 'push status',
    delete_target_group_on_destroy: 'delete SP group when push stops',
    app_config: 'push settings',
  },
  okta_app_connection: { base_url: 'SCIM base URL', action: 'provisioning', profile: 'provisioning credentials' },
  okta_app_features: { status: 'feature status', capabilities: 'provisioning capabilities', name: 'feature' },
  snowflake_saml2_integration: {
    name: 'integration name',
    enabled: 'enabled',
    saml2_sso_url: 'IdP SSO URL',
    saml2_issuer: 'IdP issuer',
    saml2_x509_cert: 'IdP certificate',
    saml2_provider: 'IdP type',
    saml2_snowflake_acs_url: 'Snowflake ACS URL',
    saml2_snowflake_issuer_url: 'Snowflake entity ID',
    saml2_sp_initiated_login_page_label: 'login button label',
    saml2_enable_sp_initiated: 'login button shown',
  },
  okta_profile_mapping: { mappings: 'attribute mappings', source_id: 'mapped from', target_id: 'mapped to', delete_when_absent: 'remove mappings not listed', always_apply: 'apply mappings to every user' },
  snowflake_scim_integration: { name: 'integration name', enabled: 'enabled', scim_client: 'SCIM client', run_as_role: 'provisioner role', sync_password: 'password sync' },
};

/** Meta-arguments any resource can have. */
const ANY_RESOURCE_WORDS: Readonly<Record<string, string>> = { lifecycle: 'destroy protection', depends_on: 'applied after' };

/** Config-side name of a few Okta values, so the review shows what users wrote. */
const VALUE_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  user_name_template: { '${source.email}': 'Email (${source.email})', '${source.login}': 'Okta username (${source.login})' },
  subject_name_id_format: {
    'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified': 'unspecified',
    'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress': 'emailAddress',
    'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName': 'x509SubjectName',
    'urn:oasis:names:tc:SAML:1.1:nameid-format:x509SubjectName': 'x509SubjectName',
    'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent': 'persistent',
    'urn:oasis:names:tc:SAML:2.0:nameid-format:transient': 'transient',
  },
};

export function resourceWords(type: string): string {
  return ownEntry(RESOURCE_WORDS, type) ?? type;
}

export function settingWords(type: string, attribute: string): string {
  return ownEntry(ownEntry(SETTING_WORDS, type) ?? {}, attribute) ?? ownEntry(ANY_RESOURCE_WORDS, attribute) ?? attribute.replace(/_/g, ' ');
}

/** Terraform JSON escapes Okta's `${...}` as `$${...}`; show what the user wrote. */
export function unescapeTerraform(value: string): string {
  return value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

export function valueWords(attribute: string, value: string): string {
  const plain = unescapeTerraform(value);
  return ownEntry(ownEntry(VALUE_WORDS, attribute) ?? {}, plain) ?? plain;
}

/** Okta's group filter types in config's words (`groupAttribute.filter.type`). */
const FILTER_TYPE_WORDS: Readonly<Record<string, string>> = { REGEX: 'regex', STARTS_WITH: 'startsWith', EQUALS: 'equals', CONTAINS: 'contains' };

export function filterTypeWords(filterType: string): string {
  return ownEntry(FILTER_TYPE_WORDS, filterType) ?? filterType;
}
