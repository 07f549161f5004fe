import { Saml2Integration } from '@cdktf/provider-snowflake/lib/saml2-integration';
import { ScimIntegration } from '@cdktf/provider-snowflake/lib/scim-integration';
import { TerraformVariable } from 'cdktf';
import { SecretRef, SnowflakeSso, SnowflakeSsoProps, validateSnowflakeSsoProps } from '../../../index';
import { errorLine, expectBase64ExpressionOn, synthError, synthStack, samlAppDefaultsTests } from './synth-stack';

const REQUIRED: SnowflakeSsoProps = { account: 'acme-analytics' };
const HOST = 'https://acme-analytics.snowflakecomputing.com';
const SCIM_TOKEN = SecretRef.fromEnv('SNOWFLAKE_SCIM_TOKEN');
const WITH_SCIM: SnowflakeSsoProps = { ...REQUIRED, groups: ['Data-Engineering'], provisioning: { token: SCIM_TOKEN } };

function synthSnowflake(props: SnowflakeSsoProps, stackId?: string) {
  return synthStack((stack) => new SnowflakeSso(stack, 'snowflake', props), stackId);
}

describe('SnowflakeSso with only the account', () => {
  test('synthesizes, with only the warning that no group is assigned', () => {
    const { error, warnings } = synthSnowflake(REQUIRED);
    expect(error).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^\[prod\/snowflake\] groups: SSO-009 \(warning\) snowflake: no Okta group is assigned/)]);
  });

  test('the Okta app is okta_app_saml.snowflake, labelled Snowflake', () => {
    const { json } = synthSnowflake(REQUIRED);
    expect(Object.keys(json.resource.okta_app_saml)).toEqual(['snowflake']);
    expect(json.resource.okta_app_saml.snowflake.label).toBe('Snowflake');
  });

  test("the ACS URL is the account's /fed/login, also recipient and destination; the audience is the account URL", () => {
    const app = synthSnowflake(REQUIRED).json.resource.okta_app_saml.snowflake;
    expect(app).toMatchObject({ sso_url: `${HOST}/fed/login`, recipient: `${HOST}/fed/login`, destination: `${HOST}/fed/login`, audience: HOST });
  });

  test('no default relay state, and a visible tile', () => {
    const app = synthSnowflake(REQUIRED).json.resource.okta_app_saml.snowflake;
    expect(app.default_relay_state).toBeUndefined();
    expect(app).toMatchObject({ hide_web: false, hide_ios: false });
  });

  samlAppDefaultsTests(() => synthSnowflake(REQUIRED).json.resource.okta_app_saml.snowflake);

  test('the "//" tag tells review which integration and SP the app is for', () => {
    expect(synthSnowflake(REQUIRED).json.resource.okta_app_saml.snowflake['//']['okta-sso']).toEqual({ integration: 'snowflake', preset: 'snowflake', permanentUsernames: false });
  });

  test("snowflake_saml2_integration.snowflake trusts Okta through references to the Okta app, never copies", () => {
    const saml2 = synthSnowflake(REQUIRED).json.resource.snowflake_saml2_integration.snowflake;
    expect(saml2).toMatchObject({
      name: 'OKTA_SNOWFLAKE',
      enabled: 'true',
      saml2_provider: 'OKTA',
      saml2_issuer: '${okta_app_saml.snowflake.entity_url}',
      saml2_sso_url: '${okta_app_saml.snowflake.http_post_binding}',
      // Snowflake must expect exactly the URLs Okta sends to, or it falls back to the legacy locator URLs.
      saml2_snowflake_acs_url: '${okta_app_saml.snowflake.sso_url}',
      saml2_snowflake_issuer_url: '${okta_app_saml.snowflake.audience}',
      saml2_enable_sp_initiated: 'true',
      saml2_sp_initiated_login_page_label: 'Okta',
      lifecycle: { prevent_destroy: true },
    });
    expectBase64ExpressionOn(saml2.saml2_x509_cert, 'okta_app_saml.snowflake.certificate');
  });

  test("the Snowflake resources use a snowflake provider aliased after the account, with the account's names", () => {
    const { json } = synthSnowflake(REQUIRED);
    expect(json.provider.snowflake).toEqual([{ alias: 'snowflake_acme_analytics', organization_name: 'acme', account_name: 'analytics' }]);
    expect(json.resource.snowflake_saml2_integration.snowflake.provider).toBe('snowflake.snowflake_acme_analytics');
  });

  test('without provisioning there is no SCIM integration and no OKTA_PROVISIONER role', () => {
    const { json } = synthSnowflake(REQUIRED);
    expect(json.resource.snowflake_scim_integration).toBeUndefined();
    expect(json.resource.snowflake_account_role).toBeUndefined();
  });

  test('idp_record_snowflake names the Terraform resource that holds the record, with its SAML2_* fields', () => {
    const record = synthSnowflake(REQUIRED, 'staging').json.output.idp_record_snowflake.value;
    expect(record).toMatchObject({ integration: 'snowflake', environment: 'staging', preset: 'snowflake', sp: 'Snowflake', terraformResource: 'snowflake_saml2_integration.snowflake' });
    expect(record.fields.map((f: { label: string; apiName: string }) => [f.label, f.apiName])).toEqual([
      ['SAML2_ISSUER', 'saml2_issuer'],
      ['SAML2_SSO_URL', 'saml2_sso_url'],
      ['SAML2_X509_CERT', 'saml2_x509_cert'],
      ['SAML2_PROVIDER', 'saml2_provider'],
    ]);
    expect(record.fields[3]).toMatchObject({ format: 'text', value: 'OKTA' });
  });

  test('the runbook has no idp-record step: Terraform applies the record', () => {
    const { runbook, runbookMd } = synthSnowflake(REQUIRED);
    expect(runbook).toEqual({ environment: 'prod', steps: [] });
    expect(runbookMd).toContain('No manual steps: Terraform applies everything in this environment.');
  });
});

