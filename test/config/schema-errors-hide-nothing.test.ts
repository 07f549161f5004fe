import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { MINIMAL_ENV, runCliCaptured, writeConfigDir } from '../helpers';

/** validate's problem lines, the temp dir stripped, and its exit code. */
async function validate(files: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  const dir = writeConfigDir(files);
  const { code, err } = await runCliCaptured(['validate', '--config', dir]);
  return { code, lines: err.split(dir + '/').join('').split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim()) };
}

function problemsOf(files: Record<string, string>): string[] {
  const dir = writeConfigDir(files);
  return readConfig(dir).problems.map((p) => formatProblem(p).split(dir + '/').join(''));
}

const ENV_ONE = (integrations: string) => `environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n${integrations}`;

describe('a field of the wrong shape hides none of its integration\'s other problems (issue 11, items 4 and 5)', () => {
  // The example: `username: login` for `username: { format: login }`, beside Import Groups on, in an integration
  // enabled in dev (whose method ID is missing) and in one no environment enables.
  const AIVEN = (name: string) => `  ${name}:\n    preset: aiven\n    username: login\n    provisioning:\n      method: scim\n      importGroups: true\n`;
  const FILES = {
    'integrations.yaml': `integrations:\n${AIVEN('aiven')}${AIVEN('aiven_b')}`,
    'env.yaml': ENV_ONE('      aiven:\n        aiven: { accountId: a3c91f0d2b47 }\n        groups: [Engineering-Dev]\n        provisioning: { token: env:AIVEN_SCIM_TOKEN }\n'),
  };

  test('each problem once: the map the string stands for, Import Groups (SSO-005), the missing method ID, in both integrations', async () => {
    const { code, lines } = await validate(FILES);
    expect(code).toBe(1);
    expect(lines).toEqual([
      'env.yaml:6:9: environments.dev.integrations.aiven.aiven.methodId: missing required value: the Aiven authentication method ID (from the Aiven Console: Admin > Identity providers > your IdP)',
      'integrations.yaml:4:5: integrations.aiven.username: "login" is not accepted; did you mean `username: { format: login }`? accepted: a map with format, template',
      'integrations.yaml:7:7: integrations.aiven.provisioning.importGroups: Import Groups must stay off for Aiven: groups the SP does not manage through SCIM cannot be imported into Okta; accepted: false [SSO-005]',
      'integrations.yaml:10:5: integrations.aiven_b.username: "login" is not accepted; did you mean `username: { format: login }`? accepted: a map with format, template',
      'integrations.yaml:13:7: integrations.aiven_b.provisioning.importGroups: enabled in no environment yet, checked on its own: Import Groups must stay off for Aiven: groups the SP does not manage through SCIM cannot be imported into Okta; accepted: false [SSO-005]',
    ]);
  });

  test('the policy rules still judge what the integration gives (SHA-1 signing beside the field left out)', async () => {
    const files = { ...FILES, 'integrations.yaml': FILES['integrations.yaml'].replace('    username: login\n', '    username: login\n    signing: { algorithm: RSA_SHA1, digest: SHA1 }\n') };
    const { lines } = await validate(files);
    expect(lines).toContainEqual(expect.stringMatching(/^integrations\.yaml:5:16: integrations\.aiven\.signing\.algorithm: in environment "dev": SSO-002 \(error\) aiven: /));
  });

  test('a field left out in the shared entry but given by the environment is checked there: a missing key inside it is still a problem', () => {
    const problems = problemsOf({
      'i.yaml': 'integrations:\n  aiven:\n    preset: aiven\n    aiven: a1\n',
      'env.yaml': ENV_ONE('      aiven:\n        aiven: { accountId: a1 }\n        groups: [Eng]\n'),
    });
    expect(problems).toEqual([
      'env.yaml:6:9: environments.dev.integrations.aiven.aiven.methodId: missing required value: the Aiven authentication method ID (from the Aiven Console: Admin > Identity providers > your IdP)',
      'i.yaml:4:5: integrations.aiven.aiven: "a1" is not accepted; accepted: a map with accountId, methodId, idpLoginAllowed',
    ]);
  });

  test('a list item left out moves no other item: a problem of a later item is at its own line', () => {
    const problems = problemsOf({
      'i.yaml': 'integrations:\n  aiven:\n    preset: aiven\n    aiven: { accountId: a1, methodId: m1 }\n    groups: [Eng]\n    provisioning:\n      method: scim\n      token: env:AIVEN_SCIM_TOKEN\n      pushGroups:\n        - { target: eng }\n        - { group: Unassigned }\n',
      'env.yaml': ENV_ONE('      aiven: {}\n'),
    });
    expect(problems).toEqual([
      'i.yaml:10:11: integrations.aiven.provisioning.pushGroups.0.group: missing required field "group"',
      expect.stringMatching(/^i\.yaml:11:13: integrations\.aiven\.provisioning\.pushGroups\.1\.group: push group "Unassigned" is not assigned to the app/),
    ]);
  });

  test('a map missing a field it needs once merged is one problem, naming what is missing', () => {
    const problems = problemsOf({
      'i.yaml': 'integrations:\n  wiki:\n    preset: generic\n    acsUrl: https://wiki.example.com/acs\n    audience: wiki\n    groups: [Eng]\n    groupAttribute: { name: memberOf, filter: { type: regex } }\n',
      'env.yaml': MINIMAL_ENV,
    });
    // Maps merge key by key (an environment may give the filter's value), so what it needs is judged once merged, once.
    expect(problems).toEqual(['i.yaml:7:5: integrations.wiki.groupAttribute: groupAttribute needs name, filter.type and filter.value; missing: filter.value']);
  });

  test('an SP metadata file named in the wrong shape: the ACS URL and entity ID it would give are not also missing', () => {
    const problems = problemsOf({ 'i.yaml': 'integrations:\n  wiki:\n    preset: generic\n    spMetadata: wiki.xml\n    groups: [Eng]\n', 'env.yaml': MINIMAL_ENV });
    expect(problems).toEqual(['i.yaml:4:5: integrations.wiki.spMetadata: "wiki.xml" is not accepted; did you mean `spMetadata: { file: wiki.xml }`? accepted: a map with file, url']);
  });
});

