import * as fs from 'fs';
import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { buildApp, checkApp } from '../../synth/synth';
import { EXAMPLE_DIR, MINIMAL_ENV, MINIMAL_INTEGRATIONS, runCliCaptured, tempDir, writeConfigDir } from '../helpers';

/** A Stripe-style live key: what a user pastes into a URL or a label by mistake. */
const STRIPE = 'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc';
/** A generated token with no vendor prefix. */
const RANDOM = 'q8Zr2Lw9Xk4Tv7Nb1Mc6Pd3Fs5Gh0Jy2U';

/** The minimal config with `extra` lines added to the wiki integration (indented under it), its groups and ACS URL replaced. */
function configWith(extra: string, groups = 'groups: [Everyone-Wiki]', acsUrl = 'https://wiki.example.com/saml/acs'): string {
  const integrations = MINIMAL_INTEGRATIONS.replace('groups: [Everyone-Wiki]', groups).replace('https://wiki.example.com/saml/acs', acsUrl);
  return writeConfigDir({ 'integrations.yaml': integrations + extra, 'dev.yaml': MINIMAL_ENV });
}

const EMBEDDED: ReadonlyArray<[string, string, string, string]> = [
  ['a token inside the label', configWith(`    label: "Wiki ${STRIPE}"\n`), 'integrations.wiki.label', STRIPE],
  ['a token in the ACS URL query', configWith('', undefined, `https://wiki.example.com/saml/acs?key=${RANDOM}`), 'integrations.wiki.acsUrl', RANDOM],
  ['a token in a generic relay state', configWith(`    relayState: "https://console.aiven.io/?t=${STRIPE}"\n`), 'integrations.wiki.relayState', STRIPE],
  ['a token in a created group\'s description', configWith('', `groups: [{ name: Wiki-Users, create: true, description: "ask ops, key ${STRIPE}" }]`), 'integrations.wiki.groups.0.description', STRIPE],
];

describe('a token inside a longer string: validate reports what synth would refuse, and synth refuses it', () => {
  test.each(EMBEDDED)('%s', async (_name, dir, at, token) => {
    const { problems } = readConfig(dir);
    const problem = problems.find((p) => p.path === at);
    expect(problem).toMatchObject({ file: path.join(dir, 'integrations.yaml'), line: expect.any(Number) });
    expect(problem!.message).toMatch(/^looks like .+ \(value not shown\); secrets never go in config files/);

    const out = path.join(tempDir(), 'out');
    const validate = await runCliCaptured(['validate', '--config', dir]);
    const synth = await runCliCaptured(['synth', '--config', dir, '--out', out]);
    expect([validate.code, synth.code]).toEqual([1, 1]);
    expect(synth.err).toContain(`integrations.yaml:${problem!.line}`);
    expect(fs.existsSync(out)).toBe(false);
    for (const text of [validate.out, validate.err, synth.out, synth.err]) expect(text).not.toContain(token);
  });

  test('a secret given as the name of a reference (secret:sk_live_..., env:<token>) is refused, with what is accepted', async () => {
    const provisioning = (token: string) =>
      writeConfigDir({
        'integrations.yaml': `integrations:\n  aiven:\n    preset: aiven\n    aiven: { accountId: a1b2c3, methodId: am1b2c3 }\n    groups: [Everyone]\n    provisioning: { method: scim }\n`,
        'dev.yaml': `environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      aiven:\n        provisioning: { token: "${token}" }\n`,
      });
    for (const [token, kind] of [
      [`secret:${STRIPE}`, 'a Stripe secret key given as the name in a secret: reference'],
      [`secret:vault/prod/${RANDOM}`, 'a random token given as the name in a secret: reference'],
      ['env:Q8ZR2LW9XK4TV7NB1MC6PD3FS5GH0JY2UA8IE7', 'a random token given as the name in a env: reference'],
    ]) {
      const dir = provisioning(token);
      const { problems } = readConfig(dir);
      expect(problems).toEqual([expect.objectContaining({ file: path.join(dir, 'dev.yaml'), path: 'environments.dev.integrations.aiven.provisioning.token', line: 6 })]);
      expect(problems[0].message).toContain(`looks like ${kind}`);
      expect(problems[0].message).toContain('env:NAME or secret:<store path>');
      const synth = await runCliCaptured(['synth', '--config', dir, '--out', path.join(tempDir(), 'out')]);
      expect(synth.code).toBe(1);
      expect(synth.err + synth.out).not.toContain(token.slice(token.indexOf(':') + 1));
    }
  });
});

describe('what validate accepts, synth does not refuse for a secret', () => {
  test.each([
    ['the example organisation', EXAMPLE_DIR],
    ['the adoption example', path.join(__dirname, '..', '..', 'examples', 'adopt', 'config')],
  ])('%s: no secret found in config, nor by SSO-008 on every synthesized resource and the stack-wide check', (_name, dir) => {
    const { model, problems } = readConfig(dir);
    expect(problems).toEqual([]);
    // 'synthesized': the rules judge the real resources, as for a construct user, not the declared apps.
    const { failures } = checkApp(buildApp(model!, path.join(tempDir(), 'out'), dir), 'synthesized');
    expect(failures.filter((f) => /SSO-008|secret/.test(`${f.rule} ${f.message}`))).toEqual([]);
  });

  test('legitimate values that are long or look technical are accepted', () => {
    const dir = configWith(
      [
        '    label: "Wiki (see https://wiki.example.com/spaces/3f2504e0-4f89-11d3-9a0c-0305e82c3301/pages/S3BackendAssumeRoleWithWebIdentityConfig)"',
        '    relayState: "https://wiki.example.com/home?team=DataPlatformEngineering2024&tab=overview"',
        '',
      ].join('\n'),
      'groups: [{ name: CipherChaCha20Poly1305Team, create: true, description: "Engineers of expectBase64ExpressionOn (sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08)" }]',
    );
    expect(readConfig(dir).problems).toEqual([]);
  });
});

