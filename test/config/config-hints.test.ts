import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { secretRefHint } from '../../config/secret-ref-hint';
import { closest } from '../../model/suggest';
import { MINIMAL_INTEGRATIONS, writeConfigDir } from '../helpers';

function problemsOf(files: Record<string, string>): string[] {
  const dir = writeConfigDir(files);
  return readConfig(dir).problems.map((p) => formatProblem(p).split(dir + '/').join(''));
}

const AIVEN_WITH_TOKEN = (token: string) => ({
  'i.yaml': 'integrations:\n  aiven:\n    preset: aiven\n    provisioning: { method: scim }\n',
  'env.yaml': `environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      aiven:\n        aiven: { accountId: a1b2c3, methodId: am1b2c3 }\n        groups: [Engineering]\n        provisioning: { token: ${token} }\n`,
});

describe('a reference to a secret written in a form config does not read gets the one it meant (issue 11, item 16)', () => {
  test('${AIVEN_SCIM_TOKEN}, shell syntax: env:AIVEN_SCIM_TOKEN', () => {
    expect(problemsOf(AIVEN_WITH_TOKEN('"${AIVEN_SCIM_TOKEN}"'))).toEqual([
      'env.yaml:8:25: environments.dev.integrations.aiven.provisioning.token: "${AIVEN_SCIM_TOKEN}" is shell syntax, which nothing expands in a config file: it would be taken as the secret itself; did you mean env:AIVEN_SCIM_TOKEN? accepted: env:NAME (an environment variable) or secret:<store path> (an entry of your secret store)',
    ]);
  });

  test('env:aiven-token, not a variable name: which characters a name takes, and env:AIVEN_TOKEN', () => {
    expect(problemsOf(AIVEN_WITH_TOKEN('env:aiven-token'))).toEqual([
      'env.yaml:8:25: environments.dev.integrations.aiven.provisioning.token: "env:aiven-token": "aiven-token" is not an environment variable name (an environment variable name is upper-case letters, digits and _, not starting with a digit); did you mean env:AIVEN_TOKEN? accepted: env:NAME (an environment variable) or secret:<store path> (an entry of your secret store)',
    ]);
  });

  test.each([
    ['$AIVEN_SCIM_TOKEN', 'env:AIVEN_SCIM_TOKEN'],
    ['${aiven_scim_token}', 'env:AIVEN_SCIM_TOKEN'],
    ['${{ secrets.AIVEN_TOKEN }}', 'env:AIVEN_TOKEN'],
    ['ENV:AIVEN_TOKEN', 'env:AIVEN_TOKEN'],
    ['env: AIVEN_TOKEN', 'env:AIVEN_TOKEN'],
    ['env:1password-token', 'env:_1PASSWORD_TOKEN'],
    ['secret:/vault/okta/scim', 'secret:vault/okta/scim'],
    ['Secret:vault/okta/scim', 'secret:vault/okta/scim'],
    // A secret store's own reference syntax: the same path, as config's secret: reference.
    ['vault:okta-sso/dev/aiven-scim-token', 'secret:vault:okta-sso/dev/aiven-scim-token'],
    ['op://Infra/aiven/token', 'secret:op://Infra/aiven/token'],
  ])('%s: did you mean %s', (value, meant) => {
    expect(secretRefHint(value)).toContain(`did you mean ${meant}?`);
  });

  test.each([
    ['env:SNOWFLAKE_DEV_SCIM_TOKEN=s3cr3tpass', 's3cr3tpass', 'env:SNOWFLAKE_DEV_SCIM_TOKEN'],
    ['"env:HR_CONNECTOR_PASSWORD=Winter2024!"', 'Winter2024', 'env:HR_CONNECTOR_PASSWORD'],
    ['"env:X hunter2"', 'hunter2', 'env:X'],
    ['"secret:vault/okta/omni-api-key password=Winter2024!"', 'Winter2024', 'secret:vault/okta/omni-api-key'],
    ['env:AIVEN_TOKEN=dGhpcyBpcyBhIHNlY3JldCB2YWx1ZQ', 'dGhpcyBpcyBhIHNlY3JldCB2YWx1ZQ', 'env:AIVEN_TOKEN'],
  ])('%s, a reference with the secret pasted after it: the reference alone is named, the rest never shown or suggested', (value, secret, reference) => {
    const problems = problemsOf(AIVEN_WITH_TOKEN(value));
    expect(problems).toEqual([
      `env.yaml:8:25: environments.dev.integrations.aiven.provisioning.token: ${reference} followed by more text (not shown: it may be the secret itself); accepted: the reference alone, ${reference}, with the secret kept where it points`,
    ]);
    expect(problems.join('\n').toLowerCase()).not.toContain(secret.toLowerCase());
  });

  test('a value that is, or holds, a secret is never quoted and gets no hint', () => {
    for (const value of ['hunter2-but-longer', 'env:ghp_16C7e42F292c6912E7710c838347Ae178B4a', '${ghp_16C7e42F292c6912E7710c838347Ae178B4a}']) expect(secretRefHint(value)).toBeUndefined();
    const [problem] = problemsOf(AIVEN_WITH_TOKEN('hunter2-but-longer'));
    expect(problem).toContain('looks like a literal value in a field named "token" (value not shown)');
    expect(problem).not.toContain('hunter2');
  });
});

