import { TerraformVariable } from 'cdktf';
import { OnPremSso, OnPremSsoProps, SecretRef, validateOnPremSsoProps } from '../../../index';
import { errorLine, expectPemExpressionOn, synthError, synthStack, samlAppDefaultsTests } from './synth-stack';

const ACS = 'https://erp.corp.example/saml/acs';
const REQUIRED: OnPremSsoProps = { acsUrl: ACS, audience: 'https://erp.corp.example/saml' };
const CONNECTOR_URL = 'https://scim.corp.example/scim/v2/';
const HEADER_VALUE = SecretRef.fromStore('vault/okta-sso/prod/erp-scim-header');
const WITH_CONNECTOR: OnPremSsoProps = {
  ...REQUIRED,
  label: 'ERP',
  groups: ['Finance'],
  provisioning: { connector: { baseUrl: CONNECTOR_URL, auth: { type: 'header', headerName: 'X-Api-Key', credential: HEADER_VALUE } } },
};

function synthErp(props: OnPremSsoProps, stackId?: string) {
  return synthStack((stack) => new OnPremSso(stack, 'erp', props), stackId);
}

const stepOf = (runbook: any, id: string) => runbook.steps.find((s: { id: string }) => s.id === id);

describe('OnPremSso with only acsUrl and audience', () => {
  test('synthesizes, with only the warning that no group is assigned', () => {
    const { error, warnings } = synthErp(REQUIRED);
    expect(error).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^\[prod\/erp\] groups: SSO-009 \(warning\) erp: no Okta group is assigned/)]);
  });

  test('the Okta app is okta_app_saml.erp, labelled with the key', () => {
    const { json } = synthErp(REQUIRED);
    expect(Object.keys(json.resource.okta_app_saml)).toEqual(['erp']);
    expect(json.resource.okta_app_saml.erp.label).toBe('erp');
  });

  test('the ACS URL is also recipient and destination; the audience is kept as given', () => {
    const app = synthErp(REQUIRED).json.resource.okta_app_saml.erp;
    expect(app).toMatchObject({ sso_url: ACS, recipient: ACS, destination: ACS, audience: 'https://erp.corp.example/saml' });
  });

  test('no default relay state, and a visible tile', () => {
    const app = synthErp(REQUIRED).json.resource.okta_app_saml.erp;
    expect(app.default_relay_state).toBeUndefined();
    expect(app).toMatchObject({ hide_web: false, hide_ios: false });
  });

  samlAppDefaultsTests(() => synthErp(REQUIRED).json.resource.okta_app_saml.erp);

  test('the "//" tag tells review which integration and SP the app is for', () => {
    expect(synthErp(REQUIRED).json.resource.okta_app_saml.erp['//']['okta-sso']).toEqual({ integration: 'erp', preset: 'onprem', permanentUsernames: false });
  });

  test("idp_record_erp holds the generic fields in order, for the stack's environment", () => {
    const record = synthErp(REQUIRED, 'staging').json.output.idp_record_erp.value;
    expect(record).toMatchObject({ integration: 'erp', environment: 'staging', preset: 'onprem', where: "the SP's SAML / identity provider settings" });
    expect(record.fields.map((f: { id: string; label: string }) => [f.id, f.label])).toEqual([
      ['signOnUrl', 'Sign-on URL'],
      ['issuer', 'Issuer'],
      ['certificate', 'Signing certificate'],
      ['metadataUrl', 'IdP metadata URL'],
    ]);
    expect(record.fields[0].value).toBe('${okta_app_saml.erp.http_post_binding}');
    expect(record.fields[1].value).toBe('${okta_app_saml.erp.entity_url}');
    expectPemExpressionOn(record.fields[2].value, 'okta_app_saml.erp.certificate');
    expect(record.fields[3].value).toBe('${okta_app_saml.erp.metadata_url}');
  });

  test("the IdP record, like the runbook, knows the on-premises SP by its app's name", () => {
    const { json, runbook } = synthErp({ ...REQUIRED, label: 'ERP' });
    expect(runbook.steps[0].title).toBe('Enter Okta as the identity provider in ERP');
    // `okta-sso idp-record` prints `sp` as the SP's name; the schema makes it the app's label for generic SPs.
    expect(json.output.idp_record_erp.value.sp).toBe('ERP');
    expect(json.output.idp_record_erp.description).toMatch(/^ERP's record of Okta as its identity provider/);
  });

  test('the runbook has one step, erp.idp-record, and no provisioning steps', () => {
    const { runbook, runbookMd } = synthErp(REQUIRED);
    expect(runbook.steps.map((s: { id: string }) => s.id)).toEqual(['erp.idp-record']);
    expect(runbook.steps[0]).toMatchObject({ terraformOutput: 'idp_record_erp' });
    expect(runbook.steps[0].actions).toContain('After terraform apply in prod, run: okta-sso idp-record --env prod --integration erp');
    expect(Object.keys(runbook.steps[0].values)).toEqual(['Sign-on URL', 'Issuer', 'Signing certificate', 'IdP metadata URL']);
    expect(runbookMd).toContain('Step `erp.idp-record`.');
  });
});

