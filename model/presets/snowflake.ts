import { IdpRecordSpec } from '../idp-record';
import { FieldProblem, problem } from '../problem';
import { RuleId } from '../rule-catalog';
import { SnowflakeAccount, parseSnowflakeAccount, snowflakeUrls } from '../snowflake-account';
import { AnySsoProps } from '../sso-props';
import { IntegrationModel } from '../types';
import { ProvisioningValues, SpPreset } from './preset';

/** The role Snowflake's Okta SCIM integration runs as (Snowflake's own setup names it so). */
export const OKTA_PROVISIONER = 'OKTA_PROVISIONER';

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

/** SCIM is on when `scim` (config: `snowflake.scim`) says so, or SCIM provisioning is declared (`provisioning.method`, default scim). */
function scimOn(props: AnySsoProps): boolean {
  if (props.scim !== undefined) return props.scim;
  return props.provisioning !== undefined && (props.provisioning.method ?? 'scim') === 'scim';
}

/**
 * The Snowflake resources' settings, when the account is valid (problems are
 * reported by the preset's defaults). The default object names come from the
 * key the integration had before a rename (`renamedFrom`): renaming the key
 * moves the Terraform resources but must not rename the Snowflake objects,
 * which would recreate them and void the SCIM token.
 */
export function snowflakeModelOf(key: string, props: AnySsoProps): SnowflakeModel | undefined {
  if (typeof props.account !== 'string') return undefined;
  const account = parseSnowflakeAccount(props.account);
  if ('problem' in account) return undefined;
  const integrationName = props.integrationName ?? `OKTA_${(props.renamedFrom ?? key).toUpperCase()}`;
  return {
    account,
    integrationName,
    loginPageLabel: props.loginPageLabel ?? 'Okta',
    scimIntegrationName: scimOn(props) ? `${integrationName}_SCIM` : undefined,
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
  constructName: 'SnowflakeSso',
  ownProps: ['account', 'integrationName', 'loginPageLabel', 'scim'],
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
  defaults(props, isUnresolved) {
    const problems: FieldProblem[] = [];
    const raw = props.account;
    // Without the account there are no URLs, but the other defaults still hold: the rest of the props is checked against them.
    const settings = { label: 'Snowflake', username: { format: 'email' as const } };
    if (raw === undefined) {
      problems.push(problem(RuleId.REQUIRED, 'account', 'missing required value: the Snowflake account identifier orgname-account_name (per environment)'));
      return { settings, problems };
    }
    if (isUnresolved(raw)) {
      // The provider's organization and account names are read from the identifier at synth.
      return { settings, problems: [problem(RuleId.WELL_FORMED, 'account', 'the Snowflake account is a Terraform token; accepted: the account identifier as text (orgname-account_name), known at synth')] };
    }
    const account = parseSnowflakeAccount(String(raw));
    if ('problem' in account) return { settings, problems: [problem(RuleId.WELL_FORMED, 'account', account.problem)] };
    const urls = snowflakeUrls(account);
    return { settings: { ...settings, acsUrl: urls.acsUrl, audience: urls.entityId }, problems };
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