describe('a string where a map goes: the map it stands for', () => {
  const WIKI = 'integrations:\n  wiki:\n    preset: generic\n    acsUrl: https://wiki.example.com/acs\n    audience: wiki\n    groups: [Eng]\n';
  test.each([
    ['signing: RSA_SHA1', '`signing: { algorithm: RSA_SHA1 }`'],
    ['signing: SHA1', '`signing: { digest: SHA1 }`'],
    ['nameId: persistent', '`nameId: { format: persistent }`'],
    ['nameId: "${user.email}"', '`nameId: { template: "${user.email}" }`'],
    ['username: "${source.login}"', '`username: { format: custom, template: "${source.login}" }`'],
    ['catalogApp: zscalerbyz', '`catalogApp: { key: zscalerbyz }`'],
    ['provisioning: scim', '`provisioning: { method: scim }`'],
    ['groupAttribute: { name: memberOf, filter: regex }', '`filter: { type: regex }`'],
  ])('%s: did you mean %s?', (line, meant) => {
    const problems = problemsOf({ 'i.yaml': `${WIKI}    ${line}\n`, 'env.yaml': MINIMAL_ENV });
    expect(problems).toContainEqual(expect.stringContaining(`is not accepted; did you mean ${meant}? accepted: a map`));
  });

  test('in an environment: adopt with the app ID alone', () => {
    const problems = problemsOf({ 'i.yaml': WIKI, 'env.yaml': MINIMAL_ENV.replace('wiki: {}', 'wiki: { adopt: 0oa1b2c3d4e5f6g7h8i9 }') });
    expect(problems).toEqual([expect.stringContaining('environments.dev.integrations.wiki.adopt: "0oa1b2c3d4e5f6g7h8i9" is not accepted; did you mean `adopt: { oktaAppId: "0oa1b2c3d4e5f6g7h8i9" }`? accepted: a map')]);
  });

  test('no guess where no field stands out, and never one that would write a secret back', () => {
    const problems = problemsOf({
      'i.yaml': 'integrations:\n  aiven:\n    preset: aiven\n    aiven: a1b2c3\n    provisioning:\n      method: scim\n      connector: ghp_16C7e42F292c6912E7710c838347Ae178B4a\n',
      'env.yaml': ENV_ONE('      aiven: { groups: [Eng] }\n'),
    });
    expect(problems).toContainEqual(expect.stringContaining('integrations.aiven.aiven: "a1b2c3" is not accepted; accepted: a map'));
    expect(problems.join('\n')).not.toContain('ghp_');
    expect(problems.join('\n')).not.toContain('did you mean');
  });
});

describe('a field written one level too high says where it goes, not a look-alike', () => {
  test.each([
    ['pushGroups under the integration', '      aiven:\n        pushGroups: [{ group: Eng }]\n', 'unknown field "pushGroups" (it goes under provisioning: provisioning.pushGroups)'],
    ['accountId beside aiven', '      aiven:\n        accountId: a1\n', 'unknown field "accountId" (it goes under aiven: aiven.accountId)'],
    ['template, which two maps have', '      aiven:\n        template: "${source.login}"\n', 'unknown field "template" (it goes under one of nameId, username: nameId.template or username.template)'],
    ['preset in an environment', '      aiven:\n        preset: aiven\n', "unknown field \"preset\" (preset is the integration's own: write it in its entry under `integrations:`, not in an environment's)"],
  ])('%s', (_what, entry, message) => {
    const problems = problemsOf({
      'i.yaml': 'integrations:\n  aiven: { preset: aiven, aiven: { accountId: a1, methodId: am1 }, provisioning: { token: "env:T" } }\n',
      'env.yaml': `environments:\n  dev:\n    okta: { orgName: x, baseUrl: okta.com }\n    integrations:\n${entry}`,
    });
    expect(problems).toEqual([expect.stringContaining(message)]);
  });
});

describe('a did-you-mean for a preset misspelt, and for one name where a list of names goes', () => {
  test.each([
    ['preset: snowflak', 'integrations:\n  wiki: { preset: snowflak }\n', '"snowflak" is not accepted; did you mean "snowflake"?'],
    ['groups: Eng', 'integrations:\n  wiki: { preset: generic, acsUrl: "https://w.example.com/acs", audience: w, groups: Eng }\n', 'did you mean `groups: [Eng]`?'],
  ])('%s', (_what, integrations, message) => {
    const problems = problemsOf({ 'i.yaml': integrations, 'env.yaml': MINIMAL_ENV });
    expect(problems).toContainEqual(expect.stringContaining(message));
  });

  test('no list guess where the list holds maps, nor a spelling guess for an algorithm', () => {
    const problems = problemsOf({
      'i.yaml': 'integrations:\n  wiki: { preset: generic, acsUrl: "https://w.example.com/acs", audience: w, groups: [Eng], attributes: email, signing: { algorithm: RSA_SHA512 } }\n',
      'env.yaml': MINIMAL_ENV,
    });
    expect(problems.join('\n')).not.toContain('did you mean');
  });
});
