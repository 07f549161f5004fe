import * as fs from 'fs';
import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { ConfigProblem, formatProblem } from '../../config/problems';
import { checkConfig } from '../../cli/check-config';
import { SecretRef } from '../../model/provisioning/secret-ref';
import { validateSso } from '../../model/validate-sso';
import { EXAMPLE_DIR, tempDir } from '../helpers';

const TOKEN = 'ghp_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5';

/** validate's problems for the example config with one file edited (the edit must change it), the temp dir stripped. */
function problemsAfter(file: string, edit: (text: string) => string, check: (dir: string) => readonly ConfigProblem[] = (dir) => readConfig(dir).problems): string[] {
  const dir = path.join(tempDir('okta-sso-follow-on-'), 'acme');
  fs.cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const at = path.join(dir, file);
  const before = fs.readFileSync(at, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  fs.writeFileSync(at, after);
  return check(dir).map((p) => formatProblem(p).split(`${dir}/`).join(''));
}

/** What validate reports: the config's problems and the policy rules' errors, located. */
const validated = (dir: string) => checkConfig(dir).problems;

const sub = (from: string | RegExp, to: string) => (text: string) => text.replace(from, to);

describe('one mistake, one problem: nothing judged from a value the schema refused', () => {
  test('a provisioning method that is not one of the choices: not also every SCIM setting beside it, in every environment', () => {
    expect(problemsAfter('integrations.yaml', sub('      method: scim\n      importGroups: false', '      method: SCIM\n      importGroups: false'))).toEqual([
      'integrations.yaml:15:7: integrations.aiven.provisioning.method: "SCIM" is not accepted; did you mean "scim"? accepted: "scim", "first-login", "none"',
    ]);
  });

  test('an authorization type of the wrong type: not also the header name and credentials judged by the default type', () => {
    const problems = problemsAfter('integrations.yaml', sub('          type: header', '          type: 42'));
    expect(problems).toEqual([expect.stringMatching(/^integrations\.yaml:51:\d+: integrations\.hr_portal\.provisioning\.connector\.auth\.type: 42 is not accepted/)]);
  });

  test('groups given as one name, not a list: not also each push group "not assigned"', () => {
    const problems = problemsAfter('environments/prod.yaml', sub('        groups: [Engineering, SRE]', '        groups: Engineering'));
    expect(problems).toEqual(['environments/prod.yaml:13:9: environments.prod.integrations.aiven.groups: "Engineering" is not accepted; did you mean `groups: [Engineering]`? accepted: a list, each text or a map with name, create, description, priority']);
  });

  test('a misspelt token key: the unknown key (naming token), not also "needs provisioning.token"', () => {
    const problems = problemsAfter('environments/prod.yaml', sub('          token: secret:vault/okta-sso/prod/aiven-scim-token', '          tokn: secret:vault/okta-sso/prod/aiven-scim-token'));
    expect(problems).toEqual([expect.stringMatching(/^environments\/prod\.yaml:15:11: environments\.prod\.integrations\.aiven\.provisioning\.tokn: unknown field "tokn" \(did you mean "token"\?\)/)]);
  });

  test('an integration key that is not a Terraform name: not also "did you mean" that key in every environment', () => {
    const problems = problemsAfter('integrations.yaml', sub('\n  omni:\n', '\n  Omni:\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^integrations\.yaml:19:3: integrations\.Omni: /);
  });

  test('no integration defined at all: one problem per environment, naming what it enables', () => {
    const problems = problemsAfter('integrations.yaml', (t) => t.slice(0, t.indexOf('integrations:')));
    expect(problems).toEqual([
      'environments/dev.yaml:8:5: environments.dev.integrations: environment "dev" enables "aiven", "atlan", "hr_portal", "omni", "snowflake", "wiki", but no integration is defined; accepted: each defined under `integrations:` in a config file',
      expect.stringMatching(/^environments\/prod\.yaml:\d+:5: environments\.prod\.integrations: environment "prod" enables /),
      expect.stringMatching(/^environments\/staging\.yaml:\d+:5: environments\.staging\.integrations: environment "staging" enables /),
    ]);
  });

  test('an environment defined twice (a copy of dev renamed prod): that one problem, not also every clash of the copy with dev', () => {
    const dir = path.join(tempDir('okta-sso-follow-on-'), 'acme');
    fs.cpSync(EXAMPLE_DIR, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'environments', 'prod-copy.yaml'), fs.readFileSync(path.join(dir, 'environments', 'dev.yaml'), 'utf8').replace(/^  dev:/m, '  prod:'));
    expect(readConfig(dir).problems.map((p) => formatProblem(p).split(`${dir}/`).join(''))).toEqual([
      'environments/prod.yaml:4:3: environments.prod: duplicate environment "prod": already defined in environments/prod-copy.yaml:4; accepted: each environment defined once, in one file (config files are combined, not merged)',
    ]);
  });

  test('a choice in another case or with other separators gets the one it means; the nearest spelling does not (RSA_SHA512 is no RSA_SHA1)', () => {
    expect(problemsAfter('integrations.yaml', sub('    preset: onprem', '    preset: on-prem'))).toEqual([expect.stringContaining('integrations.hr_portal.preset: "on-prem" is not accepted; did you mean "onprem"? accepted:')]);
    expect(problemsAfter('integrations.yaml', sub('    preset: atlan\n', '    preset: atlan\n    signing: { algorithm: RSA_SHA512 }\n'))).toEqual([
      expect.stringContaining('integrations.atlan.signing.algorithm: "RSA_SHA512" is not accepted; accepted: "RSA_SHA256", "RSA_SHA1"'),
    ]);
  });

  test('a secret where a choice goes: the secret alone, not also "not one of the choices"', () => {
    const problems = problemsAfter('integrations.yaml', sub('    preset: omni', `    preset: ${TOKEN}`));
    expect(problems).toEqual([expect.stringMatching(/^integrations\.yaml:20:5: integrations\.omni\.preset: looks like a GitHub token \(value not shown\)/)]);
  });

  test('a secret in a group name: the secret alone, not also its push group "not assigned"', () => {
    const problems = problemsAfter('environments/prod.yaml', sub('        groups: [Engineering, SRE]', `        groups: [${TOKEN}, SRE]`));
    expect(problems).toEqual([expect.stringMatching(/^environments\/prod\.yaml:13:\d+: environments\.prod\.integrations\.aiven\.groups\.0: looks like a GitHub token/)]);
  });

  test('an invisible character in a push group name: that, not also "not assigned" for the name it makes', () => {
    const problems = problemsAfter('environments/prod.yaml', sub('            - { group: SRE, target: sre }', '            - { group: "SRE\\u200b", target: sre }'));
    expect(problems).toEqual([expect.stringMatching(/^environments\/prod\.yaml:20:17: environments\.prod\.integrations\.aiven\.provisioning\.pushGroups\.1\.group: contains U\+200B \(zero-width space\)/)]);
  });

  test('a push group listed twice: "pushed twice", not also "target of two push groups"', () => {
    const problems = problemsAfter('environments/prod.yaml', sub('            - { group: SRE, target: sre }', '            - { group: SRE, target: sre }\n            - { group: SRE, target: sre }'));
    expect(problems).toEqual([expect.stringMatching(/pushGroups\.2\.group: Okta group "SRE" is pushed twice; accepted: each group once$/)]);
  });

  test('an invisible character in a relay state: that, not also the policy rule (SSO-006) on the text it makes', () => {
    const problems = problemsAfter('integrations.yaml', sub('    relayState: https://console.aiven.io', '    relayState: "https://console.aiven.io\u200b"'), validated);
    expect(problems).toEqual([expect.stringMatching(/^integrations\.yaml:11:\d+: integrations\.aiven\.relayState: contains U\+200B \(zero-width space\)/)]);
  });

  test('still every independent problem: a refused method beside an unassigned push group elsewhere', () => {
    const problems = problemsAfter('integrations.yaml', sub('      method: scim\n      importGroups: false', '      method: SCIM\n      importGroups: false'));
    const more = problemsAfter('environments/prod.yaml', sub('            - { group: Analytics, target: Analytics }', '            - { group: Nobody, target: Analytics }'));
    expect(problems).toHaveLength(1);
    expect(more).toEqual([expect.stringMatching(/omni\.provisioning\.pushGroups\.0\.group: push group "Nobody" is not assigned to the app/)]);
  });
});

describe('and no independent problem hidden by a refusal near it', () => {
  const MARKETING = '            - { group: SRE, target: sre }\n            - { group: Marketing, target: mkt }';
  const withMarketing = (groups: string) => (t: string) => t.replace('        groups: [Engineering, SRE]', groups).replace('            - { group: SRE, target: sre }', MARKETING);
  const notAssigned = expect.stringMatching(/aiven\.provisioning\.pushGroups\.2\.group: push group "Marketing" is not assigned to the app/);

  test("a group's priority refused: a push group of a group not in the list is still not assigned", () => {
    const problems = problemsAfter('environments/prod.yaml', withMarketing('        groups: [{ name: Engineering, priority: -5 }, SRE]'));
    expect(problems).toEqual([expect.stringMatching(/aiven\.groups\.0\.priority: /), notAssigned]);
  });

  test('an invisible character in another group: a push group of a group not in the list is still not assigned', () => {
    const problems = problemsAfter('environments/prod.yaml', withMarketing('        groups: [Engineering, SRE, "Fin\\u200bance"]'));
    expect(problems).toEqual([expect.stringMatching(/aiven\.groups\.2: contains U\+200B/), notAssigned]);
  });

  test('but an invisible character in the very group pushed: that alone', () => {
    const problems = problemsAfter('environments/prod.yaml', sub('        groups: [Engineering, SRE]', '        groups: [Engineering, "SRE\\u200b"]'));
    expect(problems).toEqual([expect.stringMatching(/aiven\.groups\.1: contains U\+200B/)]);
  });

  test('a stray key beside the field it resembles, written correctly: both the stray key and what is wrong with the field', () => {
    const problems = problemsAfter('environments/prod.yaml', (t) => withMarketing('        groups: [Engineering, SRE]\n        group: x')(t));
    expect(problems).toEqual([expect.stringMatching(/aiven\.group: unknown field "group" \(did you mean "groups"\?\)/), notAssigned]);
  });

  test('a value refused inside a setting the method does not take: both, as removing the setting is the fix', () => {
    const problems = problemsAfter('environments/dev.yaml', sub('        provisioning: { method: first-login }', '        provisioning: { method: first-login, pushGroups: [{ group: Analytics-Dev, target: 5 }] }'));
    expect(problems).toEqual([
      expect.stringMatching(/omni\.provisioning\.pushGroups: provisioning\.pushGroups applies only to SCIM provisioning/),
      expect.stringMatching(/omni\.provisioning\.pushGroups\.0\.target: 5 is not accepted/),
    ]);
  });

  test("an environment's misspelt key is said even where the definition it resembles is refused for its value", () => {
    const defined = problemsAfter('integrations.yaml', (t) => t.replace(/\n  omni:\n[\s\S]*?\n\n  atlan:/, '\n  omni: oops\n\n  atlan:'));
    expect(defined).toEqual([expect.stringMatching(/^integrations\.yaml:19:\d+: integrations\.omni: "oops" is not accepted/)]);
    const dir = path.join(tempDir('okta-sso-follow-on-'), 'acme');
    fs.cpSync(EXAMPLE_DIR, dir, { recursive: true });
    const edit = (file: string, f: (t: string) => string) => fs.writeFileSync(path.join(dir, file), f(fs.readFileSync(path.join(dir, file), 'utf8')));
    edit('integrations.yaml', (t) => t.replace(/\n  omni:\n[\s\S]*?\n\n  atlan:/, '\n  omni: oops\n\n  atlan:'));
    edit('environments/prod.yaml', (t) => t.replace('      omni:\n', '      omnni:\n'));
    const problems = readConfig(dir).problems.map((p) => formatProblem(p).split(`${dir}/`).join(''));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/environments\.prod\.integrations\.omnni: environment "prod" enables unknown integration "omnni"; did you mean "omni"\?/)]));
  });

  test('a setting that must not be there at all (SSO-010) is said beside an invisible character in its value', () => {
    const problems = problemsAfter('integrations.yaml', sub('    label: Omni Analytics\n', '    label: Omni Analytics\n    relayState: "https://acme.omni\\u200bapp.co/"\n    showInDashboard: true\n'), validated);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/omni\.relayState: contains U\+200B/), expect.stringMatching(/SSO-010/)]));
  });

  test('SHA-1 signing (SSO-002) is still said beside a refused digest: the rule judges the algorithm too', () => {
    const problems = problemsAfter('integrations.yaml', sub('    preset: atlan\n', '    preset: atlan\n    signing: { algorithm: RSA_SHA1, digest: SHA999 }\n'), validated);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/atlan\.signing\.digest: "SHA999" is not accepted/), expect.stringMatching(/SSO-002/)]));
  });

  test('another group pushed to a target already taken: still "target of two push groups"', () => {
    const problems = problemsAfter('environments/prod.yaml', sub('            - { group: SRE, target: sre }', '            - { group: SRE, target: sre }\n            - { group: Engineering, target: sre }'));
    expect(problems).toEqual([
      expect.stringMatching(/pushGroups\.2\.group: Okta group "Engineering" is pushed twice/),
      expect.stringMatching(/pushGroups\.2\.target: SP group "sre" is the target of two push groups/),
    ]);
  });
});

