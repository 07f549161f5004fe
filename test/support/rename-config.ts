/**
 * One organisation before and after renaming two integrations' keys (Snowflake and
 * an Org2Org app with Terraform-managed provisioning), which between them emit every
 * kind of resource an integration owns: shared by the rename tests and the Terraform plans.
 */
import { GENERIC, oneEnvConfig } from './provisioning-config';

export const SNOWFLAKE = {
  preset: 'snowflake',
  groups: ['Analysts'],
  provisioning: { token: 'env:SNOWFLAKE_SCIM_TOKEN', connected: true, pushGroups: [{ group: 'Analysts' }] },
  attributeSync: [
    { attribute: 'title', from: 'user.title' },
    { attribute: 'costCenter', from: 'user.costCenter', custom: { title: 'Cost center' } },
  ],
};
export const ORG2ORG = {
  ...GENERIC,
  catalogApp: { key: 'okta_org2org', settings: { baseUrl: 'https://partner.okta.com' } },
  groups: ['Engineering'],
  provisioning: { token: 'env:ORG2ORG_TOKEN', terraformManaged: true, scimBaseUrl: 'https://partner.okta.com', pushGroups: [{ group: 'Engineering' }] },
  attributeSync: [{ attribute: 'department', from: 'user.department', custom: { title: 'Department' } }],
};
export const DEV_SNOWFLAKE = { snowflake: { account: 'acme-analytics_dev' } };

/** The config dir before the rename: keys `snowflake` and `partner`. */
export function beforeRenameConfig(): string {
  return oneEnvConfig({ snowflake: SNOWFLAKE, partner: ORG2ORG }, { snowflake: DEV_SNOWFLAKE, partner: {} });
}

/** The config dir after it: `analytics` and `partner_org`, each with `renamedFrom`. */
export function afterRenameConfig(): string {
  return oneEnvConfig(
    { analytics: { ...SNOWFLAKE, renamedFrom: 'snowflake' }, partner_org: { ...ORG2ORG, renamedFrom: 'partner' } },
    { analytics: DEV_SNOWFLAKE, partner_org: {} },
  );
}
