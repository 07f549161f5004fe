import { readConfig, loadConfig } from '../../config/load-config';
import { ConfigError, formatProblem } from '../../config/problems';
import { EXAMPLE_DIR, MINIMAL_ENV, MINIMAL_INTEGRATIONS, writeConfigDir } from '../helpers';

function problemsOf(files: Record<string, string>): string[] {
  const dir = writeConfigDir(files);
  const { model, problems } = readConfig(dir);
  expect(model).toBeUndefined();
  // Strip the temp dir so assertions read like what users see.
  return problems.map((p) => formatProblem(p).split(dir + '/').join(''));
}

const AIVEN = `integrations:
  aiven:
    preset: aiven
    aiven: { accountId: a1b2c3, methodId: am1b2c3 }
`;
const envWith = (body: string) => `environments:
  prod:
    okta: { orgName: acme }
    integrations:
${body}`;

describe('readConfig on the example organisation', () => {
  const model = loadConfig(EXAMPLE_DIR);

  test('has dev, prod and staging, each with aiven, atlan, hr_portal, omni, snowflake and wiki', () => {
    expect(model.environments.map((e) => e.name)).toEqual(['dev', 'prod', 'staging']);
    for (const env of model.environments) expect(env.integrations.map((i) => i.key)).toEqual(['aiven', 'atlan', 'hr_portal', 'omni', 'snowflake', 'wiki']);
  });

  test('shared settings are written once and merged into every environment', () => {
    for (const env of model.environments) {
      const atlan = env.integrations.find((i) => i.key === 'atlan')!;
      expect(atlan.saml.groupAttribute).toEqual({ name: 'memberOf', filter: { type: 'regex', value: '^(Data|Analytics)-.*' }, nameFormat: 'unspecified' });
      expect(env.integrations.find((i) => i.key === 'omni')!.saml.label).toBe('Omni Analytics');
    }
  });

  test('environment-specific values differ per environment', () => {
    const acs = model.environments.map((e) => e.integrations.find((i) => i.key === 'aiven')!.saml.acsUrl);
    expect(new Set(acs).size).toBe(3);
    expect(model.environments.map((e) => e.okta)).toEqual([
      { orgName: 'acme-dev', baseUrl: 'oktapreview.com' },
      { orgName: 'acme', baseUrl: 'okta.com' },
      { orgName: 'acme-staging', baseUrl: 'okta.com' },
    ]);
  });

  test('backends: local by default with a relative path, s3 and hcp when configured', () => {
    expect(model.environments.map((e) => e.backend.type)).toEqual(['local', 'hcp', 's3']);
    expect(model.environments[0].backend).toEqual({ type: 'local', path: 'state/dev.tfstate' });
  });
});