describe('OnPremSso provisioning through the Okta Provisioning Agent', () => {
  test('the runbook carries the agent, on-premises provisioning, the connector and its test, with no SCIM token step', () => {
    const { runbook } = synthErp(WITH_CONNECTOR);
    expect(runbook.steps.map((s: { id: string }) => s.id)).toEqual([
      'erp.idp-record',
      'erp.open-app',
      'erp.provisioning-agent',
      'erp.enable-on-prem-provisioning',
      'erp.configure-scim-connector',
      'erp.test-connector',
      'erp.import-groups',
      'erp.to-app-features',
    ]);
  });

  test('erp.configure-scim-connector has the exact values, with the header value only as where it lives', () => {
    const { runbook, runbookMd } = synthErp(WITH_CONNECTOR);
    const step = stepOf(runbook, 'erp.configure-scim-connector');
    expect(step.title).toBe('Configure SCIM Connector');
    expect(step.values).toEqual({
      'SCIM connector base URL': CONNECTOR_URL,
      'Authorization type': 'HTTP Header',
      'HTTP header name': 'X-Api-Key',
      'HTTP header value': 'secret store entry vault/okta-sso/prod/erp-scim-header (secret:vault/okta-sso/prod/erp-scim-header); value not shown',
      'Unique user field name': 'userName',
    });
    expect(runbookMd).toContain('| HTTP header value | secret store entry vault/okta-sso/prod/erp-scim-header (secret:vault/okta-sso/prod/erp-scim-header); value not shown |');
  });

  test('basic auth names where the username and password live; uniqueUserField replaces userName', () => {
    const { runbook } = synthErp({
      ...WITH_CONNECTOR,
      provisioning: { connector: { baseUrl: CONNECTOR_URL, uniqueUserField: 'externalId', auth: { type: 'basic', credential: SecretRef.fromEnv('ERP_SCIM_BASIC') } } },
    });
    expect(stepOf(runbook, 'erp.configure-scim-connector').values).toEqual({
      'SCIM connector base URL': CONNECTOR_URL,
      'Authorization type': 'Basic Auth',
      'Basic Auth username and password': 'environment variable ERP_SCIM_BASIC (env:ERP_SCIM_BASIC); value not shown',
      'Unique user field name': 'externalId',
    });
  });

  test('a connector without auth is configured with authorization type None', () => {
    const { runbook } = synthErp({ ...WITH_CONNECTOR, provisioning: { connector: { baseUrl: CONNECTOR_URL } } });
    expect(stepOf(runbook, 'erp.configure-scim-connector').values['Authorization type']).toBe('None');
  });

  test('the agent check and the connector test come with the base URL and what must succeed', () => {
    const { runbook } = synthErp(WITH_CONNECTOR);
    expect(stepOf(runbook, 'erp.provisioning-agent').values).toEqual({ 'SCIM connector base URL': CONNECTOR_URL });
    expect(stepOf(runbook, 'erp.enable-on-prem-provisioning').values).toEqual({ Provisioning: 'On-Premises Provisioning' });
    expect(stepOf(runbook, 'erp.test-connector').values).toEqual({ 'Test Connector Configuration': 'must succeed before saving' });
  });

  test('the provisioning_erp output gives the runbook the app it refers to', () => {
    const { json } = synthErp(WITH_CONNECTOR);
    expect(json.output.provisioning_erp.value).toEqual({ app_id: '${okta_app_saml.erp.id}', app_label: 'ERP' });
  });
});

