import { findSecretLiterals, redactSecrets, secretKind } from '../../model/secret-literals';

describe('secretKind', () => {
  test.each([
    ['an Okta API token', 'label', '00' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5hJ7k'],
    ['a private key', 'cert', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...'],
    ['a GitHub token', 'note', 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'],
    ['an AWS access key ID', 'x', 'AKIA' + 'IOSFODNN7EXAMPLE'],
    ['a Slack token', 'x', 'xoxb-' + '1234567890-abcdefghij'],
    ['a JSON Web Token', 'x', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig'],
    ['a literal value in a field named "scimToken"', 'scimToken', 'hunter2'],
    ['a literal value in a field named "apiKey"', 'apiKey', 'abc'],
    ['a random-looking token', 'label', 'q8Zr2Lw9Xk4Tv7Nb1Mc6Pd3Fs5Gh0Jy2Ua8Ie'],
  ])('finds %s', (kind, field, value) => {
    expect(secretKind(field, value)).toBe(kind);
  });

  test.each([
    ['acsUrl', 'https://api.aiven.io/v1/sso/saml/account/a3c91f0d2b47/method/am3c91f0d2b48/acs'],
    ['audience', 'acme.omniapp.co'],
    ['template', '${source.email}'],
    ['scimToken', 'env:AIVEN_SCIM_TOKEN'],
    ['label', 'Omni Analytics'],
    ['accountId', 'a3c91f0d2b47'],
    ['value', '^(Data|Analytics)-.*'],
    ['description', 'Data team access to dev SaaS apps (managed by cdktf-okta-sso)'],
  ])('accepts %s %s', (field, value) => {
    expect(secretKind(field, value)).toBeUndefined();
  });
});

test('findSecretLiterals reports paths, never values', () => {
  const findings = findSecretLiterals({ $schema: 'x', integrations: { a: { groups: ['ok', 'AKIA' + 'IOSFODNN7EXAMPLE'], password: 'p' } } });
  expect(findings).toEqual([
    { path: ['integrations', 'a', 'groups', 1], kind: 'an AWS access key ID', value: 'AKIA' + 'IOSFODNN7EXAMPLE' },
    { path: ['integrations', 'a', 'password'], kind: 'a literal value in a field named "password"', value: 'p' },
  ]);
});

test('redactSecrets removes known literals and anything shaped like a token', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig';
  expect(redactSecrets(`acs "https://x.example.com/acs?t=${jwt}" uses http; value hunter22`, ['hunter22'])).toBe(
    'acs "https://x.example.com/acs?t=(secret not shown)" uses http; value (secret not shown)',
  );
});
