import { ownEntry } from '../own-entry';
import { IntegrationModel } from '../types';

/** Which side applies a setting: Terraform, or an admin following the runbook. */
export type Side = 'terraform' | 'runbook';

/**
 * Catalog (OIN) apps whose provisioning connection Okta's API accepts
 * (Application Connections API), by `preconfigured_app` key and auth scheme.
 * Only TOKEN connections can be Terraform-managed here: OAuth 2.0 ones need
 * an admin's consent in the browser. The Application Features API accepts the
 * same apps.
 */
export const API_PROVISIONING_APPS: Readonly<Record<string, { readonly displayName: string; readonly auth: readonly ('TOKEN' | 'OAUTH2')[] }>> = {
  google: { displayName: 'Google Workspace', auth: ['OAUTH2'] },
  office365: { displayName: 'Microsoft Office 365', auth: ['OAUTH2'] },
  okta_org2org: { displayName: 'Okta Org2Org', auth: ['TOKEN', 'OAUTH2'] },
  slack: { displayName: 'Slack', auth: ['OAUTH2'] },
  zoomus: { displayName: 'Zoom', auth: ['OAUTH2'] },
  zscalerbyz: { displayName: 'Zscaler 2.0', auth: ['TOKEN'] },
};

/** Catalog keys whose provisioning connection and features Terraform can manage (token auth). */
export function terraformManageableApps(): string[] {
  return Object.keys(API_PROVISIONING_APPS)
    .filter((k) => API_PROVISIONING_APPS[k].auth.includes('TOKEN'))
    .sort();
}

/** Catalog apps whose provisioning connection is OAuth 2.0 only: an admin authenticates, no token. */
export function oauthOnlyApp(catalogKey: string | undefined): boolean {
  const app = ownEntry(API_PROVISIONING_APPS, catalogKey);
  return app !== undefined && !app.auth.includes('TOKEN');
}

/** Whether Okta's API accepts a TOKEN provisioning connection and features for this app. */
export function apiSupportsProvisioning(integration: Pick<IntegrationModel, 'saml'>): boolean {
  const key = integration.saml.catalogApp?.key;
  return key !== undefined && terraformManageableApps().includes(key);
}

/** Setting by setting, who applies an integration's provisioning. */
export interface ProvisioningPlacement {
  /** SCIM connection and its token (`okta_app_connection`). */
  readonly connection: Side;
  /** Create/update/deactivate/password features (`okta_app_features`). */
  readonly features: Side;
  /** Import Groups: no Okta API in any provider version. */
  readonly importGroups: 'runbook';
  /** Push groups (`okta_push_group`): Terraform once provisioning works in Okta, until then the runbook says when to turn them on. */
  readonly pushGroups: Side;
  /**
   * Profile mappings (`okta_profile_mapping`, `okta_app_user_schema_property`): Terraform once
   * provisioning works in Okta (a custom app's user profile gets its SCIM attributes only then);
   * until then the runbook says when they will be applied.
   */
  readonly attributeSync: Side;
  /** Application username format (`okta_app_saml.user_name_template`). */
  readonly usernameFormat: 'terraform';
}

/**
 * Decides, setting by setting, what Terraform applies and what the runbook
 * carries. Undefined when the integration is not provisioned by SCIM.
 */
export function placeProvisioning(integration: IntegrationModel): ProvisioningPlacement | undefined {
  const p = integration.provisioning;
  if (!p || p.method !== 'scim') return undefined;
  const managed = p.terraformManaged && apiSupportsProvisioning(integration);
  return {
    connection: managed ? 'terraform' : 'runbook',
    features: managed ? 'terraform' : 'runbook',
    importGroups: 'runbook',
    // okta_push_group fails unless provisioning is already enabled on the app; the app user
    // profile has the SCIM attributes that profile mappings target only from then on too.
    pushGroups: managed || p.connected ? 'terraform' : 'runbook',
    attributeSync: managed || p.connected ? 'terraform' : 'runbook',
    usernameFormat: 'terraform',
  };
}