describe('real IDs and names are not refused as secrets, by validate, synth and the props check alike', () => {
  const REAL: ReadonlyArray<[string, string, string, string]> = [
    ['a WorkOS ACS URL and audience (ChatGPT Enterprise)', 'https://auth.workos.com/sso/saml/acs/2L6HIlXaS2xnQKsiIF2zBs4Af', 'https://auth.workos.com/sso/saml/metadata/2L6HIlXaS2xnQKsiIF2zBs4Af', 'wiki'],
    ["Claude's ACS URL", 'https://claude.ai/api/auth/saml/wLS2c1AwWslNmDBPWs9jdPnH8/acs', 'https://claude.ai/api/auth/saml/wLS2c1AwWslNmDBPWs9jdPnH8', 'wiki'],
    ['IDs in ACS paths', 'https://app.example.com/sso/saml/samlconf-9HY5ZtTNPqvfRF8r/acs', 'https://app.example.com/saml/acs/Xy7aBcD9EfGh2IjKlMn4OpQr', 'wiki'],
    ['a consume path and an integration key of words and numbers', 'https://app.example.com/consume/aBcDeFgHiJkLmNoPqRsT123456', 'https://app.example.com/saml', 'aws_sandbox_123456789012_poweruser'],
  ];
  const GROUPS = '[aws_123456789012_AdministratorAccess, Engineering-Platform-Infra-Oncall-Rotation-2024-Q3-EU, AWS-Prod-Account-123456789012-Admins, APP-Snowflake-PROD-ANALYST-ROLE-01]';

  test.each(REAL)('%s', async (_name, acsUrl, audience, key) => {
    const integrations = MINIMAL_INTEGRATIONS.replace('wiki:', `${key}:`)
      .replace('https://wiki.example.com/saml/acs', acsUrl)
      .replace('https://wiki.example.com/saml/metadata', audience)
      .replace('[Everyone-Wiki]', GROUPS);
    const dir = writeConfigDir({ 'integrations.yaml': integrations, 'dev.yaml': MINIMAL_ENV.replace('wiki: {}', `${key}: {}`) });
    expect(readConfig(dir).problems).toEqual([]);
    const out = path.join(tempDir(), 'out');
    const [validate, synth] = [await runCliCaptured(['validate', '--config', dir]), await runCliCaptured(['synth', '--config', dir, '--out', out])];
    expect([validate.code, synth.code, synth.err]).toEqual([0, 0, expect.not.stringMatching(/SSO-008|secret/)]);
    const { validateSso } = require('../../model/validate-sso') as typeof import('../../model/validate-sso');
    const groups = GROUPS.slice(1, -1).split(', ');
    expect(validateSso('generic', key, { acsUrl, audience, groups } as never).problems).toEqual([]);
  });
});

describe('a secret as a map key is found at validate, on its line, and shown nowhere', () => {
  test('an integration key that is a Stripe key', async () => {
    const integrations = MINIMAL_INTEGRATIONS.replace('wiki:', `${STRIPE}:`);
    const keyDir = writeConfigDir({ 'integrations.yaml': integrations, 'dev.yaml': MINIMAL_ENV.replace('wiki: {}', `${STRIPE}: {}`) });
    const { problems } = readConfig(keyDir);
    expect(problems.some((p) => /looks like a Stripe secret key as a key/.test(p.message) && p.line !== undefined)).toBe(true);
    // A key is a name: the fix is another name, never a reference to a secret store.
    const message = problems.find((p) => /as a key/.test(p.message))!.message;
    expect(message).toMatch(/this key is a name synth writes into Terraform addresses, state paths and outputs; accepted: a name that does not look like a secret/);
    expect(message).not.toMatch(/env:NAME|remove it/);
    const validate = await runCliCaptured(['validate', '--config', keyDir]);
    expect(validate.code).toBe(1);
    expect(validate.out + validate.err).not.toContain(STRIPE);
  });
});

describe('credentials written into a URL are refused and never written', () => {
  test.each([
    ['user:password@ in the ACS URL', 'https://svc:hunter2hunter2@hr-dev.acme.example/saml/acs', 'hunter2hunter2'],
    ['user@ in the ACS URL', 'https://svc@hr-dev.acme.example/saml/acs', undefined],
  ])('%s', async (_name, acsUrl, password) => {
    const dir = configWith('', undefined, acsUrl);
    const problem = readConfig(dir).problems.find((p) => p.path === 'integrations.wiki.acsUrl');
    expect(problem?.message).toMatch(password ? /looks like a password in a URL/ : /has user info/);
    const out = path.join(tempDir(), 'out');
    const synth = await runCliCaptured(['synth', '--config', dir, '--out', out]);
    expect(synth.code).toBe(1);
    if (password) expect(synth.out + synth.err).not.toContain(password);
    expect(fs.existsSync(out)).toBe(false);
    const { validateSso } = require('../../model/validate-sso') as typeof import('../../model/validate-sso');
    expect(validateSso('generic', 'wiki', { acsUrl, audience: 'https://wiki.example.com/saml/metadata', groups: ['Everyone-Wiki'] } as never).problems).not.toEqual([]);
  });
});
