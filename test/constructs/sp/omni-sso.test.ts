import { TerraformStack, TerraformVariable } from 'cdktf';
import { OmniSso, OmniSsoProps, ProvisioningMethod, SecretRef, validateOmniSsoProps } from '../../../index';
import { errorLine, expectPemExpressionOn, synthError, synthStack, samlAppDefaultsTests } from './synth-stack';

const ACS = 'https://acme.omniapp.co/api/auth/saml/acs';
const REQUIRED: OmniSsoProps = { acsUrl: ACS, audience: 'acme.omniapp.co' };
const API_KEY = SecretRef.fromStore('vault/okta-sso/prod/omni-api-key');

function synthOmni(props: OmniSsoProps, stackId?: string) {
  return synthStack((stack) => new OmniSso(stack, 'omni', props), stackId);
}

const stepIds = (runbook: any): string[] => runbook.steps.map((s: { id: string }) => s.id);

describe('OmniSso with only acsUrl and audience', () => {
  test('synthesizes, with only the warning that no group is assigned', () => {
    const { error, warnings } = synthOmni(REQUIRED);
    expect(error).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^\[prod\/omni\] groups: SSO-009 \(warning\) omni: no Okta group is assigned/)]);
  });

  test('the Okta app is okta_app_saml.omni, labelled Omni', () => {
    const { json } = synthOmni(REQUIRED);
    expect(Object.keys(json.resource.okta_app_saml)).toEqual(['omni']);
    expect(json.resource.okta_app_saml.omni.label).toBe('Omni');
  });

  test('the ACS URL is also recipient and destination; the audience stays a bare hostname', () => {
    const app = synthOmni(REQUIRED).json.resource.okta_app_saml.omni;
    // Omni's entity ID is not a URL: anything added to it breaks sign-in.
    expect(app).toMatchObject({ sso_url: ACS, recipient: ACS, destination: ACS, audience: 'acme.omniapp.co' });
  });

  test('SP-initiated only: no default relay state, and the tile is hidden on the web and in Okta Mobile', () => {
    const app = synthOmni(REQUIRED).json.resource.okta_app_saml.omni;
    expect(app.default_relay_state).toBeUndefined();
    expect(app).toMatchObject({ hide_web: true, hide_ios: true });
  });

  samlAppDefaultsTests(() => synthOmni(REQUIRED).json.resource.okta_app_saml.omni);

  test('the "//" tag tells review which integration and SP the app is for', () => {
    expect(synthOmni(REQUIRED).json.resource.okta_app_saml.omni['//']['okta-sso']).toEqual({ integration: 'omni', preset: 'omni', permanentUsernames: false });
  });

  test("idp_record_omni holds Omni's fields in Omni's order, for the stack's environment", () => {
    const record = synthOmni(REQUIRED, 'staging').json.output.idp_record_omni.value;
    expect(record).toMatchObject({ integration: 'omni', environment: 'staging', preset: 'omni', sp: 'Omni', where: 'Omni: Settings > Authentication > SAML' });
    expect(record.fields.map((f: { id: string; label: string; format: string }) => [f.id, f.label, f.format])).toEqual([
      ['signOnUrl', 'Sign on URL', 'url'],
      ['issuer', 'Issuer', 'uri'],
      ['signingCertificate', 'Signing certificate', 'pem'],
    ]);
    expect(record.fields[0].value).toBe('${okta_app_saml.omni.http_post_binding}');
    expect(record.fields[1].value).toBe('${okta_app_saml.omni.entity_url}');
    expectPemExpressionOn(record.fields[2].value, 'okta_app_saml.omni.certificate');
  });

  test('the runbook has one step, omni.idp-record, with Omni\'s fields in order', () => {
    const { runbook, runbookMd } = synthOmni(REQUIRED);
    expect(stepIds(runbook)).toEqual(['omni.idp-record']);
    const step = runbook.steps[0];
    expect(step).toMatchObject({ title: 'Enter Okta as the identity provider in Omni', terraformOutput: 'idp_record_omni' });
    expect(step.actions).toContain('After terraform apply in prod, run: okta-sso idp-record --env prod --integration omni');
    expect(Object.keys(step.values)).toEqual(['Sign on URL', 'Issuer', 'Signing certificate']);
    expect(runbookMd).toContain('## omni');
    expect(runbookMd).toContain('Step `omni.idp-record`.');
  });
});

