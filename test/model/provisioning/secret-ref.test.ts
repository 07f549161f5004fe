import { SecretRef, describeSecretRef, secretRefProblem } from '../../../model/provisioning/secret-ref';

describe('SecretRef: where a secret lives, never the secret', () => {
  test('an environment variable and a store path, in the config form', () => {
    expect(SecretRef.fromEnv('AIVEN_SCIM_TOKEN').ref).toBe('env:AIVEN_SCIM_TOKEN');
    expect(SecretRef.fromStore('vault/okta-sso/prod/aiven').ref).toBe('secret:vault/okta-sso/prod/aiven');
    expect(String(SecretRef.fromEnv('X'))).toBe('env:X');
    expect(JSON.stringify({ token: SecretRef.fromEnv('X') })).toBe('{"token":"env:X"}');
  });

  test('parse reads the config form and refuses anything else (which may be the secret itself)', () => {
    expect(SecretRef.parse('env:AIVEN_SCIM_TOKEN')).toMatchObject({ kind: 'env', name: 'AIVEN_SCIM_TOKEN', valid: true });
    expect(SecretRef.parse('secret:vault/x')).toMatchObject({ kind: 'secret', name: 'vault/x' });
    expect(SecretRef.parse('00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcd')).toBeUndefined();
    expect(SecretRef.parse('env:lower_case')).toBeUndefined();
  });

  test('a malformed name is never shown anywhere: it may be the secret passed by mistake', () => {
    const leaked = '00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcd';
    const ref = SecretRef.fromEnv(leaked);
    expect(ref.valid).toBe(false);
    for (const text of [ref.name, ref.ref, String(ref), JSON.stringify(ref), describeSecretRef(ref), secretRefProblem(ref)!]) expect(text).not.toContain(leaked);
    expect(secretRefProblem(ref)).toMatch(/^SecretRef.fromEnv was given something that is not an environment variable name \(not shown: it may be the secret itself\); accepted: /);
    expect(secretRefProblem(SecretRef.fromStore('has spaces in it'))).toMatch(/^SecretRef.fromStore was given something that is not a store path/);
    expect(secretRefProblem(SecretRef.fromEnv('OK_NAME'))).toBeUndefined();
  });

  test('a store path given in the config form is refused instead of becoming secret:secret:...', () => {
    const ref = SecretRef.fromStore('secret:vault/x');
    expect(ref.valid).toBe(false);
    expect(secretRefProblem(ref)).toBe('SecretRef.fromStore was given a path that starts with "secret:" or "env:" (the config form); accepted: the store path alone, e.g. vault/okta-sso/prod/aiven-scim-token');
  });
});

test('a name or store path that looks like a secret is no reference: secret:sk_live_..., env:<token>', () => {
  const stripe = 'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc';
  for (const text of [`secret:${stripe}`, `secret:vault/prod/${stripe}`, 'env:Q8ZR2LW9XK4TV7NB1MC6PD3FS5GH0JY2UA8IE7']) expect(SecretRef.parse(text)).toBeUndefined();
  const ref = SecretRef.fromStore(`vault/${stripe}`);
  expect(ref.valid).toBe(false);
  expect(`${ref.ref} ${describeSecretRef(ref)} ${secretRefProblem(ref)}`).not.toContain(stripe);
  expect(secretRefProblem(ref)).toMatch(/accepted: .*never a secret-looking value, e.g. vault\/okta-sso\/prod\/aiven-scim-token$/);
  expect(SecretRef.parse('secret:vault/okta-sso/prod/aiven-scim-token-2024')).toMatchObject({ valid: true });
});

describe('a store path of one segment that is a token pasted in its place', () => {
  const HEX = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
  const RANDOM = 'Xk29fLq8Rz0pWm3Nv7Tb5Yc1';
  test.each([HEX, RANDOM])('%s: no reference, in code or config, and never shown', (token) => {
    const ref = SecretRef.fromStore(token);
    expect(ref.valid).toBe(false);
    expect(`${ref.ref} ${describeSecretRef(ref)} ${secretRefProblem(ref)}`).not.toContain(token);
    expect(SecretRef.parse(`secret:${token}`)).toBeUndefined();
  });

  test.each(['3b241101-e2bb-4255-8caf-4136c566a962', 'kp2td65r4wbuhocwhhijpdbfqq', 'aiven-scim-token', `vault/kv/${HEX.slice(0, 32)}`])('%s names an entry (a UUID, a 1Password item ID, a name, a versioned path)', (path) => {
    expect(SecretRef.fromStore(path).valid).toBe(true);
    expect(SecretRef.parse(`secret:${path}`)).toMatchObject({ valid: true });
  });
});
