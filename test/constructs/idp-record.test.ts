import { resolvedIntegration, synthDevEnvironment } from '../helpers';

const model = resolvedIntegration;

const synthEnv = synthDevEnvironment;

const PEM = (key: string) =>
  `\${join("\\n", concat(["-----BEGIN CERTIFICATE-----"], regexall(".{1,64}", replace(join("", compact([okta_app_saml.${key}.certificate])), "/-----BEGIN CERTIFICATE-----|-----END CERTIFICATE-----|[[:space:]]/", "")), ["-----END CERTIFICATE-----"]))}`;
const BASE64 = (key: string) => `\${replace(join("", compact([okta_app_saml.${key}.certificate])), "/-----BEGIN CERTIFICATE-----|-----END CERTIFICATE-----|[[:space:]]/", "")}`;

const aiven = () => model('aiven', { preset: 'aiven', aiven: { accountId: 'a1', methodId: 'm1' } });
const omni = () => model('omni', { preset: 'omni', acsUrl: 'https://acme.omniapp.co/api/auth/saml/acs', audience: 'acme.omniapp.co' });
const atlan = () => model('atlan', { preset: 'atlan', acsUrl: 'https://acme.atlan.com/saml/acs', audience: 'https://acme.atlan.com/realm' });
const snowflake = (extra: object = {}) => model('snowflake', { preset: 'snowflake', snowflake: { account: 'acme-analytics_dev', ...extra } });

describe('IdpRecord outputs', () => {
  test('Aiven: one output idp_record_aiven mapping the app attributes to Aiven fields', () => {
    const out = synthEnv([aiven()]).output.idp_record_aiven;
    expect(out.value).toEqual({
      schemaVersion: 1,
      integration: 'aiven',
      environment: 'dev',
      preset: 'aiven',
      sp: 'Aiven',
      where: 'Aiven Console: Admin > Identity providers > your Okta IdP > Configure',
      fields: [
        { id: 'idpUrl', label: 'IDP URL', format: 'url', apiName: 'saml_idp_url', value: '${okta_app_saml.aiven.http_post_binding}' },
        { id: 'entityId', label: 'Entity ID', format: 'uri', apiName: 'saml_entity_id', value: '${okta_app_saml.aiven.entity_url}' },
        { id: 'certificate', label: 'Certificate', format: 'pem', apiName: 'saml_certificate', value: PEM('aiven') },
        { id: 'idpLoginAllowed', label: 'IdP login allowed', format: 'boolean', apiName: 'saml_idp_login_allowed', value: true },
      ],
    });
    expect(out.sensitive).toBeUndefined();
  });

  test("the description gives the whole command, --env included (idp-record requires it): the runbook's own command", () => {
    const out = synthEnv([aiven()]).output.idp_record_aiven;
    expect(out.description).toBe(
      "Aiven's record of Okta as its identity provider (Aiven Console: Admin > Identity providers > your Okta IdP > Configure); render it with: okta-sso idp-record --env dev --integration aiven",
    );
  });

  test('Omni: PEM certificate with BEGIN/END lines; Atlan: the metadata XML', () => {
    const json = synthEnv([omni(), atlan()]);
    expect(json.output.idp_record_omni.value.fields.map((f: any) => [f.label, f.value])).toEqual([
      ['Sign on URL', '${okta_app_saml.omni.http_post_binding}'],
      ['Issuer', '${okta_app_saml.omni.entity_url}'],
      ['Signing certificate', PEM('omni')],
    ]);
    expect(json.output.idp_record_atlan.value.fields).toEqual([{ id: 'idpMetadata', label: 'IdP metadata XML', format: 'xml', value: '${okta_app_saml.atlan.metadata}' }]);
  });

  test('generic: named after the app label, default fields include the metadata URL', () => {
    const json = synthEnv([model('wiki', { preset: 'generic', label: 'Acme Wiki', acsUrl: 'https://wiki.example/acs', audience: 'wiki' })]);
    expect(json.output.idp_record_wiki.value.sp).toBe('Acme Wiki');
    expect(json.output.idp_record_wiki.value.fields.map((f: any) => f.value)).toEqual([
      '${okta_app_saml.wiki.http_post_binding}',
      '${okta_app_saml.wiki.entity_url}',
      PEM('wiki'),
      '${okta_app_saml.wiki.metadata_url}',
    ]);
  });
});