describe('OmniSso props', () => {
  test('first-login provisioning: the runbook has omni.first-login and no SCIM steps', () => {
    const { runbook } = synthOmni({ ...REQUIRED, groups: ['Analytics'], provisioning: { method: ProvisioningMethod.FIRST_LOGIN } });
    expect(stepIds(runbook)).toEqual(['omni.idp-record', 'omni.first-login']);
    const step = runbook.steps[1];
    expect(step.title).toBe('Turn on first-login provisioning in Omni');
    expect(step.actions[0]).toBe('In Omni, open Settings > Authentication (SAML settings) and turn on creating users at their first SAML sign-in.');
    expect(step.values).toEqual({ 'Provisioning in Okta': 'off', 'Users created in the SP': 'at first SAML sign-in' });
  });

  test('first-login provisioning declares no Terraform provisioning resource', () => {
    const { json } = synthOmni({ ...REQUIRED, groups: ['Analytics'], provisioning: { method: ProvisioningMethod.FIRST_LOGIN } });
    expect(Object.keys(json.resource).sort()).toEqual(['okta_app_group_assignments', 'okta_app_saml']);
  });

  test("SCIM with the API key's SecretRef: the runbook names where the key lives, never a value", () => {
    const { runbook, runbookMd } = synthOmni({ ...REQUIRED, groups: ['Analytics'], provisioning: { token: API_KEY } });
    expect(stepIds(runbook)).toEqual([
      'omni.idp-record',
      'omni.open-app',
      'omni.scim-token',
      'omni.enable-scim',
      'omni.scim-connection',
      'omni.import-groups',
      'omni.to-app-features',
    ]);
    const where = 'secret store entry vault/okta-sso/prod/omni-api-key (secret:vault/okta-sso/prod/omni-api-key); value not shown';
    const token = runbook.steps.find((s: { id: string }) => s.id === 'omni.scim-token');
    expect(token.values).toEqual({ 'Token location': where });
    expect(token.actions[0]).toBe('In Omni, create an organization API key (an Omni admin creates it); Omni uses it as the SCIM token.');
    expect(runbook.steps.find((s: { id: string }) => s.id === 'omni.scim-connection').values['Authorization (Bearer token)']).toBe(where);
    expect(runbookMd).toContain(`| Token location | ${where} |`);
  });

  test('label names the app in Okta and in the runbook steps done in it', () => {
    const { json, runbook } = synthOmni({ ...REQUIRED, label: 'Omni Analytics', groups: ['Analytics'], provisioning: { token: API_KEY } });
    expect(json.resource.okta_app_saml.omni.label).toBe('Omni Analytics');
    expect(runbook.steps.find((s: { id: string }) => s.id === 'omni.open-app').values['Okta app']).toBe('Omni Analytics (app ID: output provisioning_omni.app_id)');
  });

  test('showInDashboard false, given explicitly, keeps the tile hidden', () => {
    const app = synthOmni({ ...REQUIRED, showInDashboard: false }).json.resource.okta_app_saml.omni;
    expect(app).toMatchObject({ hide_web: true, hide_ios: true });
  });
});

describe('OmniSso with Terraform tokens', () => {
  function withAcsVariable(): ReturnType<typeof synthStack> {
    return synthStack((stack: TerraformStack) => {
      const acs = new TerraformVariable(stack, 'acs', { type: 'string' });
      new OmniSso(stack, 'omni', { ...REQUIRED, acsUrl: acs.stringValue, groups: ['Analytics'] });
    });
  }

  test('an acsUrl from a Terraform variable is not judged at synth', () => {
    expect(withAcsVariable().error).toBeUndefined();
  });

  test('the variable reaches sso_url, recipient and destination as a reference', () => {
    const app = withAcsVariable().json.resource.okta_app_saml.omni;
    expect(app).toMatchObject({ sso_url: '${var.acs}', recipient: '${var.acs}', destination: '${var.acs}' });
  });
});

describe('OmniSso validation', () => {
  // Copied from Omni's settings page without the scheme.
  const BAD: OmniSsoProps = { ...REQUIRED, acsUrl: 'acme.omniapp.co/api/auth/saml/acs', groups: ['Analytics'] };
  const MESSAGE = 'ACS URL "acme.omniapp.co/api/auth/saml/acs" is not a URL; accepted: an absolute https:// URL';

  test('an ACS URL without its scheme fails a plain app.synth(), naming the construct path, the prop and the value', () => {
    const error = synthError((stack) => new OmniSso(stack, 'omni', BAD));
    expect(error).toMatch(/^Validation failed with the following errors:/);
    expect(errorLine(error, 'acme.omniapp.co/api')).toBe(`[prod/omni] acsUrl: ${MESSAGE}`);
  });

  test('validateOmniSsoProps returns the same problem, with its rule', () => {
    expect(validateOmniSsoProps(BAD)).toEqual([{ field: 'acsUrl', rule: 'SSO-101', message: MESSAGE }]);
  });
});

describe("Omni's audience is a bare hostname", () => {
  test.each([
    ['https://acme.omniapp.co', 'the hostname alone ("acme.omniapp.co")'],
    ['https://acme.omniapp.co/saml/metadata', 'the hostname alone ("acme.omniapp.co")'],
    ['acme.omniapp.co/saml', 'a hostname such as acme.omniapp.co'],
  ])('%s: an error at audience, saying what to write', (audience, accepted) => {
    const error = synthError((stack) => new OmniSso(stack, 'omni', { ...REQUIRED, audience }));
    expect(errorLine(error, 'audience')).toContain(`audience "${audience}" is a URL, but Omni's SP entity ID is the bare hostname its SAML settings page shows; accepted: ${accepted}`);
    expect(validateOmniSsoProps({ ...REQUIRED, audience }).map((p) => p.field)).toContain('audience');
  });

  test('a Terraform variable as the audience is left to its value', () => {
    const { error } = synthStack((stack) => new OmniSso(stack, 'omni', { ...REQUIRED, groups: ['Everyone'], audience: new TerraformVariable(stack, 'audience', { type: 'string' }).stringValue }));
    expect(error).toBeUndefined();
  });
});
