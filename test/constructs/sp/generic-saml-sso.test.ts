import {
  AppStatus,
  GenericSamlSso,
  GenericSamlSsoProps,
  GroupFilterType,
  NameIdFormat,
  SpMetadataDocument,
  UsernameFormat,
  validateGenericSamlSsoProps,
} from '../../../index';
import { fixture } from '../../fixture-files';
import { errorLine, expectBase64ExpressionOn, expectPemExpressionOn, synthError, synthStack, samlAppDefaultsTests } from './synth-stack';

const ACS = 'https://wiki.example.com/saml/acs';
const REQUIRED: GenericSamlSsoProps = { acsUrl: ACS, audience: 'urn:example:wiki' };

function synthWiki(props: GenericSamlSsoProps, stackId?: string) {
  return synthStack((stack) => new GenericSamlSso(stack, 'wiki', props), stackId);
}

function wikiApp(props: GenericSamlSsoProps): any {
  return synthWiki(props).json.resource.okta_app_saml.wiki;
}

describe('GenericSamlSso with only acsUrl and audience', () => {
  test('synthesizes, with only the warning that no group is assigned', () => {
    const { error, warnings } = synthWiki(REQUIRED);
    expect(error).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^\[prod\/wiki\] groups: SSO-009 \(warning\) wiki: no Okta group is assigned/)]);
  });

  test('the Okta app is okta_app_saml.wiki, labelled with the key', () => {
    const { json } = synthWiki(REQUIRED);
    expect(Object.keys(json.resource.okta_app_saml)).toEqual(['wiki']);
    expect(json.resource.okta_app_saml.wiki.label).toBe('wiki');
  });

  test('a custom SAML 2.0 app: the ACS URL is also recipient and destination', () => {
    const app = wikiApp(REQUIRED);
    expect(app).toMatchObject({ sso_url: ACS, recipient: ACS, destination: ACS, audience: 'urn:example:wiki' });
    expect(app.preconfigured_app).toBeUndefined();
    expect(app.app_settings_json).toBeUndefined();
  });

  test('visible and active, without relay state or attribute statements', () => {
    const app = wikiApp(REQUIRED);
    expect(app).toMatchObject({ hide_web: false, hide_ios: false, status: 'ACTIVE' });
    expect(app.default_relay_state).toBeUndefined();
    expect(app.attribute_statements).toBeUndefined();
  });

  samlAppDefaultsTests(() => wikiApp(REQUIRED));

  test('the "//" tag tells review which integration and SP the app is for', () => {
    expect(wikiApp(REQUIRED)['//']['okta-sso']).toEqual({ integration: 'wiki', preset: 'generic', permanentUsernames: false });
  });

  test('no moved block unless renamed', () => {
    expect(synthWiki(REQUIRED).json.moved).toBeUndefined();
  });

  test("idp_record_wiki holds the generic fields in order, known by the app's name, for the stack's environment", () => {
    const record = synthWiki({ ...REQUIRED, label: 'Wiki' }, 'staging').json.output.idp_record_wiki.value;
    expect(record).toMatchObject({ integration: 'wiki', environment: 'staging', preset: 'generic', sp: 'Wiki', where: "the SP's SAML / identity provider settings" });
    expect(record.fields.map((f: { id: string; label: string; format: string }) => [f.id, f.label, f.format])).toEqual([
      ['signOnUrl', 'Sign-on URL', 'url'],
      ['issuer', 'Issuer', 'uri'],
      ['certificate', 'Signing certificate', 'pem'],
      ['metadataUrl', 'IdP metadata URL', 'url'],
    ]);
    expectPemExpressionOn(record.fields[2].value, 'okta_app_saml.wiki.certificate');
  });

  test('the runbook has one step, wiki.idp-record', () => {
    const { runbook, runbookMd } = synthWiki({ ...REQUIRED, label: 'Wiki' });
    expect(runbook.steps.map((s: { id: string }) => s.id)).toEqual(['wiki.idp-record']);
    expect(runbook.steps[0]).toMatchObject({ title: 'Enter Okta as the identity provider in Wiki', terraformOutput: 'idp_record_wiki' });
    expect(runbook.steps[0].actions).toContain('After terraform apply in prod, run: okta-sso idp-record --env prod --integration wiki');
    expect(Object.keys(runbook.steps[0].values)).toEqual(['Sign-on URL', 'Issuer', 'Signing certificate', 'IdP metadata URL']);
    expect(runbookMd).toContain('Step `wiki.idp-record`.');
  });
});

