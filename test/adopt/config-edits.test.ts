import * as fs from 'fs';
import * as path from 'path';
import { listFiles, runCliCaptured, writeConfigDir } from '../helpers';

// How adopt --write edits the user's config files: only the lines it adds or fills change.
const ORG = path.join(__dirname, '..', '..', 'examples', 'adopt', 'saved-org');
const AIVEN = '0oaFdrCWerdFtJ8ib1d7';
const WIKI = '0oarX3huH7Jn0OwNs1d7';

const adopt = (dir: string, env: string, ...more: string[]) => runCliCaptured(['adopt', '--env', env, '--config', dir, '--from', ORG, ...more]);
const validate = (dir: string) => runCliCaptured(['validate', '--config', dir]);
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

function texts(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

describe("the file's line endings and end-of-line comments are kept", () => {
  test('new integrations in a CRLF file: every line ends in CRLF, and each comment stays on the line it was on', async () => {
    const dir = writeConfigDir({
      'okta-sso.yaml': crlf(`integrations: {} # shared here
environments:
  prod: # the prod org
    okta: { orgName: acme, baseUrl: okta.com } # org
    integrations: {} # adopted below
`),
    });
    const r = await adopt(dir, 'prod', '--write');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const text = fs.readFileSync(path.join(dir, 'okta-sso.yaml'), 'utf8');
    expect(text).toContain(`oktaAppId: ${AIVEN}`);
    expect(text.split('\r\n').filter((line) => line.includes('\n'))).toEqual([]);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('integrations: # shared here');
    expect(lines).toContain('  prod: # the prod org');
    expect(lines).toContain('    okta: { orgName: acme, baseUrl: okta.com } # org');
    expect(lines).toContain('    integrations: # adopted below');
    expect((await validate(dir)).code).toBe(0);
  });

  test("adopted into an integration the environment has: its lines and their comments stay as written, CRLF kept", async () => {
    const original = crlf(`integrations:
  aiven: # declared before adoption
    preset: aiven
    provisioning: { method: scim } # SCIM on
environments:
  prod: # the live org
    okta: { orgName: acme, baseUrl: okta.com }
    integrations:
      aiven: # prod's Aiven
        aiven: { accountId: a0b8e61f3c92, methodId: am0b8e61f3c93 } # the account
        provisioning:
          token: "secret:vault/aiven-prod" # where the token lives
`);
    const dir = writeConfigDir({ 'okta-sso.yaml': original });
    const r = await adopt(dir, 'prod', '--app', AIVEN, '--write');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(r.out).toContain('-> aiven (aiven, an integration the config already has)');
    const text = fs.readFileSync(path.join(dir, 'okta-sso.yaml'), 'utf8');
    expect(text).toContain(`oktaAppId: ${AIVEN}`);
    expect(text.split('\r\n').filter((line) => line.includes('\n'))).toEqual([]);
    // Adopt only adds lines: every line of the file is still there, in its order.
    const lines = text.split('\r\n');
    let at = 0;
    for (const line of original.split('\r\n')) {
      at = lines.indexOf(line, at);
      expect([line, at]).not.toEqual([line, -1]);
    }
    expect((await validate(dir)).code).toBe(0);
  });
});

describe('where the entries go', () => {
  test('shared entries in the file with integrations:, the environment\'s in its own file', async () => {
    const dir = writeConfigDir({
      'integrations.yaml': '# every SP\nintegrations: {}\n',
      'environments/prod.yaml': 'environments:\n  prod:\n    okta: { orgName: acme, baseUrl: okta.com }\n    integrations: {}\n',
    });
    const r = await adopt(dir, 'prod', '--app', WIKI, '--write');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const t = texts(dir);
    expect(t['integrations.yaml']).toMatch(/^# every SP\nintegrations:\n {2}# adopted from the live Okta app "Acme Wiki" \(0oarX3huH7Jn0OwNs1d7\) by okta-sso adopt\n {2}acme_wiki:\n {4}preset: generic\n/);
    expect(t['integrations.yaml']).not.toContain(WIKI.replace(/^/, 'oktaAppId: '));
    expect(t['environments/prod.yaml']).toContain(`      acme_wiki:\n        acsUrl: https://wiki.acme.example/saml/acs\n`);
    expect(t['environments/prod.yaml']).toContain(`oktaAppId: ${WIKI}`);
    expect((await validate(dir)).code).toBe(0);
  });

  test('a config with no integrations: anywhere gets an integrations.yaml', async () => {
    const dir = writeConfigDir({ 'prod.yaml': 'environments:\n  prod:\n    okta: { orgName: acme, baseUrl: okta.com }\n' });
    const r = await adopt(dir, 'prod', '--app', WIKI, '--write');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const t = texts(dir);
    expect(t['integrations.yaml']).toMatch(/^integrations:\n {2}# adopted from the live Okta app "Acme Wiki"[^\n]*\n {2}acme_wiki:\n/);
    expect(t['prod.yaml']).toMatch(/^environments:\n {2}prod:\n {4}okta: \{ orgName: acme, baseUrl: okta\.com \}\n {4}integrations:\n {6}# adopted from[^\n]*\n {6}acme_wiki:\n/);
    expect((await validate(dir)).code).toBe(0);
  });

  test('a JSON config file is written as JSON', async () => {
    const dir = writeConfigDir({ 'okta-sso.json': JSON.stringify({ integrations: {}, environments: { prod: { okta: { orgName: 'acme', baseUrl: 'okta.com' }, integrations: {} } } }) });
    const r = await adopt(dir, 'prod', '--app', WIKI, '--write');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'okta-sso.json'), 'utf8'));
    expect(json.integrations.acme_wiki.preset).toBe('generic');
    expect(json.environments.prod.integrations.acme_wiki.adopt).toEqual({ oktaAppId: WIKI });
    expect((await validate(dir)).code).toBe(0);
  });
});

describe('a YAML alias shared by environments is never written through: refused at its line, nothing written', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    [
      "prod's integrations are an alias of staging's",
      `integrations: {}
environments:
  staging:
    okta: { orgName: acme-staging, baseUrl: okta.com }
    integrations: &e {}
  prod:
    okta: { orgName: acme, baseUrl: okta.com }
    integrations: *e
`,
      'prod',
      /okta-sso\.yaml:8: environments\.prod\.integrations\.acme_wiki: environments\.prod\.integrations is an alias \(\*e\) of a value written elsewhere, which cannot be changed here without changing it there too; accepted: the value written out in place of the alias; nothing was written/,
    ],
    [
      "prod's integrations carry an anchor that staging, on another org, repeats",
      `integrations: {}
environments:
  prod:
    okta: { orgName: acme, baseUrl: okta.com }
    integrations: &e {}
  staging:
    okta: { orgName: acme-staging, baseUrl: okta.com }
    integrations: *e
`,
      'prod',
      /okta-sso\.yaml:5: environments\.prod\.integrations\.acme_wiki: environments\.prod\.integrations carries the anchor &e that an alias repeats elsewhere, which cannot be replaced without changing it there too;[^\n]*; nothing was written/,
    ],
    [
      'the whole environment is an alias of another',
      `integrations: {}
environments:
  dev: &d
    okta: { orgName: acme, baseUrl: okta.com }
    integrations: {}
  prod: *d
`,
      'prod',
      /okta-sso\.yaml:6: environments\.prod\.integrations\.acme_wiki: environments\.prod is an alias \(\*d\) of a value written elsewhere[^\n]*; nothing was written/,
    ],
  ];
  test.each(cases)('%s', async (_what, text, env, message) => {
    const dir = writeConfigDir({ 'okta-sso.yaml': text });
    for (const write of [[], ['--write']]) {
      const r = await adopt(dir, env, '--app', WIKI, ...write);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(texts(dir)).toEqual({ 'okta-sso.yaml': text });
    }
  });
});

test('a config that would not validate with the adopted entries: the problems are at lines of the files as adopt would write them, and it says so', async () => {
  const text = `integrations:
  aiven: { preset: aiven }
environments:
  staging:
    okta: { orgName: acme-staging, baseUrl: okta.com }
    integrations:
      aiven: { aiven: { accountId: a0b8e61f3c92, methodId: am0b8e61f3c93 }, provisioning: { token: "secret:vault/aiven-staging" } }
  prod:
    okta: { orgName: acme, baseUrl: okta.com }
    integrations: {}
`;
  const dir = writeConfigDir({ 'okta-sso.yaml': text });
  const r = await adopt(dir, 'prod', '--app', AIVEN, '--write');
  expect(r.code).toBe(2);
  expect(r.err).toContain('the adopted config would not validate, so nothing can be written (2 problems, at lines of the files as adopt would write them):');
  // Prod's entry is on lines the file does not have yet.
  expect(r.err).toMatch(/okta-sso\.yaml:1[1-9]:\d+: environments\.prod\.integrations\.aiven\.aiven\.methodId: /);
  expect(texts(dir)).toEqual({ 'okta-sso.yaml': text });
});
