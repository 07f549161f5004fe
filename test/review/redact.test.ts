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