describe('bad input: each problem names the file, the field path and what is accepted', () => {
  test('YAML syntax error, with line and column', () => {
    const problems = problemsOf({ 'integrations.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': 'environments:\n  dev: [\n' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^env\.yaml:3:1: YAML syntax error: /);
  });

  test('JSON files are read too, and their syntax errors located', () => {
    const problems = problemsOf({ 'integrations.yaml': MINIMAL_INTEGRATIONS, 'env.json': '{"environments": {"dev": {"okta": {"orgName": "x"},}}' });
    expect(problems[0]).toMatch(/^env\.json:1:\d+: JSON syntax error/);
  });

  test('duplicate key in one YAML map', () => {
    const problems = problemsOf({ 'a.yaml': `${MINIMAL_INTEGRATIONS}  wiki:\n    preset: generic\n`, 'env.yaml': MINIMAL_ENV });
    expect(problems).toEqual([expect.stringMatching(/^a\.yaml:7:3: YAML syntax error: duplicate key "wiki" in this map \(first at line 2\); accepted: each key once per map$/)]);
  });

  test('unknown field, with the closest known one suggested', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS + '    relaySate: https://wiki.example.com/\n', 'env.yaml': MINIMAL_ENV });
    expect(problems).toEqual([
      expect.stringMatching(/^i\.yaml:7:5: integrations\.wiki\.relaySate: unknown field "relaySate" \(did you mean "relayState"\?\); accepted: acsUrl, .*relayState/),
    ]);
  });

  test('unknown field inside an environment', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV.replace('okta:', 'otka: {}\n    okta:') });
    expect(problems.join('\n')).toMatch(/env\.yaml:3:5: environments\.dev\.otka: unknown field "otka" \(did you mean "okta"\?\)/);
  });

  test('missing required field: preset, okta org, and a preset parameter', () => {
    const problems = problemsOf({
      'i.yaml': 'integrations:\n  wiki:\n    acsUrl: https://w.example.com/acs\n    audience: w\n' + AIVEN.replace('integrations:\n', '').replace('methodId: am1b2c3', 'methodId: am1'),
      'env.yaml': 'environments:\n  dev:\n    integrations:\n      wiki: {}\n',
      'env2.yaml': envWith('      aiven: { aiven: { accountId: a1 } }\n'),
    });
    const text = problems.join('\n');
    expect(text).toMatch(/i\.yaml:2:3: integrations\.wiki\.preset: missing required field "preset"/);
    expect(text).toMatch(/env\.yaml:2:3: environments\.dev\.okta: missing required field "okta"/);
    // The environment's aiven block replaces only accountId; methodId still comes from the shared block.
    expect(text).not.toMatch(/methodId: missing/);
  });

  test('missing ACS URL for an SP whose URL pattern is not published', () => {
    const problems = problemsOf({ 'i.yaml': 'integrations:\n  omni:\n    preset: omni\n', 'env.yaml': envWith('      omni: { audience: acme.omniapp.co }\n') });
    expect(problems).toEqual([expect.stringMatching(/env\.yaml:5:7: environments\.prod\.integrations\.omni\.acsUrl: missing required field acsUrl \(the ACS URL as Omni shows it\)/)]);
  });

  test.each([
    // Plain http is a policy finding (SSO-001, suppressible with a reason); what is not an http(s) URL at all cannot work.
    ['acsUrl', 'http://wiki.example.com/acs', 'ACS URL "http://wiki.example.com/acs" uses http, not https', ' [SSO-001]'],
    ['recipient', 'wiki.example.com/acs', 'recipient "wiki.example.com/acs" is not a URL', ''],
    ['destination', 'ftp://wiki.example.com/acs', 'destination "ftp://wiki.example.com/acs" uses ftp, not https', ''],
    ['relayState', 'http://wiki.example.com/', 'relay state "http://wiki.example.com/" uses http, not https', ' [SSO-001]'],
  ])('%s not an https URL', (field, value, message, rule) => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV.replace('wiki: {}', `wiki: { ${field}: "${value}" }`) });
    expect(problems).toEqual([`env.yaml:5:15: environments.dev.integrations.wiki.${field}: ${message}; accepted: an absolute https:// URL${rule}`]);
  });

  test('empty audience', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('audience: https://wiki.example.com/saml/metadata', "audience: ''"), 'env.yaml': MINIMAL_ENV });
    expect(problems).toEqual([expect.stringMatching(/^i\.yaml:5:5: integrations\.wiki\.audience: audience \(SP entity ID\) is empty; accepted: /)]);
  });

  test('relay state not allowed by the SP preset', () => {
    const problems = problemsOf({ 'i.yaml': AIVEN + '    relayState: https://console.aiven.io/projects\n', 'env.yaml': envWith('      aiven: {}\n') });
    expect(problems).toEqual([
      'i.yaml:5:5: integrations.aiven.relayState: relay state "https://console.aiven.io/projects" is not accepted by Aiven; accepted: https://console.aiven.io, https://console.gcp.aiven.io/, https://console.aws.aiven.io/ [SSO-006]',
    ]);
  });

  test('relay state on an SP-initiated-only SP', () => {
    const problems = problemsOf({
      'i.yaml': 'integrations:\n  omni:\n    preset: omni\n    acsUrl: https://acme.omniapp.co/acs\n    audience: acme.omniapp.co\n',
      'env.yaml': envWith('      omni: { relayState: "https://acme.omniapp.co/", showInDashboard: true }\n'),
    });
    expect(problems.join('\n')).toMatch(/omni\.relayState: Omni supports SP-initiated sign-in only/);
    expect(problems.join('\n')).toMatch(/omni\.showInDashboard: Omni supports SP-initiated sign-in only; .*accepted: false/);
  });

  test('duplicate integration key across files', () => {
    const problems = problemsOf({ 'a.yaml': MINIMAL_INTEGRATIONS, 'b.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV });
    expect(problems).toEqual(['b.yaml:2:3: integrations.wiki: duplicate integration key "wiki": already defined in a.yaml:2; accepted: each integration key defined once']);
  });

  test('duplicate environment across files', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'a.yaml': MINIMAL_ENV, 'b.yaml': MINIMAL_ENV });
    expect(problems).toEqual([expect.stringMatching(/^b\.yaml:2:3: environments\.dev: duplicate environment "dev": already defined in a\.yaml:2/)]);
  });

  test('an environment enabling an unknown integration', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV + '      wikki: {}\n' });
    expect(problems).toEqual(['env.yaml:6:7: environments.dev.integrations.wikki: environment "dev" enables unknown integration "wikki"; did you mean "wiki"? defined integrations: "wiki"']);
  });

  test('a literal that looks like a secret token, reported without its value', () => {
    const token = '00' + 'Xq7Lm2Pz9Rt4Wv8Ys1Ab3Cd5Ef6Gh7Jk9Mn0Pq2Rs'.slice(0, 40);
    expect(token).toHaveLength(42);
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS + `    label: "${token}"\n`, 'env.yaml': MINIMAL_ENV });
    expect(problems).toEqual([expect.stringMatching(/^i\.yaml:7:5: integrations\.wiki\.label: looks like an Okta API token \(value not shown\); secrets never go in config files/)]);
    expect(problems.join('\n')).not.toContain(token);
    // A label takes no reference: the fix is to remove the secret, not to write env:NAME there.
    expect(problems[0]).toContain("and this field takes no reference to one: remove it (only provisioning.token and a connector's auth.credential take env:NAME or secret:<store path>)");
    const inToken = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS + `    provisioning: { method: scim, token: "${token}" }\n`, 'env.yaml': MINIMAL_ENV });
    expect(inToken.join('\n')).toContain('keep it in a secret store and reference where it lives: env:NAME or secret:<store path>');
  });

  test('a secret in an unknown field is neither echoed in the unknown-field message', () => {
    const token = 'sk_live_' + '9fJ2kLmQ8rTz4VwXy7Ab1Cd3Ef5Gh6Jk';
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS + `    scimToken: "${token}"\n`, 'env.yaml': MINIMAL_ENV });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).not.toContain(token);
  });

  test('a username format the SP does not allow', () => {
    const problems = problemsOf({ 'i.yaml': AIVEN + '    username: { format: login }\n', 'env.yaml': envWith('      aiven: {}\n') });
    expect(problems).toEqual(['i.yaml:5:17: integrations.aiven.username.format: username format "login" is not allowed by Aiven; accepted: email [SSO-004]']);
  });

  test('an enum value outside the accepted list', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS + '    signing: { algorithm: RSA_SHA512 }\n', 'env.yaml': MINIMAL_ENV });
    expect(problems).toEqual(['i.yaml:7:16: integrations.wiki.signing.algorithm: "RSA_SHA512" is not accepted; accepted: "RSA_SHA256", "RSA_SHA1"']);
  });

  test('a custom username template with a non-custom format is a conflict showing both values', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS + '    username: { format: email, template: "${source.login}" }\n', 'env.yaml': MINIMAL_ENV });
    expect(problems).toEqual([
      expect.stringContaining('integrations.wiki.username.template: username.template "${source.login}" conflicts with username.format "email"'),
    ]);
  });

  test('all problems in a config are reported together, across files', () => {
    const problems = problemsOf({
      'i.yaml': MINIMAL_INTEGRATIONS.replace('https://wiki.example.com/saml/acs', 'http://wiki.example.com/saml/acs') + '    colour: blue\n',
      // "nope" may be defined in the broken file, so it is not reported as unknown.
      'env.yaml': MINIMAL_ENV + '      nope: {}\n',
      'broken.yaml': 'environments: [\n',
    });
    expect(problems.map((p) => p.split(': ').slice(0, 2).join(': '))).toEqual([
      'broken.yaml:2:1: YAML syntax error',
      'i.yaml:4:5: integrations.wiki.acsUrl',
      'i.yaml:7:5: integrations.wiki.colour',
    ]);
  });

  test('loadConfig throws a ConfigError carrying every problem', () => {
    const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('preset: generic', 'preset: nope'), 'env.yaml': MINIMAL_ENV });
    expect(() => loadConfig(dir)).toThrow(ConfigError);
    try {
      loadConfig(dir);
    } catch (err) {
      expect((err as ConfigError).problems[0].message).toBe('"nope" is not accepted; accepted: "aiven", "atlan", "generic", "omni", "onprem", "snowflake"');
    }
  });

  test('a missing config directory', () => {
    const { problems } = readConfig('/nonexistent/okta-sso-config');
    expect(problems[0].message).toMatch(/config directory not found/);
  });

  test('renamedFrom pointing at a key that still exists', () => {
    const problems = problemsOf({
      'i.yaml': MINIMAL_INTEGRATIONS + '  wiki2:\n    preset: generic\n    renamedFrom: wiki\n    acsUrl: https://w2.example.com/acs\n    audience: w2\n',
      'env.yaml': MINIMAL_ENV + '      wiki2: {}\n',
    });
    // Reported where renamedFrom is written (the shared entry), not at the environment.
    expect(problems).toEqual([expect.stringMatching(/^i\.yaml:9:5: integrations\.wiki2\.renamedFrom: renamedFrom "wiki" is still an integration in this environment/)]);
  });

  test('a renamedFrom clash in several environments is reported once, at the renamedFrom line', () => {
    const problems = problemsOf({
      'i.yaml':
        MINIMAL_INTEGRATIONS +
        '  wiki2:\n    preset: generic\n    renamedFrom: old\n    acsUrl: https://w2.example.com/acs\n    audience: w2\n' +
        '  wiki3:\n    preset: generic\n    renamedFrom: old\n    acsUrl: https://w3.example.com/acs\n    audience: w3\n',
      'env.yaml': MINIMAL_ENV + '      wiki2: {}\n      wiki3: {}\n' + '  prod:\n    okta: { orgName: example }\n    integrations:\n      wiki2: {}\n      wiki3: {}\n',
    });
    expect(problems).toEqual(['i.yaml:14:5: integrations.wiki3.renamedFrom: renamedFrom "old" is also claimed by "wiki2"']);
  });

  test('an empty suppression reason is reported once', () => {
    const problems = problemsOf({
      'i.yaml': MINIMAL_INTEGRATIONS + '    suppressions:\n      - { rule: SSO-009, reason: "" }\n',
      'env.yaml': MINIMAL_ENV,
    });
    expect(problems).toEqual([expect.stringMatching(/^i\.yaml:8:26: integrations\.wiki\.suppressions\.0\.reason: "" is not accepted; accepted: why this integration is exempt/)]);
  });
});