test('texts from config stay literal for Terraform (${ is escaped), references do not', () => {
  const wiki = model('wiki', {
    preset: 'generic',
    label: 'Wiki ${env}',
    acsUrl: 'https://wiki.example/acs',
    audience: 'wiki',
    idpRecord: { where: 'Admin > %{SSO}', fields: [{ label: 'URL ${x}', from: 'ssoUrl' }] },
  });
  const value = synthEnv([wiki]).output.idp_record_wiki.value;
  expect(value.sp).toBe('Wiki $${env}');
  expect(value.where).toBe('Admin > %%{SSO}');
  expect(value.fields).toEqual([{ id: 'urlX', label: 'URL $${x}', format: 'url', value: '${okta_app_saml.wiki.http_post_binding}' }]);
  const sf = synthEnv([snowflake({ loginPageLabel: 'Sign in ${here}' })]);
  expect(sf.resource.snowflake_saml2_integration.snowflake.saml2_sp_initiated_login_page_label).toBe('Sign in $${here}');
});

describe('Snowflake IdP record as Terraform resources', () => {
  test('snowflake_saml2_integration references the Okta app attributes, not copies of values', () => {
    const json = synthEnv([snowflake()]);
    expect(json.resource.snowflake_saml2_integration.snowflake).toMatchObject({
      name: 'OKTA_SNOWFLAKE',
      enabled: 'true',
      saml2_provider: 'OKTA',
      saml2_issuer: '${okta_app_saml.snowflake.entity_url}',
      saml2_sso_url: '${okta_app_saml.snowflake.http_post_binding}',
      saml2_x509_cert: BASE64('snowflake'),
      saml2_snowflake_acs_url: '${okta_app_saml.snowflake.sso_url}',
      saml2_snowflake_issuer_url: '${okta_app_saml.snowflake.audience}',
      saml2_enable_sp_initiated: 'true',
      provider: 'snowflake.snowflake_acme_analytics_dev',
      lifecycle: { prevent_destroy: true },
    });
    // The Okta side carries Snowflake's URLs built from the account.
    expect(json.resource.okta_app_saml.snowflake).toMatchObject({
      sso_url: 'https://acme-analytics-dev.snowflakecomputing.com/fed/login',
      audience: 'https://acme-analytics-dev.snowflakecomputing.com',
    });
    expect(json.resource.snowflake_scim_integration).toBeUndefined();
    expect(json.output.idp_record_snowflake.value.terraformResource).toBe('snowflake_saml2_integration.snowflake');
    expect(json.resource.snowflake_saml2_integration.snowflake['//'].metadata.path).toMatch(/^dev\/snowflake\//);
  });

  test('snowflake_scim_integration when provisioning is on', () => {
    const json = synthEnv([snowflake({ scim: true })]);
    expect(json.resource.snowflake_scim_integration.snowflake).toMatchObject({
      name: 'OKTA_SNOWFLAKE_SCIM',
      enabled: true,
      scim_client: 'OKTA',
      run_as_role: 'OKTA_PROVISIONER',
      provider: 'snowflake.snowflake_acme_analytics_dev',
    });
  });

  test('one snowflake provider per account, with names from config and no credentials; none without Snowflake', () => {
    const json = synthEnv([snowflake()]);
    expect(json.provider.snowflake).toEqual([{ alias: 'snowflake_acme_analytics_dev', organization_name: 'acme', account_name: 'analytics_dev' }]);
    expect(json.terraform.required_providers.snowflake).toEqual({ source: 'snowflakedb/snowflake', version: '2.11.0' });
    const none = synthEnv([aiven()]);
    expect(none.provider.snowflake).toBeUndefined();
    expect(none.terraform.required_providers.snowflake).toBeUndefined();
  });

  test('two Snowflake integrations in two accounts get two aliased providers', () => {
    const other = model('snowflake_eu', { preset: 'snowflake', snowflake: { account: 'acme-eu_analytics' } });
    const json = synthEnv([snowflake(), other]);
    expect(json.provider.snowflake.map((p: any) => p.alias)).toEqual(['snowflake_acme_analytics_dev', 'snowflake_acme_eu_analytics']);
    expect(json.resource.snowflake_saml2_integration.snowflake_eu.provider).toBe('snowflake.snowflake_acme_eu_analytics');
  });
});
