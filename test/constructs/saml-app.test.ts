import { Testing } from 'cdktf';
import { oktaTestStack } from '../helpers';
import { SamlApp, SamlAppProps } from '../../constructs/saml-app';

const REQUIRED: SamlAppProps = { key: 'wiki', label: 'Wiki', acsUrl: 'https://wiki.example.com/acs', audience: 'urn:example:wiki' };

function synthApp(props: SamlAppProps): any {
  const stack = oktaTestStack();
  new SamlApp(stack, 'wiki', props);
  return JSON.parse(Testing.synth(stack, true));
}

describe('SamlApp defaults', () => {
  const json = synthApp(REQUIRED);
  const app = json.resource.okta_app_saml.wiki;

  test('the logical ID is the integration key, not the construct path', () => {
    expect(Object.keys(json.resource.okta_app_saml)).toEqual(['wiki']);
  });

  test('custom SAML 2.0 app: ACS URL also used for recipient and destination', () => {
    expect(app).toMatchObject({
      label: 'Wiki',
      sso_url: 'https://wiki.example.com/acs',
      recipient: 'https://wiki.example.com/acs',
      destination: 'https://wiki.example.com/acs',
      audience: 'urn:example:wiki',
    });
    expect(app.preconfigured_app).toBeUndefined();
    expect(app.app_settings_json).toBeUndefined();
  });

  test('SHA-256, signed response and assertion', () => {
    expect(app).toMatchObject({ signature_algorithm: 'RSA_SHA256', digest_algorithm: 'SHA256', response_signed: true, assertion_signed: true });
  });

  test('Email username and NameID, with Okta expressions escaped for Terraform', () => {
    expect(app.user_name_template).toBe('$${source.email}');
    expect(app.user_name_template_type).toBe('BUILT_IN');
    expect(app.subject_name_id_template).toBe('$${user.userName}');
    expect(app.subject_name_id_format).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
    expect(app.authn_context_class_ref).toBe('urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport');
  });

  test('visible, active, no relay state, no attribute statements', () => {
    expect(app).toMatchObject({ hide_web: false, hide_ios: false, status: 'ACTIVE' });
    expect(app.default_relay_state).toBeUndefined();
    expect(app.attribute_statements).toBeUndefined();
  });

  test('prevent_destroy on every app', () => {
    expect(app.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('no moved block unless renamed', () => {
    expect(json.moved).toBeUndefined();
  });
});

describe('SamlApp props', () => {
  test('explicit recipient, destination, relay state, NameID, login username, signing, status, visibility', () => {
    const app = synthApp({
      ...REQUIRED,
      recipient: 'https://wiki.example.com/recipient',
      destination: 'https://wiki.example.com/destination',
      relayState: 'https://wiki.example.com/home',
      nameId: { format: 'persistent', template: '${user.id}' },
      username: { format: 'login' },
      signing: { algorithm: 'RSA_SHA1', digest: 'SHA1', responseSigned: false, assertionSigned: true },
      status: 'INACTIVE',
      showInDashboard: false,
    }).resource.okta_app_saml.wiki;
    expect(app).toMatchObject({
      recipient: 'https://wiki.example.com/recipient',
      destination: 'https://wiki.example.com/destination',
      default_relay_state: 'https://wiki.example.com/home',
      subject_name_id_format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      subject_name_id_template: '$${user.id}',
      user_name_template: '$${source.login}',
      signature_algorithm: 'RSA_SHA1',
      digest_algorithm: 'SHA1',
      response_signed: false,
      assertion_signed: true,
      status: 'INACTIVE',
      hide_web: true,
      hide_ios: true,
    });
  });

  test('custom username template', () => {
    const app = synthApp({ ...REQUIRED, username: { format: 'custom', template: 'String.substringBefore(${user.email}, "@")' } }).resource.okta_app_saml.wiki;
    expect(app.user_name_template).toBe('String.substringBefore($${user.email}, "@")');
    expect(app.user_name_template_type).toBe('CUSTOM');
  });

  test('attribute statements and a group statement with a filter', () => {
    const app = synthApp({
      ...REQUIRED,
      attributes: [{ name: 'email', values: ['user.email'], nameFormat: 'basic' }],
      groupAttribute: { name: 'memberOf', filter: { type: 'startsWith', value: 'Data-' }, nameFormat: 'unspecified' },
    }).resource.okta_app_saml.wiki;
    expect(app.attribute_statements).toEqual([
      { type: 'EXPRESSION', name: 'email', namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic', values: ['user.email'] },
      { type: 'GROUP', name: 'memberOf', namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified', filter_type: 'STARTS_WITH', filter_value: 'Data-' },
    ]);
  });

  test('catalog app: preconfigured_app and app_settings_json with sorted keys, no custom SAML fields', () => {
    const app = synthApp({ ...REQUIRED, catalogApp: { key: 'example_wiki', settings: { subdomain: 'acme', region: 'eu' } } }).resource.okta_app_saml.wiki;
    expect(app.preconfigured_app).toBe('example_wiki');
    expect(app.app_settings_json).toBe('{"region":"eu","subdomain":"acme"}');
    expect(app.sso_url).toBeUndefined();
    expect(app.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('renamedFrom emits a moved block to the new key', () => {
    const json = synthApp({ ...REQUIRED, renamedFrom: 'old_wiki' });
    expect(json.moved).toEqual([{ from: 'okta_app_saml.old_wiki', to: 'okta_app_saml.wiki' }]);
    expect(Object.keys(json.resource.okta_app_saml)).toEqual(['wiki']);
  });
});

describe('SamlApp validation (runs at synth)', () => {
  test.each([
    [{ acsUrl: 'http://wiki.example.com/acs' }, 'wiki: acsUrl: ACS URL "http://wiki.example.com/acs" uses http, not https'],
    [{ relayState: 'not a url' }, 'wiki: relayState: relay state "not a url" is not a URL'],
    [{ audience: ' ' }, 'wiki: audience: audience (SP entity ID) is empty'],
    [{ signing: { algorithm: 'RSA_SHA256', digest: 'SHA256', responseSigned: false, assertionSigned: false } }, 'wiki: signing: responseSigned and assertionSigned are both false'],
  ] as Array<[Partial<SamlAppProps>, string]>)('%o is rejected', (bad, message) => {
    expect(() => synthApp({ ...REQUIRED, ...bad })).toThrow(message);
  });

  test('values that are Terraform tokens are not checked until they resolve', () => {
    const stack = oktaTestStack();
    const other = new SamlApp(stack, 'other', { ...REQUIRED, key: 'other' });
    new SamlApp(stack, 'wiki', { ...REQUIRED, acsUrl: other.app.ssoUrl, audience: other.app.entityUrl });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});