describe('a misnamed key gets a "did you mean" (issue 11, item 16)', () => {
  test('by a prefix or a part of the name where edit distance finds nothing', () => {
    expect(closest('org', ['baseUrl', 'orgName', 'providerVersion'])).toBe('orgName');
    expect(closest('oktaOrgName', ['baseUrl', 'orgName', 'providerVersion'])).toBe('orgName');
    expect(closest('metadata', ['spMetadata', 'acsUrl', 'audience'])).toBe('spMetadata');
    expect(closest('relaySate', ['relayState', 'recipient'])).toBe('relayState');
  });

  test('no guess when two names share the part, or the part is too short', () => {
    expect(closest('push', ['pushGroups', 'pushUsers'])).toBeUndefined();
    expect(closest('id', ['accountId', 'methodId'])).toBeUndefined();
    expect(closest('colour', ['acsUrl', 'audience', 'groups'])).toBeUndefined();
  });

  test('okta.org: did you mean "orgName"', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': 'environments:\n  dev:\n    okta: { org: acme-dev }\n    integrations:\n      wiki: {}\n' });
    expect(problems).toEqual(['env.yaml:3:13: environments.dev.okta.org: unknown field "org" (did you mean "orgName"? "orgName" is required and missing); accepted: baseUrl, maxApiCapacity, orgName, providerVersion']);
  });

  test('an integration prop named by the start of it: relay -> relayState', () => {
    const problems = problemsOf({ 'i.yaml': `${MINIMAL_INTEGRATIONS}    relay: https://wiki.example.com/\n`, 'env.yaml': 'environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      wiki: {}\n' });
    expect(problems).toEqual([expect.stringMatching(/^i\.yaml:7:5: integrations\.wiki\.relay: unknown field "relay" \(did you mean "relayState"\?\); accepted: /)]);
  });
});

describe('a YAML indentation error points at the item out of place (issue 11, item 16)', () => {
  test('its line and the column where it starts, not column 1', () => {
    const problems = problemsOf({ 'i.yaml': 'integrations:\n  wiki:\n    preset: generic\n   label: Wiki\n' });
    expect(problems).toEqual(['i.yaml:4:4: YAML syntax error: All mapping items must start at the same column']);
  });

  test('a key indented one space too far: one problem at that key, in plain words, not two parser messages at the line above', () => {
    const env = 'environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      wiki:\n        audience: wiki.example.com\n         groups: [Analytics-Dev]\n';
    expect(problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': env })).toEqual([
      'env.yaml:7:10: YAML syntax error: this key is indented more than the key above it, at column 9; accepted: the keys of one map at the same column (a nested map goes under a key with nothing after its colon)',
    ]);
  });

  test('a key of a list item\'s map indented too far: the column of the key after "- "', () => {
    const problems = problemsOf({ 'i.yaml': 'integrations:\n  wiki:\n    attributes:\n      - name: email\n\n           values: [user.email]\n' });
    expect(problems).toEqual([expect.stringMatching(/^i\.yaml:6:12: YAML syntax error: this key is indented more than the key above it, at column 9;/)]);
  });

  test.each([
    ['a flow map', '        aiven: { accountId: a1b2c3, methodId: am1b2c3 }'],
    ['a flow list', '        groups: [Engineering, SRE]'],
    ['a quoted string', '        label: "Aiven"'],
  ])('a key indented too far under a key holding %s: the same plain words, at the key', (_what, above) => {
    const env = `environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      wiki:\n${above}\n         audience: wiki.example.com\n`;
    expect(problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': env })).toEqual([
      'env.yaml:7:10: YAML syntax error: this key is indented more than the key above it, at column 9; accepted: the keys of one map at the same column (a nested map goes under a key with nothing after its colon)',
    ]);
  });

  test('a list item out of place too', () => {
    const problems = problemsOf({ 'i.yaml': 'integrations:\n  wiki:\n    groups:\n      - a\n     - b\n' });
    expect(problems[0]).toMatch(/^i\.yaml:5:6: YAML syntax error: /);
  });
});
