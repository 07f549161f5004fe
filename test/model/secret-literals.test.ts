import * as path from 'path';
import { findSecretLiterals, redactSecrets, secretKind } from '../../model/secret-literals';
import { EXAMPLE_DIR } from '../helpers';

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
    ['a random token', 'label', 'q8Zr2Lw9Xk4Tv7Nb1Mc6Pd3Fs5Gh0Jy2Ua8Ie'],
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

test('findSecretLiterals scans $schema too: a token pasted there is one; a schema URL with a commit hash is not', () => {
  const token = 'ghp_' + 'iK2ZWeqhFWCEPyYngFb51yBMWXaSCrUZoL8g';
  expect(findSecretLiterals({ $schema: token }).map((f) => f.path)).toEqual([['$schema']]);
  expect(findSecretLiterals({ $schema: 'https://raw.githubusercontent.com/acme/okta/3f2504e04f8911d39a0c0305e82c3301abcdef12/schema/okta-sso.schema.json' })).toEqual([]);
  expect(findSecretLiterals({ $schema: '../../schema/okta-sso.schema.json' })).toEqual([]);
});

test('redactSecrets removes known literals and anything shaped like a token', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig';
  expect(redactSecrets(`acs "https://x.example.com/acs?t=${jwt}" uses http; value hunter22`, ['hunter22'])).toBe(
    'acs "https://x.example.com/acs?t=(secret not shown)" uses http; value (secret not shown)',
  );
});

const STRIPE = 'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc';
const OKTA_TOKEN = '00' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5hJ7k';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl';