describe('OnPremSso props', () => {
  test('relayState is the default relay state', () => {
    const app = synthErp({ ...REQUIRED, relayState: 'https://erp.corp.example/home' }).json.resource.okta_app_saml.erp;
    expect(app.default_relay_state).toBe('https://erp.corp.example/home');
  });
});

describe('OnPremSso with Terraform tokens', () => {
  test('an acsUrl from a Terraform variable is not judged at synth and reaches the app as a reference', () => {
    const { json, error } = synthStack((stack) => {
      const acs = new TerraformVariable(stack, 'erp_acs', { type: 'string' });
      new OnPremSso(stack, 'erp', { ...REQUIRED, acsUrl: acs.stringValue, groups: ['Finance'] });
    });
    expect(error).toBeUndefined();
    expect(json.resource.okta_app_saml.erp).toMatchObject({ sso_url: '${var.erp_acs}', recipient: '${var.erp_acs}', destination: '${var.erp_acs}' });
  });
});

describe('OnPremSso validation', () => {
  const BAD: OnPremSsoProps = { ...WITH_CONNECTOR, provisioning: { connector: { baseUrl: 'https://scim.corp.example/scim/v2' } } };
  const MESSAGE =
    'connector base URL "https://scim.corp.example/scim/v2" does not end with the trailing slash Okta requires; accepted: a URL with /v1/ or /v2/ in its path and a trailing slash, e.g. https://scim.corp.example/scim/v2/';

  test('a connector base URL without its trailing slash fails a plain app.synth(), naming the construct path, the prop and the value', () => {
    const error = synthError((stack) => new OnPremSso(stack, 'erp', BAD));
    expect(error).toMatch(/^Validation failed with the following errors:/);
    expect(errorLine(error, 'scim.corp.example')).toBe(`[prod/erp] provisioning.connector.baseUrl: ${MESSAGE}`);
  });

  test('validateOnPremSsoProps returns the same problem, with its rule', () => {
    expect(validateOnPremSsoProps(BAD)).toEqual([{ field: 'provisioning.connector.baseUrl', rule: 'SSO-101', message: MESSAGE }]);
  });
});

describe('the connector, field by field', () => {
  const withAuth = (auth: Record<string, unknown>, more: Record<string, unknown> = {}): OnPremSsoProps =>
    ({ ...WITH_CONNECTOR, provisioning: { ...WITH_CONNECTOR.provisioning!, connector: { baseUrl: CONNECTOR_URL, auth, ...more } } }) as never;

  test("a header name with the credential pasted in it is refused (it would be printed in the runbook's table)", () => {
    const error = synthError((stack) => new OnPremSso(stack, 'erp', withAuth({ type: 'header', headerName: 'Authorization: Bearer abc', credential: HEADER_VALUE })));
    expect(errorLine(error, 'provisioning.connector.auth.headerName')).toContain('header name "Authorization: Bearer abc" is not an HTTP header name; accepted: the name alone');
  });

  test('an empty uniqueUserField is refused, as config refuses it', () => {
    const error = synthError((stack) => new OnPremSso(stack, 'erp', withAuth({ type: 'header', headerName: 'X-Api-Key', credential: HEADER_VALUE }, { uniqueUserField: '' })));
    expect(errorLine(error, 'provisioning.connector.uniqueUserField')).toContain('uniqueUserField is empty; accepted: the SCIM attribute that identifies a user');
  });

  test('a SCIM token is not among its props (the agent authenticates with the connector credential)', () => {
    const props: OnPremSsoProps = {
      ...REQUIRED,
      // @ts-expect-error: on-premises apps take no SCIM token
      provisioning: { connector: { baseUrl: CONNECTOR_URL }, token: SecretRef.fromEnv('ERP_TOKEN') },
    };
    expect(props.provisioning).toBeDefined();
  });
});
