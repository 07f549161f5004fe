import { containsSecret, looksSecret, secretPaths } from '../../review/redact';

const RANDOM = 'Zk3xQ9vP2mL7aR4tY8wE1cN6bH5jD0sFq8Wz';
const CERT_BODY = 'MIIDpDCCAoygAwIBAgIGAYyZ1kK9MA0GCSqGSIb3DQEBCwUAMIGSMQswCQYDVQQGEwJVUzETMBEG';

describe('secret detection for review and SSO-008', () => {
  test.each([
    ['a random token in a field named token', 'token', RANDOM, true],
    ['a random token in any field', 'label', RANDOM, true],
    ['a token inside JSON held in a string', 'app_settings_json', JSON.stringify({ apiKey: 'x1' }), true],
    ['a token inside a URL query', 'sso_url', `https://x.example.com/acs?key=${RANDOM}`, true],
    ['a private key', 'single_logout_certificate', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----', true],
    ['a Terraform reference', 'token', '${var.scim_token}', false],
    ['an env: reference', 'token', 'env:SCIM_TOKEN', false],
    ['an Aiven URL', 'sso_url', 'https://api.aiven.io/v1/sso/saml/account/a3c91f0d2b47/method/am3c91f0d2b48/acs', false],
    ['a PEM certificate', 'idp_cert', `-----BEGIN CERTIFICATE-----\n${CERT_BODY}\n-----END CERTIFICATE-----`, false],
    ['a base64 certificate in a cert field', 'saml2_x509_cert', CERT_BODY, false],
    ['an Okta expression', 'user_name_template', '$${source.email}', false],
  ])('%s', (_name, field, value, expected) => {
    expect(looksSecret(field, value)).toBe(expected);
  });

  test('paths of secrets inside nested values, "//" comments skipped', () => {
    const body = { '//': { note: RANDOM }, profile: { auth_scheme: 'TOKEN', token: RANDOM }, group: [{ id: '${okta_group.x.id}' }] };
    expect(secretPaths(body, '')).toEqual(['profile.token']);
    expect(containsSecret(body.group)).toBe(false);
  });
});

describe('the review and SSO-008 use the one secret scan', () => {
  const STRIPE = 'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc';

  test.each([
    ['a Stripe key in a URL query', 'relay_state', `https://console.aiven.io/?t=${STRIPE}`, true],
    ['a token inside a label', 'label', `Wiki ${RANDOM}`, true],
    ['a bearer token inside text', 'description', 'call with Authorization: Bearer abc123def456ghi789jkl', true],
    ['an ID in a path segment (IDs live there; a token goes in the query)', 'sso_url', `https://hooks.example.com/services/${RANDOM}/acs`, false],
    ['an Okta app ID and a group ID', 'description', 'app 0oaFdrCWerdFtJ8ib1d7, group 00g1a2b3c4d5e6f7g8h9', false],
    ['a UUID in a URL', 'sso_url', 'https://login.microsoftonline.com/3f2504e0-4f89-11d3-9a0c-0305e82c3301/saml2', false],
  ])('%s', (_name, field, value, expected) => {
    expect(looksSecret(field, value)).toBe(expected);
  });

  test('secretPaths names a token inside a longer string, and walks plain data only', () => {
    class Token {
      readonly self = this;
      readonly hidden = STRIPE;
    }
    expect(secretPaths({ description: `key ${STRIPE}`, lazy: new Token() }, 'resource.okta_group.g')).toEqual(['resource.okta_group.g.description']);
  });

  test('JSON nested deeper than any real value is taken for a secret, without exhausting the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(looksSecret('app_settings_json', deep)).toBe(true);
    expect(looksSecret('app_settings_json', '[[["a"]]]')).toBe(false);
  });

  test.each([
    ['JWT headers without a dot', 'eyJaaaaaaaa-'],
    ['token-like runs', 'x9Q-'],
    ['Bearer schemes', 'Bearer '],
    ['JSON brackets', '[{'],
    ['certificate headers', '-----BEGIN CERTIFICATE-----'],
  ])('linear time on 1 MB of %s', (_name, unit) => {
    const value = unit.repeat(Math.ceil((1 << 20) / unit.length));
    expect(() => {
      looksSecret('label', value);
      secretPaths({ a: value, b: [value] }, '');
    }).not.toThrow();
  });
});