describe('tokens inside longer strings', () => {
  test.each([
    ['a Stripe secret key', `https://console.aiven.io/?t=${STRIPE}`],
    ['a Stripe secret key', `Wiki (${'rk_live_' + '9fJ2kLmQ8rTz4VwXy7Ab1Cd3'})`],
    ['an Okta API token', `Authorization: SSWS ${OKTA_TOKEN}`],
    ['a bearer token', 'curl -H "Authorization: Bearer abc123def456ghi789jkl" https://x.example.com'],
    ['a JSON Web Token', `https://x.example.com/sso?jwt=${JWT}#top`],
    ['a random token', 'https://hooks.example.com/services/notify?key=q8Zr2Lw9Xk4Tv7Nb1Mc6Pd3Fs5Gh0Jy2U'],
    ['a random token', 'Team channel, key x7Kq2mP9vR4tW8yZ1bN6cD3fG5hJ0kL2 (rotate yearly)'],
    ['a GitHub token', `token-${'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`],
    ['a private key', 'key: -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBL\n-----END EC PRIVATE KEY-----'],
  ])('finds %s in %s', (kind, value) => {
    expect(secretKind('label', value)).toBe(kind);
    expect(findSecretLiterals({ integrations: { a: { description: value } } })).toEqual([{ path: ['integrations', 'a', 'description'], kind, value }]);
  });

  test.each([
    ['an Okta app ID', '0oaFdrCWerdFtJ8ib1d7'],
    ['an Okta group ID', '00g1a2b3c4d5e6f7g8h9'],
    ['an adopt profile mapping ID', 'prm1a2b3c4d5e6f7g8h9'],
    ['a push group import ID (app ID / mapping ID)', '0oaFdrCWerdFtJ8ib1d7/gPmmGyAFEnLLRA0pO1d7'],
    ['a Snowflake account locator URL', 'https://xy12345.us-east-1.snowflakecomputing.com/fed/login'],
    ['a SAML entity ID', 'urn:amazon:webservices:signin:DataPlatformEngineering2024'],
    ['an Aiven ACS URL', 'https://api.aiven.io/v1/sso/saml/account/a3c91f0d2b47/method/am3c91f0d2b48/acs'],
    ['an attribute expression', 'String.substringBefore(user.email, "@") + "-" + user.employeeNumber'],
    ['a group expression', 'isMemberOfGroupNameRegex("^(Data|Analytics)-.*")'],
    ['a UUID', 'https://login.microsoftonline.com/3f2504e0-4f89-11d3-9a0c-0305e82c3301/saml2'],
    ['a SHA-256 in hex', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['long camelCase names', 'S3BackendAssumeRoleWithWebIdentityConfig expectBase64ExpressionOn CipherChaCha20Poly1305Types'],
    ['a store path', 'secret:vault/okta-sso/prod/aiven-scim-token-2024'],
    ['a sentence about bearer tokens', 'Bearer tokens are issued by https://auth.example.com/oauth2/default/v1/token'],
  ])('accepts %s', (_name, value) => {
    expect(secretKind('label', value)).toBeUndefined();
  });

  test('every example config string is accepted', () => {
    const { loadConfigFiles } = require('../../config/load-files') as typeof import('../../config/load-files');
    for (const dir of [EXAMPLE_DIR, path.join(EXAMPLE_DIR, '..', 'adopt', 'config')]) {
      const { files } = loadConfigFiles(dir);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(findSecretLiterals(f.data)).toEqual([]);
    }
  });

  test('redactSecrets replaces only the token, and keeps the rest of the message readable', () => {
    expect(redactSecrets(`relay state "https://console.aiven.io/?t=${STRIPE}" is not accepted; accepted: an https URL`, [])).toBe(
      'relay state "https://console.aiven.io/?t=(secret not shown)" is not accepted; accepted: an https URL',
    );
    expect(redactSecrets(JSON.stringify(`line one\n${STRIPE}\tSSWS ${OKTA_TOKEN}`), [])).toBe('"line one\\n(secret not shown)\\tSSWS (secret not shown)"');
  });
});

describe('every check runs in linear time (1 MB adversarial inputs, far inside the test timeout)', () => {
  const MB = 1 << 20;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  test.each([
    ['JWT headers without a dot', fill('eyJaaaaaaaa-')],
    ['JWT headers and dots', fill('eyJaaaaaaaa.')],
    ['a JWT with a 1 MB payload', `eyJaaaaaaaa.eyJ${fill('a')}`],
    ['GitHub prefixes', fill('ghp_a')],
    ['AWS prefixes', fill('AKIA')],
    ['Slack prefixes', fill('xoxb-')],
    ['Stripe prefixes', fill('sk_live_')],
    ['one Okta-token-shaped run', fill('00')],
    ['auth schemes', fill('Bearer ')],
    ['an auth scheme and 1 MB of spaces', `SSWS${fill(' ')}`],
    ['private key headers', fill('-----BEGIN ')],
    ['a private key header 1 MB long', `-----BEGIN ${fill('A')}`],
    ['a random run', fill('a1B2c3')],
    ['JSON escapes', fill('\\n')],
    ['a store path of 1 MB', `secret:${fill('a/')}`],
    ['an env name of 1 MB', `env:${fill('A')}`],
    ['words', fill('Data team ')],
    ['base64 runs joined by slashes', fill('abcdefghijk/')],
    ['base64 runs joined by pluses', fill('a1B2c3D4e5F+')],
    ['secret-named query parameters', `https://x.example.com/?${fill('token=a&')}`],
    ['a 1 MB query parameter value', `https://x.example.com/?token=${fill('a')}`],
  ])('%s', (_name, value) => {
    expect(() => {
      secretKind('label', value);
      secretKind('token', value);
      redactSecrets(value, ['hunter22']);
      findSecretLiterals({ a: [value] });
    }).not.toThrow();
  });
});

describe('IDs and names are not secrets; tokens where credentials go still are', () => {
  test.each([
    ['a WorkOS ACS URL (ChatGPT Enterprise)', 'https://auth.workos.com/sso/saml/acs/2L6HIlXaS2xnQKsiIF2zBs4Af'],
    ['a WorkOS audience', 'https://auth.workos.com/sso/saml/metadata/2L6HIlXaS2xnQKsiIF2zBs4Af'],
    ["Claude's ACS URL", 'https://claude.ai/api/auth/saml/wLS2c1AwWslNmDBPWs9jdPnH8/acs'],
    ['a samlconf ID in the path', 'https://app.example.com/sso/saml/samlconf-9HY5ZtTNPqvfRF8r/acs'],
    ['a mixed-case ID in the path', 'https://app.example.com/saml/acs/Xy7aBcD9EfGh2IjKlMn4OpQr'],
    ['a 26-character ID in the path', 'https://app.example.com/consume/aBcDeFgHiJkLmNoPqRsT123456'],
    ['an ID as the host', 'https://xY7aBcD9EfGh2IjKlMn4OpQr.example.com/acs'],
    ['an AWS group name', 'aws_123456789012_AdministratorAccess'],
    ['a long group name', 'Engineering-Platform-Infra-Oncall-Rotation-2024-Q3-EU'],
    ['an account group name', 'AWS-Prod-Account-123456789012-Admins'],
    ['a role group name', 'APP-Snowflake-PROD-ANALYST-ROLE-01'],
    ['an integration key', 'aws_sandbox_123456789012_poweruser'],
    ['a group path', 'Engineering/Platform/Infra/Oncall/2024/Q3'],
    ['a user name in a URL (refused as a URL, not as a secret)', 'ssh://git@github.com/acme/repo'],
    ['a temporary directory in a file path', '/tmp/okta-sso-config-q8Zk2PaB3x/environments/dev.yaml'],
    ['a relay state with ordinary parameters', 'https://x.example.com/?RelayState=dashboard&tokenized=1&keyboard=us'],
    ['an empty token parameter', 'https://login.x.example.com/saml?idpid=C03abcd&token='],
    ['a redirect path in a query', 'https://x.example.com/?next=/a/b/c'],
    ['words joined by slashes and pluses', 'Data/Analytics+Reporting/2024/Quarterly+Review/Team'],
    ['a base64 run in a URL path', 'https://x.example.com/saml/h7Kq2Zp9Xv/3LmN8rT4wY6bF1cJ5dG0sA+eR2uVx/acs'],
  ])('accepts %s', (_name, value) => {
    expect(secretKind('label', value)).toBeUndefined();
    expect(redactSecrets(value, [])).toBe(value);
  });

  const TOKEN = 'q8Zr2Lw9Xk4Tv7Nb1Mc6Pd3F';
  test.each([
    ['a random token', 'label', `https://x.example.com/acs?key=${TOKEN}`],
    ['a random token', 'label', `https://x.example.com/acs#access=${TOKEN}`],
    ['a random token', 'label', `https://${TOKEN}@x.example.com/acs`],
    ['a password in a URL', 'acsUrl', 'https://svc:hunter2hunter2@hr-dev.acme.example/saml/acs'],
    ['a random token', 'label', 'q8Zr2Lw9Xk4Tv7Nb1Mc6Pd3Fs5Gh0Jy2Ua8Ie'],
    ['a random token', 'label', 'aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRva2VuIQ4='],
    ['a random token', 'signingKey', TOKEN],
    ['a Stripe secret key', 'label', `https://x.example.com/${'sk_live_' + '51HcanaryQwErTyUiOp9876'}/acs`],
    ['a GitHub token', 'label', `aws_${'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`],
  ])('finds %s in %s %s', (kind, field, value) => {
    expect(secretKind(field, value)).toBe(kind);
  });

  test('a password in a URL is hidden with its user, and the rest of the URL is kept', () => {
    expect(redactSecrets('ACS URL "https://svc:hunter2hunter2@hr-dev.acme.example/saml/acs" is refused', [])).toBe('ACS URL "https://(secret not shown)@hr-dev.acme.example/saml/acs" is refused');
  });

  test('URL parts are found in linear time (1 MB of nested schemes, user infos and queries)', () => {
    for (const unit of ['a://', 'https://u:p@', '?a://b@', 'x://y/z?']) {
      const text = unit.repeat(Math.ceil((1 << 20) / unit.length));
      expect(() => secretKind('label', text)).not.toThrow();
    }
  });
});

describe('base64 tokens with + and /, and URL query parameters named for a credential', () => {
  const AWS_SECRET = 'h7Kq2Zp9Xv/3LmN8rT4wY6bF1cJ5dG0sA+eR2uVx';
  test.each([
    ['an AWS secret access key in a label', `Aiven ${AWS_SECRET}`, 'Aiven (secret not shown)'],
    ['base64 with its padding, inside a description', 'rotate dGhpcyBpcyBhIHNlY3JldCB0b2tlbiBmb3Igc2NpbQ== yearly', 'rotate (secret not shown) yearly'],
    ['a token with a slash in a relay state query', 'https://acme-dev.atlan.com/?token=Zq8vN2xP4kL9/mR7tY3wB6cF1hJ5dG0sA', 'https://acme-dev.atlan.com/?token=(secret not shown)'],
    ['words as an API key', 'https://x.example.com/?api_key=hunter2-correct-horse&lang=en', 'https://x.example.com/?api_key=(secret not shown)&lang=en'],
    ['a presigned URL signature', 'https://b.s3.amazonaws.com/k?X-Amz-Date=1&X-Amz-Signature=abc123#f', 'https://b.s3.amazonaws.com/k?X-Amz-Date=1&X-Amz-Signature=(secret not shown)#f'],
    ['a short token in a short URL', 'https://x.io/?token=abc', 'https://x.io/?token=(secret not shown)'],
  ])('%s: found, and only it redacted', (_name, value, redacted) => {
    expect(secretKind('label', value)).toBeDefined();
    expect(redactSecrets(value, [])).toBe(redacted);
  });
});
