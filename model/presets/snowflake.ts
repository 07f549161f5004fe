import { IdpRecordSpec } from '../idp-record';
import { FieldProblem, IntegrationSettings } from '../settings';
import { SnowflakeAccount, parseSnowflakeAccount, snowflakeUrls } from '../snowflake-account';
import { IntegrationModel } from '../types';
import { ProvisioningValues, SpPreset } from './preset';

/** The `snowflake:` block of an integration's config. */
export interface SnowflakeSettings {
  readonly account?: string;
  readonly integrationName?: string;
  readonly loginPageLabel?: string;
  readonly scim?: boolean;
}

/** The Snowflake side of an integration: Terraform resources in the Snowflake account. */
export interface SnowflakeModel {
  readonly account: SnowflakeAccount;
  /** Name of the `snowflake_saml2_integration` object in Snowflake: `OKTA_<KEY>` by default, from the key before a rename. */
  readonly integrationName: string;
  /** Label of the SP-initiated sign-in button on Snowflake's login page. */
  readonly loginPageLabel: string;
  /** Name of the `snowflake_scim_integration`, when SCIM provisioning is on. */
  readonly scimIntegrationName?: string;
}

function snowflakeSettings(settings: IntegrationSettings): SnowflakeSettings {
  return (settings.snowflake ?? {}) as SnowflakeSettings;
}

/** SCIM is on when config turns on `snowflake.scim`, or declares SCIM provisioning (`provisioning.method`, default scim). */
function scimOn(settings: IntegrationSettings): boolean {
  const explicit = snowflakeSettings(settings).scim;
  if (explicit !== undefined) return explicit;
  return settings.provisioning !== undefined && (settings.provisioning.method ?? 'scim') === 'scim';
}

/**
 * The Snowflake resources' settings, when the account is valid (problems are
 * reported by the preset's defaults). The default object names come from the
 * key the integration had before a rename (`renamedFrom`): renaming the key
 * moves the Terraform resources but must not rename the Snowflake objects,
 * which would recreate them and void the SCIM token.
 */
export function snowflakeModelOf(key: string, settings: IntegrationSettings): SnowflakeModel | undefined {
  const s = snowflakeSettings(settings);
  if (s.account === undefined) return undefined;
  const account = parseSnowflakeAccount(s.account);
  if ('problem' in account) return undefined;
  const integrationName = s.integrationName ?? `OKTA_${(settings.renamedFrom ?? key).toUpperCase()}`;
  return {
    account,
    integrationName,
    loginPageLabel: s.loginPageLabel ?? 'Okta',
    scimIntegrationName: scimOn(settings) ? `${integrationName}_SCIM` : undefined,
  };
}

const RECORD: IdpRecordSpec = {
  where: 'Terraform: snowflake_saml2_integration (applied with this stack; shown for reference)',
  terraformResource: 'snowflake_saml2_integration',
  fields: [
    { id: 'saml2Issuer', label: 'SAML2_ISSUER', from: 'issuer', apiName: 'saml2_issuer' },
    { id: 'saml2SsoUrl', label: 'SAML2_SSO_URL', from: 'ssoUrl', apiName: 'saml2_sso_url' },
    { id: 'saml2X509Cert', label: 'SAML2_X509_CERT', from: 'certificateBase64', apiName: 'saml2_x509_cert' },
    { id: 'saml2Provider', label: 'SAML2_PROVIDER', value: 'OKTA', apiName: 'saml2_provider' },
  ],
};

export const snowflake: SpPreset = {
  name: 'snowflake',
  displayName: 'Snowflake',
  summary:
    'ACS URL https://{account}.snowflakecomputing.com/fed/login and entity ID https://{account}.snowflakecomputing.com from `snowflake.account` (per environment); the IdP record is a snowflake_saml2_integration resource referencing the Okta app, plus snowflake_scim_integration (OKTA, OKTA_PROVISIONER) when `snowflake.scim` is on.',
  signIn: 'idp-and-sp',
  usernameFormats: ['email', 'login', 'custom'],
  permanentUsernames: false,
  provisioning: {
    methods: ['scim'],
    features: ['createUsers', 'updateAttributes', 'deactivateUsers'],
    defaultFeatures: ['createUsers', 'updateAttributes', 'deactivateUsers'],
    importGroups: 'allowed',
    pushGroups: true,
    enhancedGroupPush: false,
    connection: 'cloud',
    tokenSource: 'a SCIM access token with SYSTEM$GENERATE_SCIM_ACCESS_TOKEN on the Okta SCIM integration, run in Snowflake once Terraform has created it',
    notes: ['Snowflake creates provisioned users and pushed groups (as roles) owned by the OKTA_PROVISIONER role.'],
  },
  defaults(settings: IntegrationSettings) {
    const problems: FieldProblem[] = [];
    const raw = snowflakeSettings(settings).account;
    if (raw === undefined) {
      problems.push({ field: 'snowflake.account', message: 'missing required field snowflake.account (the Snowflake account identifier orgname-account_name, per environment)' });
      return { settings: {}, problems };
    }
    const account = parseSnowflakeAccount(raw);
    if ('problem' in account) return { settings: {}, problems: [{ field: 'snowflake.account', message: account.problem }] };
    const urls = snowflakeUrls(account);
    return {
      settings: { label: 'Snowflake', acsUrl: urls.acsUrl, audience: urls.entityId, username: { format: 'email' } },
      problems,
    };
  },
  idpRecord: () => RECORD,
  provisioningValues(integration: IntegrationModel): ProvisioningValues {
    const model = integration.snowflake;
    if (!model) return {};
    const scimBaseUrl = snowflakeUrls(model.account).scimBaseUrl;
    if (!model.scimIntegrationName) {
      return { scimBaseUrl, tokenSource: `a SCIM access token with SYSTEM$GENERATE_SCIM_ACCESS_TOKEN on the Okta SCIM integration you created in Snowflake (snowflake.scim is off, so Terraform creates none)` };
    }
    return {
      scimBaseUrl,
      tokenSource: `the token with SELECT SYSTEM$GENERATE_SCIM_ACCESS_TOKEN('${model.scimIntegrationName}'), once Terraform has created the SCIM integration ${model.scimIntegrationName} (the token is valid for six months)`,
    };
  },
};
