import { TerraformVariable } from 'cdktf';
import { AtlanSso, AtlanSsoProps, GroupFilterType, SecretRef, UsernameFormat, validateAtlanSsoProps } from '../../../index';
import { errorLine, synthError, synthStack, samlAppDefaultsTests } from './synth-stack';

const ACS = 'https://acme.atlan.com/api/service/saml/acs';
const AUDIENCE = 'https://acme.atlan.com/auth/realms/default';
const REQUIRED: AtlanSsoProps = { acsUrl: ACS, audience: AUDIENCE };
const UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';

function synthAtlan(props: AtlanSsoProps, stackId?: string) {
  return synthStack((stack) => new AtlanSso(stack, 'atlan', props), stackId);
}

describe('AtlanSso with only acsUrl and audience', () => {
  test('synthesizes, with only the warning that no group is assigned', () => {
    const { error, warnings } = synthAtlan(REQUIRED);
    expect(error).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^\[prod\/atlan\] groups: SSO-009 \(warning\) atlan: no Okta group is assigned/)]);
  });

  test('the Okta app is okta_app_saml.atlan, labelled Atlan', () => {
    const { json } = synthAtlan(REQUIRED);
    expect(Object.keys(json.resource.okta_app_saml)).toEqual(['atlan']);
    expect(json.resource.okta_app_saml.atlan.label).toBe('Atlan');
  });

  test('the Single sign-on URL is also recipient and destination; the Audience URI is kept as Atlan shows it', () => {
    const app = synthAtlan(REQUIRED).json.resource.okta_app_saml.atlan;
    expect(app).toMatchObject({ sso_url: ACS, recipient: ACS, destination: ACS, audience: AUDIENCE });
  });

  test('no default relay state, and a visible tile', () => {
    const app = synthAtlan(REQUIRED).json.resource.okta_app_saml.atlan;
    expect(app.default_relay_state).toBeUndefined();
    expect(app).toMatchObject({ hide_web: false, hide_ios: false });
  });

  test('the attributes Atlan reads (firstName, lastName, email) and a memberOf group statement sending every group', () => {
    const app = synthAtlan(REQUIRED).json.resource.okta_app_saml.atlan;
    expect(app.attribute_statements).toEqual([
      { type: 'EXPRESSION', name: 'firstName', namespace: UNSPECIFIED, values: ['user.firstName'] },
      { type: 'EXPRESSION', name: 'lastName', namespace: UNSPECIFIED, values: ['user.lastName'] },
      { type: 'EXPRESSION', name: 'email', namespace: UNSPECIFIED, values: ['user.email'] },
      { type: 'GROUP', name: 'memberOf', namespace: UNSPECIFIED, filter_type: 'REGEX', filter_value: '.*' },
    ]);
  });

  samlAppDefaultsTests(() => synthAtlan(REQUIRED).json.resource.okta_app_saml.atlan);

  test('the "//" tag marks Atlan usernames as permanent, for review to flag username changes', () => {
    expect(synthAtlan(REQUIRED).json.resource.okta_app_saml.atlan['//']['okta-sso']).toEqual({ integration: 'atlan', preset: 'atlan', permanentUsernames: true });
  });

  test("idp_record_atlan is Okta's IdP metadata XML, for the stack's environment", () => {
    const record = synthAtlan(REQUIRED, 'staging').json.output.idp_record_atlan.value;
    expect(record).toMatchObject({ integration: 'atlan', environment: 'staging', preset: 'atlan', sp: 'Atlan' });
    expect(record.fields).toEqual([{ id: 'idpMetadata', label: 'IdP metadata XML', format: 'xml', value: '${okta_app_saml.atlan.metadata}' }]);
  });

  test('the runbook has one step, atlan.idp-record, uploading the metadata', () => {
    const { runbook, runbookMd } = synthAtlan(REQUIRED);
    expect(runbook.steps.map((s: { id: string }) => s.id)).toEqual(['atlan.idp-record']);
    const step = runbook.steps[0];
    expect(step).toMatchObject({ title: 'Enter Okta as the identity provider in Atlan', terraformOutput: 'idp_record_atlan' });
    expect(step.actions).toContain("Open Atlan: the SSO setup page for Okta (SAML): upload Okta's IdP metadata.");
    expect(step.values).toEqual({ 'IdP metadata XML': "output idp_record_atlan, field idpMetadata: Okta's IdP metadata XML (`metadata`)" });
    expect(runbookMd).toContain('Step `atlan.idp-record`.');
  });
});