describe('one broken integrations section does not cascade into an "unknown integration" per environment', () => {
  const envs = (keys: string[]) =>
    `environments:\n${['dev', 'staging', 'prod'].map((e) => `  ${e}:\n    okta: { orgName: acme-${e} }\n    integrations:\n${keys.map((k) => `      ${k}: {}\n`).join('')}`).join('')}`;

  test.each([
    ['a list', 'integrations:\n  - wiki\n  - blog\n', /^i\.yaml:1:1: integrations: \(a list\) is not accepted; accepted: a map$/],
    ['a string', 'integrations: wiki\n', /^i\.yaml:1:\d+: integrations: "wiki" is not accepted; accepted: a map$/],
    ['a whole file that is a list', '- integrations: {}\n', /^i\.yaml(:1:1)?: \(a list\) is not accepted; accepted: a map with \$schema, integrations, environments$/],
  ])('the section is %s: its one problem, not 3 environments x 2 unknown keys', (_name, integrations, expected) => {
    expect(problemsOf({ 'i.yaml': integrations, 'env.yaml': envs(['wiki', 'blog']) })).toEqual([expect.stringMatching(expected)]);
  });

  test('a misspelt `integration:` section: its one problem, with the suggestion, not 3 environments x 2 unknown keys', () => {
    const misspelt = MINIMAL_INTEGRATIONS.replace(/^integrations:/, 'integration:') + '  blog: { preset: generic, acsUrl: "https://blog.example.com/acs", audience: blog }\n';
    expect(misspelt).not.toEqual(MINIMAL_INTEGRATIONS);
    expect(problemsOf({ 'i.yaml': misspelt, 'env.yaml': envs(['wiki', 'blog']) })).toEqual([
      expect.stringMatching(/^i\.yaml:1:1: integration: unknown field "integration" \(did you mean "integrations"\?\)/),
    ]);
  });

  test('a key in neither the integrations section nor a misspelt one is still unknown', () => {
    const misspelt = 'integration:\n  blog: { preset: generic }\n' + MINIMAL_INTEGRATIONS;
    const problems = problemsOf({ 'i.yaml': misspelt, 'env.yaml': envs(['wiki', 'blgo']) });
    expect(problems.filter((p) => p.includes('enables unknown integration "blgo"'))).toHaveLength(3);
  });

  test('with every section readable, a key no file defines is still reported, with a suggestion', () => {
    expect(problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV.replace('wiki: {}', 'wik: {}') })).toEqual([
      'env.yaml:5:7: environments.dev.integrations.wik: environment "dev" enables unknown integration "wik"; did you mean "wiki"? defined integrations: "wiki"',
    ]);
  });

  test('the list of defined integrations in that message is cut to the first ten', () => {
    const keys = Array.from({ length: 25 }, (_, i) => `app${String(i).padStart(2, '0')}`);
    const integrations = `integrations:\n${keys.map((k) => `  ${k}: { preset: generic, acsUrl: "https://${k}.example.com/acs", audience: ${k} }\n`).join('')}`;
    const [problem] = problemsOf({ 'i.yaml': integrations, 'env.yaml': MINIMAL_ENV.replace('wiki: {}', 'zzz: {}') });
    expect(problem).toMatch(/; defined integrations: "app00", "app01", "app02", "app03", "app04", "app05", "app06", "app07", "app08", "app09", \.\.\. \(25 in all\)$/);
  });

  test('a 100,000-character key is cut in that list, as everywhere else', () => {
    const big = 'a'.repeat(100_000);
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('wiki:', `${big}:`), 'env.yaml': MINIMAL_ENV.replace('wiki: {}', 'wiki: {}\n      blog: {}') });
    const unknown = problems.filter((p) => p.includes('enables unknown integration'));
    expect(unknown).toHaveLength(2);
    for (const p of unknown) expect(p).toMatch(/; defined integrations: "a{60,80}\.\.\.?"?$/);
    for (const p of problems) expect(p.length).toBeLessThan(1_000);
  });
});