describe('SnowflakeSso props', () => {
  test('an account name with _ is written with - in the URLs Okta uses, and kept as is for the provider', () => {
    const { json } = synthSnowflake({ account: 'acme-analytics_prod' });
    const app = json.resource.okta_app_saml.snowflake;
    // Okta SSO and SCIM reject underscores in hostnames.
    expect(app.sso_url).toBe('https://acme-analytics-prod.snowflakecomputing.com/fed/login');
    expect(app.audience).toBe('https://acme-analytics-prod.snowflakecomputing.com');
    expect(json.provider.snowflake).toEqual([{ alias: 'snowflake_acme_analytics_prod', organization_name: 'acme', account_name: 'analytics_prod' }]);
  });

  test('integrationName and loginPageLabel name the SAML2 integration and its login button', () => {
    const saml2 = synthSnowflake({ ...REQUIRED, integrationName: 'OKTA_SSO', loginPageLabel: 'Sign in with Acme Okta' }).json.resource.snowflake_saml2_integration.snowflake;
    expect(saml2).toMatchObject({ name: 'OKTA_SSO', saml2_sp_initiated_login_page_label: 'Sign in with Acme Okta' });
  });

  test('the default integration name follows the key prop, upper-cased', () => {
    const { json } = synthStack((stack) => new SnowflakeSso(stack, 'Snowflake Prod', { ...REQUIRED, key: 'snowflake_prod' }));
    expect(json.resource.snowflake_saml2_integration.snowflake_prod.name).toBe('OKTA_SNOWFLAKE_PROD');
    expect(json.resource.snowflake_saml2_integration.snowflake_prod.saml2_sso_url).toBe('${okta_app_saml.snowflake_prod.http_post_binding}');
  });

  test('after a rename the Snowflake objects keep their names and move, so Snowflake never recreates them', () => {
    const { json } = synthStack((stack) => new SnowflakeSso(stack, 'snowflake_prod', { ...WITH_SCIM, renamedFrom: 'snowflake' }));
    expect(json.resource.snowflake_saml2_integration.snowflake_prod.name).toBe('OKTA_SNOWFLAKE');
    expect(json.resource.snowflake_scim_integration.snowflake_prod.name).toBe('OKTA_SNOWFLAKE_SCIM');
    expect(json.moved).toEqual(
      expect.arrayContaining([
        { from: 'okta_app_saml.snowflake', to: 'okta_app_saml.snowflake_prod' },
        { from: 'snowflake_saml2_integration.snowflake', to: 'snowflake_saml2_integration.snowflake_prod' },
        { from: 'snowflake_scim_integration.snowflake', to: 'snowflake_scim_integration.snowflake_prod' },
      ]),
    );
  });

  test('with SCIM provisioning, snowflake_scim_integration runs as OKTA_PROVISIONER, created first', () => {
    const { json } = synthSnowflake(WITH_SCIM);
    expect(json.resource.snowflake_scim_integration.snowflake).toMatchObject({
      name: 'OKTA_SNOWFLAKE_SCIM',
      enabled: true,
      scim_client: 'OKTA',
      run_as_role: 'OKTA_PROVISIONER',
      provider: 'snowflake.snowflake_acme_analytics',
      lifecycle: { prevent_destroy: true },
      // Snowflake rejects a SCIM integration whose run-as role does not exist yet.
      depends_on: [
        'snowflake_account_role.okta_provisioner_acme_analytics',
        'snowflake_grant_privileges_to_account_role.okta_provisioner_acme_analytics',
        'snowflake_grant_account_role.okta_provisioner_acme_analytics',
      ],
    });
  });

  test("with SCIM provisioning, the account's OKTA_PROVISIONER role gets Snowflake's documented grants", () => {
    const { json } = synthSnowflake(WITH_SCIM);
    expect(json.resource.snowflake_account_role.okta_provisioner_acme_analytics).toMatchObject({ name: 'OKTA_PROVISIONER', lifecycle: { prevent_destroy: true } });
    expect(json.resource.snowflake_grant_privileges_to_account_role.okta_provisioner_acme_analytics).toMatchObject({
      account_role_name: '${snowflake_account_role.okta_provisioner_acme_analytics.name}',
      on_account: true,
      privileges: ['CREATE ROLE', 'CREATE USER'],
    });
    expect(json.resource.snowflake_grant_account_role.okta_provisioner_acme_analytics).toMatchObject({
      role_name: '${snowflake_account_role.okta_provisioner_acme_analytics.name}',
      parent_role_name: 'ACCOUNTADMIN',
    });
  });

  test("with SCIM provisioning, the runbook says how to get the token from the SCIM integration and where it is kept", () => {
    const { runbook } = synthSnowflake(WITH_SCIM);
    expect(runbook.steps.map((s: { id: string }) => s.id)).toEqual([
      'snowflake.open-app',
      'snowflake.scim-token',
      'snowflake.enable-scim',
      'snowflake.scim-connection',
      'snowflake.import-groups',
      'snowflake.to-app-features',
    ]);
    const token = runbook.steps[1];
    expect(token.actions[0]).toContain("SELECT SYSTEM$GENERATE_SCIM_ACCESS_TOKEN('OKTA_SNOWFLAKE_SCIM')");
    expect(token.values).toEqual({ 'Token location': 'environment variable SNOWFLAKE_SCIM_TOKEN (env:SNOWFLAKE_SCIM_TOKEN); value not shown' });
    expect(runbook.steps[3].values['SCIM connector base URL']).toBe(`${HOST}/scim/v2/`);
  });

  test('scim: false keeps Terraform from creating the SCIM integration even with SCIM provisioning declared', () => {
    const { json } = synthSnowflake({ ...WITH_SCIM, scim: false });
    expect(json.resource.snowflake_scim_integration).toBeUndefined();
    expect(json.resource.snowflake_account_role).toBeUndefined();
  });

  test('saml2Integration and scimIntegration are the synthesized resources', () => {
    let withScim!: SnowflakeSso;
    let ssoOnly!: SnowflakeSso;
    synthStack((stack) => {
      withScim = new SnowflakeSso(stack, 'snowflake', WITH_SCIM);
      ssoOnly = new SnowflakeSso(stack, 'snowflake_sso', { account: 'acme-marketing' });
    });
    expect(withScim.saml2Integration).toBeInstanceOf(Saml2Integration);
    expect(withScim.saml2Integration!.friendlyUniqueId).toBe('snowflake');
    expect(withScim.scimIntegration).toBeInstanceOf(ScimIntegration);
    expect(withScim.scimIntegration!.friendlyUniqueId).toBe('snowflake');
    expect(ssoOnly.saml2Integration!.friendlyUniqueId).toBe('snowflake_sso');
    expect(ssoOnly.scimIntegration).toBeUndefined();
  });

  test('one snowflake provider and one OKTA_PROVISIONER role per account, however many integrations use it', () => {
    const { json } = synthStack((stack) => {
      new SnowflakeSso(stack, 'analytics', { account: 'acme-analytics', groups: ['Data'], provisioning: { token: SecretRef.fromEnv('ANALYTICS_SCIM') } });
      new SnowflakeSso(stack, 'analytics_bi', { account: 'acme-analytics', groups: ['BI'], provisioning: { token: SecretRef.fromEnv('BI_SCIM') } });
      new SnowflakeSso(stack, 'marketing', { account: 'acme-marketing', groups: ['Marketing'] });
    });
    expect(json.provider.snowflake.map((p: { alias: string }) => p.alias)).toEqual(['snowflake_acme_analytics', 'snowflake_acme_marketing']);
    expect(Object.keys(json.resource.snowflake_account_role)).toEqual(['okta_provisioner_acme_analytics']);
    expect(json.resource.snowflake_saml2_integration.analytics_bi.provider).toBe('snowflake.snowflake_acme_analytics');
    expect(json.resource.snowflake_saml2_integration.marketing.provider).toBe('snowflake.snowflake_acme_marketing');
  });
});