describe('GenericSamlSso SAML props', () => {
  test('recipient and destination replace the ACS URL in their fields only', () => {
    const app = wikiApp({ ...REQUIRED, recipient: 'https://wiki.example.com/recipient', destination: 'https://wiki.example.com/destination' });
    expect(app).toMatchObject({ sso_url: ACS, recipient: 'https://wiki.example.com/recipient', destination: 'https://wiki.example.com/destination' });
  });

  test('relayState is the default relay state', () => {
    expect(wikiApp({ ...REQUIRED, relayState: 'https://wiki.example.com/home' }).default_relay_state).toBe('https://wiki.example.com/home');
  });

  test('nameId sets the NameID format URN and its template, escaped', () => {
    const app = wikiApp({ ...REQUIRED, nameId: { format: NameIdFormat.PERSISTENT, template: '${user.id}' } });
    expect(app.subject_name_id_format).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    expect(app.subject_name_id_template).toBe('$${user.id}');
  });

  test('username login sends the Okta username', () => {
    const app = wikiApp({ ...REQUIRED, username: { format: UsernameFormat.LOGIN } });
    expect(app.user_name_template).toBe('$${source.login}');
    expect(app.user_name_template_type).toBe('BUILT_IN');
  });

  test('a custom username template is escaped for Terraform and marked CUSTOM', () => {
    const app = wikiApp({ ...REQUIRED, username: { format: UsernameFormat.CUSTOM, template: 'String.substringBefore(${user.email}, "@")' } });
    // The quotes stay plain: JSON strings would keep HCL backslash escapes literally.
    expect(app.user_name_template).toBe('String.substringBefore($${user.email}, "@")');
    expect(app.user_name_template_type).toBe('CUSTOM');
  });

  test('signing: a response left unsigned while the assertion stays signed', () => {
    const app = wikiApp({ ...REQUIRED, signing: { responseSigned: false } });
    expect(app).toMatchObject({ response_signed: false, assertion_signed: true, signature_algorithm: 'RSA_SHA256', digest_algorithm: 'SHA256' });
  });

  test('status INACTIVE deactivates the app without destroying it', () => {
    const app = wikiApp({ ...REQUIRED, status: AppStatus.INACTIVE });
    expect(app.status).toBe('INACTIVE');
    expect(app.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('showInDashboard false hides the tile on the web and in Okta Mobile', () => {
    expect(wikiApp({ ...REQUIRED, showInDashboard: false })).toMatchObject({ hide_web: true, hide_ios: true });
  });

  test('label names the app in Okta, escaped where it looks like a Terraform template', () => {
    expect(wikiApp({ ...REQUIRED, label: 'Wiki ${team}' }).label).toBe('Wiki $${team}');
  });

  test('attributes and a group attribute with a filter become attribute statements, in order', () => {
    const app = wikiApp({
      ...REQUIRED,
      attributes: [{ name: 'email', values: ['user.email'], nameFormat: 'basic' }],
      groupAttribute: { name: 'groups', filter: { type: GroupFilterType.STARTS_WITH, value: 'Wiki-' } },
    });
    expect(app.attribute_statements).toEqual([
      { type: 'EXPRESSION', name: 'email', namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic', values: ['user.email'] },
      { type: 'GROUP', name: 'groups', namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified', filter_type: 'STARTS_WITH', filter_value: 'Wiki-' },
    ]);
  });

  test('catalogApp: preconfigured_app and app_settings_json with sorted keys, and no custom SAML arguments', () => {
    const app = wikiApp({ ...REQUIRED, catalogApp: { key: 'example_wiki', settings: { subdomain: 'acme', region: 'eu' } } });
    expect(app.preconfigured_app).toBe('example_wiki');
    // Sorted, so reordering the settings in code never shows as a change.
    expect(app.app_settings_json).toBe('{"region":"eu","subdomain":"acme"}');
    for (const custom of ['sso_url', 'recipient', 'destination', 'audience', 'subject_name_id_format', 'signature_algorithm', 'attribute_statements']) {
      expect(app[custom]).toBeUndefined();
    }
    expect(app.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('renamedFrom emits moved blocks to the new key instead of a replacement', () => {
    const { json } = synthWiki({ ...REQUIRED, groups: ['Everyone'], renamedFrom: 'old_wiki' });
    expect(json.moved).toEqual([
      { from: 'okta_app_saml.old_wiki', to: 'okta_app_saml.wiki' },
      { from: 'okta_app_group_assignments.old_wiki', to: 'okta_app_group_assignments.wiki' },
    ]);
    expect(Object.keys(json.resource.okta_app_saml)).toEqual(['wiki']);
  });
});

describe('GenericSamlSso from the SP metadata', () => {
  test("spMetadata alone gives the ACS URL (its default HTTP-POST endpoint) and the audience (its entityID)", () => {
    const { json, error } = synthWiki({ groups: ['Everyone'], spMetadata: SpMetadataDocument.fromXml(fixture('sp-metadata/prefixed-md.xml')) });
    expect(error).toBeUndefined();
    // The fixture lists an HTTP-Artifact endpoint first: Okta posts, so only HTTP-POST counts.
    expect(json.resource.okta_app_saml.wiki).toMatchObject({
      sso_url: 'https://wiki.acme.example/saml/acs',
      recipient: 'https://wiki.acme.example/saml/acs',
      destination: 'https://wiki.acme.example/saml/acs',
      audience: 'https://wiki.acme.example/saml/metadata',
    });
  });

  test('of several HTTP-POST endpoints, the one marked isDefault is the ACS URL', () => {
    const app = wikiApp({ groups: ['Everyone'], spMetadata: SpMetadataDocument.fromXml(fixture('sp-metadata/several-acs.xml')) });
    expect(app.sso_url).toBe('https://bi.acme.example/sso/acs');
    expect(app.audience).toBe('https://bi.acme.example/sp');
  });

  test('an explicit acsUrl that the metadata lists wins over the default endpoint', () => {
    const app = wikiApp({ acsUrl: 'https://us.bi.acme.example/sso/acs', groups: ['Everyone'], spMetadata: SpMetadataDocument.fromXml(fixture('sp-metadata/several-acs.xml')) });
    expect(app.sso_url).toBe('https://us.bi.acme.example/sso/acs');
  });
});

describe('GenericSamlSso IdP record', () => {
  const IDP_RECORD: GenericSamlSsoProps['idpRecord'] = {
    where: 'Wiki: Admin > Security > SAML',
    fields: [
      { label: 'IdP certificate (base64)', from: 'certificateBase64' },
      { label: 'Login URL', from: 'ssoUrl' },
    ],
  };

  test("idpRecord's fields are the output's, in the SP's words and order", () => {
    const record = synthWiki({ ...REQUIRED, idpRecord: IDP_RECORD }).json.output.idp_record_wiki.value;
    expect(record.where).toBe('Wiki: Admin > Security > SAML');
    expect(record.fields.map((f: { id: string; label: string; format: string }) => [f.id, f.label, f.format])).toEqual([
      ['idpCertificateBase64', 'IdP certificate (base64)', 'base64'],
      ['loginUrl', 'Login URL', 'url'],
    ]);
    expectBase64ExpressionOn(record.fields[0].value, 'okta_app_saml.wiki.certificate');
    expect(record.fields[1].value).toBe('${okta_app_saml.wiki.http_post_binding}');
  });

  test("idpRecord's form is what the runbook's wiki.idp-record step asks the admin to fill", () => {
    const step = synthWiki({ ...REQUIRED, idpRecord: IDP_RECORD }).runbook.steps[0];
    expect(step.actions).toContain('Open Wiki: Admin > Security > SAML.');
    expect(step.actions).toContain("Enter the fields in this order, copying each value from the command's output: IdP certificate (base64), Login URL.");
    expect(Object.keys(step.values)).toEqual(['IdP certificate (base64)', 'Login URL']);
    expect(step.values['Login URL']).toBe("output idp_record_wiki, field loginUrl: Okta's sign-on URL (HTTP-POST binding, `http_post_binding`)");
  });
});

describe('GenericSamlSso with Terraform tokens', () => {
  test("values that are another app's attributes are not judged at synth and reach the JSON as references", () => {
    const { json, error } = synthStack((stack) => {
      const other = new GenericSamlSso(stack, 'other', { acsUrl: 'https://other.example.com/acs', audience: 'urn:other', groups: ['Everyone'] });
      new GenericSamlSso(stack, 'wiki', { acsUrl: other.oktaApp.ssoUrl, audience: other.oktaApp.entityUrl, groups: ['Everyone'] });
    });
    expect(error).toBeUndefined();
    expect(json.resource.okta_app_saml.wiki).toMatchObject({
      sso_url: '${okta_app_saml.other.sso_url}',
      recipient: '${okta_app_saml.other.sso_url}',
      destination: '${okta_app_saml.other.sso_url}',
      audience: '${okta_app_saml.other.entity_url}',
    });
  });
});

describe('GenericSamlSso validation', () => {
  const BAD: GenericSamlSsoProps = { ...REQUIRED, groups: ['Everyone'], recipient: 'http://wiki.example.com/saml/recipient' };
  const MESSAGE = 'recipient "http://wiki.example.com/saml/recipient" uses http, not https; accepted: an absolute https:// URL';

  test('an http recipient fails a plain app.synth(), naming the construct path, the prop and the value', () => {
    const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', BAD));
    expect(error).toMatch(/^Validation failed with the following errors:/);
    expect(errorLine(error, 'http://wiki.example.com')).toBe(`[prod/wiki] recipient: ${MESSAGE} [SSO-001]`);
  });

  test('validateGenericSamlSsoProps returns the same problem, with its rule', () => {
    expect(validateGenericSamlSsoProps(BAD, 'wiki')).toEqual([{ field: 'recipient', rule: 'SSO-001', message: MESSAGE }]);
  });
});