describe('in code too: the construct validation drops what follows from a refused value', () => {
  const aiven = { accountId: 'a1b2c3', methodId: 'am1b2c3', groups: ['Engineering'] };
  const token = SecretRef.fromEnv('AIVEN_SCIM_TOKEN');

  test('a provisioning method not offered: the choice problem, not "applies only to SCIM" for the token and push groups', () => {
    const { problems } = validateSso('aiven', 'aiven', { ...aiven, provisioning: { method: 'SCIM' as never, token, pushGroups: [{ group: 'Engineering' }] } });
    expect(problems.map((p) => p.field)).toEqual(['provisioning.method']);
  });

  test('groups not a list: that, not also each push group "not assigned"', () => {
    const { problems } = validateSso('aiven', 'aiven', { ...aiven, groups: 'Engineering' as never, provisioning: { token, pushGroups: [{ group: 'Engineering' }] } });
    expect(problems.map((p) => p.field)).toEqual(['groups']);
  });

  test('an unknown connector authorization type is refused (it used to synthesize), and nothing judged from it', () => {
    const { problems } = validateSso('onprem', 'hr', {
      acsUrl: 'https://hr.corp.example/saml/acs',
      audience: 'https://hr.corp.example/saml',
      groups: ['Everyone'],
      provisioning: { connector: { baseUrl: 'https://scim.corp.example/scim/v2/', auth: { type: 'Header' as never, headerName: 'Authorization', credential: SecretRef.fromEnv('HR_SCIM') } } },
    });
    expect(problems.map((p) => [p.field, p.message])).toEqual([['provisioning.connector.auth.type', expect.stringMatching(/connector authorization type "Header" is not accepted; accepted: none, basic, header/)]]);
  });

  test('an invisible character in an assigned group: that problem, not also its push group "not assigned"', () => {
    const { problems } = validateSso('aiven', 'aiven', { ...aiven, groups: ['Engineering\u200b'], provisioning: { token, pushGroups: [{ group: 'Engineering' }] } });
    expect(problems.map((p) => p.field)).toEqual(['groups.0']);
  });
});