describe('AtlanSso props', () => {
  test('groupAttribute narrows the memberOf statement, leaving the user attributes alone', () => {
    const app = synthAtlan({ ...REQUIRED, groupAttribute: { name: 'memberOf', filter: { type: GroupFilterType.STARTS_WITH, value: 'Data-' } } }).json.resource.okta_app_saml.atlan;
    expect(app.attribute_statements).toHaveLength(4);
    expect(app.attribute_statements[3]).toEqual({ type: 'GROUP', name: 'memberOf', namespace: UNSPECIFIED, filter_type: 'STARTS_WITH', filter_value: 'Data-' });
  });

  test('attributes replace the default attribute statements (keeping the three Atlan reads)', () => {
    const attributes = [
      { name: 'email', values: ['user.email'], nameFormat: 'basic' as const },
      { name: 'firstName', values: ['user.firstName'] },
      { name: 'lastName', values: ['user.lastName'] },
    ];
    const app = synthAtlan({ ...REQUIRED, attributes }).json.resource.okta_app_saml.atlan;
    expect(app.attribute_statements.map((a: { name: string }) => a.name)).toEqual(['email', 'firstName', 'lastName', 'memberOf']);
    expect(app.attribute_statements[0]).toEqual({ type: 'EXPRESSION', name: 'email', namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic', values: ['user.email'] });
  });

  test('relayState is the default relay state', () => {
    const app = synthAtlan({ ...REQUIRED, relayState: 'https://acme.atlan.com/assets' }).json.resource.okta_app_saml.atlan;
    expect(app.default_relay_state).toBe('https://acme.atlan.com/assets');
  });

  test('Okta-username usernames are allowed for Atlan', () => {
    const app = synthAtlan({ ...REQUIRED, username: { format: UsernameFormat.LOGIN } }).json.resource.okta_app_saml.atlan;
    expect(app.user_name_template).toBe('$${source.login}');
  });

  test('with SCIM, the runbook warns never to change the username format once users are provisioned', () => {
    const { runbook } = synthAtlan({ ...REQUIRED, groups: ['Data'], provisioning: { token: SecretRef.fromEnv('ATLAN_SCIM_TOKEN') } });
    const openApp = runbook.steps.find((s: { id: string }) => s.id === 'atlan.open-app');
    expect(openApp.actions).toContain('Never change the Application username format or template: Atlan usernames are permanent once provisioned.');
    expect(openApp.values['Application username format']).toBe('Email');
  });
});

describe('AtlanSso with Terraform tokens', () => {
  test('an audience from a Terraform variable is not judged at synth and reaches the app as a reference', () => {
    const { json, error } = synthStack((stack) => {
      const audience = new TerraformVariable(stack, 'atlan_audience', { type: 'string' });
      new AtlanSso(stack, 'atlan', { ...REQUIRED, audience: audience.stringValue, groups: ['Data'] });
    });
    expect(error).toBeUndefined();
    expect(json.resource.okta_app_saml.atlan.audience).toBe('${var.atlan_audience}');
  });
});

describe('AtlanSso validation', () => {
  const BAD: AtlanSsoProps = { ...REQUIRED, groups: ['Data'], groupAttribute: { name: 'memberOf', filter: { type: GroupFilterType.REGEX, value: 'Data-(' } } };

  test('a group filter that is not a regular expression fails a plain app.synth(), naming the construct path, the prop and the value', () => {
    const error = synthError((stack) => new AtlanSso(stack, 'atlan', BAD));
    expect(error).toMatch(/^Validation failed with the following errors:/);
    expect(errorLine(error, 'Data-(')).toBe('[prod/atlan] groupAttribute.filter.value: group filter "Data-(" is not a valid regular expression');
  });

  test('validateAtlanSsoProps returns the same problem, with its rule', () => {
    expect(validateAtlanSsoProps(BAD)).toEqual([{ field: 'groupAttribute.filter.value', rule: 'SSO-101', message: 'group filter "Data-(" is not a valid regular expression' }]);
  });
});

describe("Atlan's profile attributes", () => {
  test('attributes given without firstName, lastName and email: an error naming what is missing (they replace the preset\'s)', () => {
    const error = synthError((stack) => new AtlanSso(stack, 'atlan', { ...REQUIRED, attributes: [{ name: 'department', values: ['user.department'] }] }));
    expect(errorLine(error, 'attributes')).toContain(
      "Atlan reads each user's profile from the attribute statements firstName, lastName, email, and attributes replaces the preset's; missing: firstName, lastName, email",
    );
  });

  test("the preset's, or attributes that include them, synthesize", () => {
    const withOwn = [
      { name: 'firstName', values: ['user.firstName'] },
      { name: 'lastName', values: ['user.lastName'] },
      { name: 'email', values: ['user.email'] },
      { name: 'department', values: ['user.department'] },
    ];
    expect(validateAtlanSsoProps(REQUIRED)).toEqual([]);
    expect(validateAtlanSsoProps({ ...REQUIRED, attributes: withOwn })).toEqual([]);
  });
});