describe('SnowflakeSso with Terraform tokens', () => {
  test("an account from a Terraform variable fails synth: the provider's organization and account names are needed at synth", () => {
    const error = synthError((stack) => {
      const account = new TerraformVariable(stack, 'snowflake_account', { type: 'string' });
      new SnowflakeSso(stack, 'snowflake', { account: account.stringValue, groups: ['Data'] });
    });
    expect(errorLine(error, '[prod/snowflake]')).toBe(
      '[prod/snowflake] account: the Snowflake account is a Terraform token; accepted: the account identifier as text (orgname-account_name), known at synth',
    );
  });
});

describe('SnowflakeSso validation', () => {
  const BAD: SnowflakeSsoProps = { account: 'acme-analytics.snowflakecomputing.com', groups: ['Data'] };
  const MESSAGE =
    'Snowflake account "acme-analytics.snowflakecomputing.com" is a URL; write the account identifier only; accepted: an account identifier orgname-account_name (letters, digits and _ in the account name, starting with a letter, not ending with _, at most 63 characters), e.g. acme-analytics_prod';

  test('an account given as its host name fails a plain app.synth(), naming the construct path, the prop and the value', () => {
    const error = synthError((stack) => new SnowflakeSso(stack, 'snowflake', BAD));
    expect(error).toMatch(/^Validation failed with the following errors:/);
    expect(errorLine(error, 'acme-analytics.snowflakecomputing.com')).toBe(`[prod/snowflake] account: ${MESSAGE}`);
  });

  test('validateSnowflakeSsoProps returns the same problem, with its rule', () => {
    expect(validateSnowflakeSsoProps(BAD)).toEqual([{ field: 'account', rule: 'SSO-101', message: MESSAGE }]);
  });

  test('props that cannot work declare no Snowflake resources: the getters are undefined', () => {
    let snowflake!: SnowflakeSso;
    synthStack((stack) => (snowflake = new SnowflakeSso(stack, 'snowflake', BAD)));
    expect(snowflake.saml2Integration).toBeUndefined();
    expect(snowflake.scimIntegration).toBeUndefined();
  });
});
