import * as fs from 'fs';
import * as path from 'path';
import { checkConfig } from '../../cli/check-config';
import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { synthToDisk } from '../../synth/synth';
import { MINIMAL_ENV, MINIMAL_INTEGRATIONS, tempDir, writeConfigDir } from '../helpers';

function problemsIn(dir: string): string[] {
  return readConfig(dir).problems.map((p) => formatProblem(p).split(dir + '/').join(''));
}
const problemsOf = (files: Record<string, string>) => problemsIn(writeConfigDir(files));

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl';

test('integration keys that name internal constructs (okta, groups) synthesize; "backend" is reserved', () => {
  const files = {
    'i.yaml': MINIMAL_INTEGRATIONS.replace('wiki:', 'groups:') + MINIMAL_INTEGRATIONS.replace('integrations:\n', '').replace('wiki:', 'okta:'),
    'env.yaml': MINIMAL_ENV.replace('wiki: {}', 'groups: {}\n      okta: {}'),
  };
  const dir = writeConfigDir(files);
  const { model } = readConfig(dir);
  expect(model).toBeDefined();
  const out = path.join(tempDir(), 'out');
  synthToDisk(model!, { outdir: out, configDir: dir });
  expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'stacks/dev/cdk.tf.json'), 'utf8')).resource.okta_app_saml)).toEqual(['groups', 'okta']);

  const reserved = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('wiki:', 'backend:'), 'env.yaml': MINIMAL_ENV.replace('wiki: {}', 'backend: {}') });
  expect(reserved).toEqual([
    expect.stringMatching(/^env\.yaml:5:7: environments\.dev\.integrations\.backend: key "backend" is not accepted; accepted: lowercase letters/),
    expect.stringMatching(/^i\.yaml:2:3: integrations\.backend: key "backend" is not accepted; accepted: lowercase letters/),
  ]);
});

test('a bad key is reported at the key, with what keys are accepted', () => {
  expect(problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('wiki:', 'Wiki-App:'), 'env.yaml': MINIMAL_ENV })).toContain(
    'i.yaml:2:3: integrations.Wiki-App: key "Wiki-App" is not accepted; accepted: lowercase letters, digits and underscores, starting with a letter (a Terraform identifier; "backend" is reserved, and "constructor", a name every JavaScript object has, cannot name a construct).',
  );
});

describe('group conflicts are found by validate, located, and symmetric', () => {
  const twoApps = (aGroups: string, bGroups: string) => ({
    'i.yaml': `integrations:
  a: { preset: generic, acsUrl: "https://a.example.com/acs", audience: a, groups: ${aGroups} }
  b: { preset: generic, acsUrl: "https://b.example.com/acs", audience: b, groups: ${bGroups} }
`,
    'env.yaml': 'environments:\n  dev:\n    okta: { orgName: x }\n    integrations: { a: {}, b: {} }\n',
  });

  test('two spellings of one Terraform name', () => {
    expect(problemsOf(twoApps('[Engineering-Dev]', '["engineering dev"]'))).toEqual([
      expect.stringMatching(/^i\.yaml:3:\d+: integrations\.b\.groups\.0: in environment "dev": Okta groups "Engineering-Dev" \(a\.groups\.0\) and "engineering dev" map to the same Terraform name group_engineering_dev/),
    ]);
  });

  test.each([
    ['created then looked up', '[{ name: Data, create: true }]', '[Data]'],
    ['looked up then created', '[Data]', '[{ name: Data, create: true }]'],
  ])('%s', (_name, a, b) => {
    expect(problemsOf(twoApps(a, b))).toEqual([expect.stringMatching(/integrations\.b\.groups\.0: in environment "dev": Okta group "Data" has create: \w+ here but create: \w+ in a\.groups\.0/)]);
  });

  test('names without letters or digits still get distinct, stable names', () => {
    const dir = writeConfigDir(twoApps('["!!!"]', '["???"]'));
    expect(readConfig(dir).problems).toEqual([]);
  });
});

describe('Terraform template sequences in any user string', () => {
  test('are escaped in every field, not only Okta expressions', () => {
    const dir = writeConfigDir({
      'i.yaml': MINIMAL_INTEGRATIONS.replace('groups: [Everyone-Wiki]', 'groups: [{ name: "Team ${var.x}", create: true, description: "%{if true}y%{endif}" }]') + '    label: "Acme ${var.x}"\n',
      'env.yaml': MINIMAL_ENV,
    });
    const { model } = readConfig(dir);
    const out = path.join(tempDir(), 'out');
    synthToDisk(model!, { outdir: out, configDir: dir });
    const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks/dev/cdk.tf.json'), 'utf8'));
    expect(json.resource.okta_app_saml.wiki.label).toBe('Acme $${var.x}');
    expect(json.resource.okta_group.group_team_var_x).toMatchObject({ name: 'Team $${var.x}', description: '%%{if true}y%%{endif}' });
  });

  test('already-escaped strings are rejected, so nothing is escaped twice', () => {
    expect(problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS + '    username: { format: custom, template: "$${source.login}" }\n', 'env.yaml': MINIMAL_ENV })).toEqual([
      expect.stringMatching(/^i\.yaml:7:\d+: integrations\.wiki\.username\.template: contains \$\$\{ or %%\{: write Okta expressions as the Okta Admin Console shows them/),
    ]);
  });
});

describe('secrets never appear in messages', () => {
  test.each([
    ['inside a map of the wrong type', `    label: { apiToken: "${JWT}" }\n`],
    ['inside a list of the wrong type', `    audience: ["${JWT}"]\n`],
    ['inside a URL that breaks another rule', `    relayState: "http://x.example.com/home?t=${JWT}"\n`],
  ])('%s', (_name, extra) => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace(/    audience: .*\n/, '    audience: w\n') + extra, 'env.yaml': MINIMAL_ENV });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).not.toContain('eyJ');
  });

  test('beside a bad key', () => {
    const problems = problemsOf({ 'i.yaml': `integrations:\n  Bad-Key: { preset: generic, token: "${JWT}" }\n`, 'env.yaml': MINIMAL_ENV.replace('      wiki: {}\n', '') });
    expect(problems.join('\n')).not.toContain('eyJ');
  });
});

describe('odd files never crash the loader', () => {
  test.each([
    ['an alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n', /x\.yaml:5:\d+: YAML error: aliases repeat more than 100000 values/],
    ['a list at the top', '- a\n- b\n', /x\.yaml:1:1: \(a list\) is not accepted; accepted: a map/],
    ['an empty file', '', /^(?!.*x\.yaml)/],
    ['a number where a map is expected', 'integrations: 3\n', /x\.yaml:1:1: integrations: 3 is not accepted; accepted: a map/],
    ['a UTF-16 file with its byte order mark (read as UTF-8)', '\uFFFD\uFFFDi\u0000n\u0000t\u0000', /^x\.yaml: this file is UTF-16 text, not UTF-8; accepted: a YAML file saved as UTF-8/m],
    ['a UTF-16 file without one', 'i\u0000n\u0000t\u0000', /^x\.yaml: this file is UTF-16 text, not UTF-8/m],
    ['a JPEG named like a config file (read as UTF-8)', '\uFFFD\uFFFD\uFFFD\uFFFD\u0000\u0010JFIF\u0000\u0001', /^x\.yaml: this file is binary, not text/m],
    ['a binary file (an ELF header)', '\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000', /^x\.yaml: this file is binary, not text \(a NUL byte at character 8\); accepted: a YAML text file$/m],
  ])('%s', (_name, text, expected) => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV, 'x.yaml': text });
    expect(problems.join('\n')).toMatch(expected);
  });

  test('a real UTF-16 file (as Windows PowerShell 5 writes one): one problem saying to save it as UTF-8', () => {
    const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV });
    fs.writeFileSync(path.join(dir, 'x.yaml'), Buffer.from('\uFEFFintegrations: {}\n', 'utf16le'));
    expect(readConfig(dir).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^this file is UTF-16 text, not UTF-8; accepted: a YAML file saved as UTF-8/)]);
  });

  test('a directory named like a config file, and synth output inside the config dir, are skipped', () => {
    const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV });
    fs.mkdirSync(path.join(dir, 'dir.yaml'));
    const { model } = readConfig(dir);
    synthToDisk(model!, { outdir: path.join(dir, 'cdktf.out'), configDir: dir });
    synthToDisk(model!, { outdir: path.join(dir, 'build'), configDir: dir });
    expect(fs.existsSync(path.join(dir, 'build', 'manifest.json'))).toBe(true);
    expect(readConfig(dir).problems).toEqual([]);
  });
});

test('a malformed integration in one environment does not hide problems elsewhere in the same file', () => {
  const problems = problemsOf({
    'i.yaml': MINIMAL_INTEGRATIONS + '  blog:\n    preset: generic\n    acsUrl: https://blog.example.com/acs\n    audience: blog\n',
    'env.yaml': MINIMAL_ENV.replace('wiki: {}', 'wiki: { groups: 3 }\n      blog: { acsUrl: "http://blog.example.com/acs" }'),
  });
  expect(problems).toEqual([
    expect.stringMatching(/env\.yaml:5:15: environments\.dev\.integrations\.wiki\.groups: 3 is not accepted; accepted: a list/),
    expect.stringMatching(/env\.yaml:6:15: environments\.dev\.integrations\.blog\.acsUrl: ACS URL "http:\/\/blog\.example\.com\/acs" uses http/),
  ]);
});

test('an invalid enum does not hide the integration\'s other problems', () => {
  const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('https://wiki.example.com/saml/acs', 'http://wiki.example.com/saml/acs') + '    status: PAUSED\n', 'env.yaml': MINIMAL_ENV });
  expect(problems.map((p) => p.split(': ')[1])).toEqual(['integrations.wiki.acsUrl', 'integrations.wiki.status']);
});

test('a relay state outside the SP allow-list is reported once', () => {
  const problems = problemsOf({
    'i.yaml': 'integrations:\n  aiven:\n    preset: aiven\n    aiven: { accountId: a1, methodId: am1 }\n    relayState: http://console.aiven.io\n',
    'env.yaml': MINIMAL_ENV.replace('wiki: {}', 'aiven: {}'),
  });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/is not accepted by Aiven; accepted: https:\/\/console\.aiven\.io/);
});

test('custom-SAML settings conflict with a catalog app, naming both', () => {
  const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS + '    catalogApp: { key: example_wiki }\n    signing: { algorithm: RSA_SHA256 }\n', 'env.yaml': MINIMAL_ENV });
  expect(problems).toEqual([expect.stringMatching(/integrations\.wiki\.signing: signing conflicts with catalogApp "example_wiki"/)]);
});

test('two push groups at one Terraform address are reported by validate at the later one, naming the first', () => {
  const aiven = (key: string, group: string, methodId: string) =>
    `  ${key}:\n    preset: aiven\n    aiven: { accountId: a1, methodId: ${methodId} }\n    groups: [${group}]\n    provisioning: { method: scim, token: "env:T", connected: true, pushGroups: [{ group: ${group} }] }\n`;
  const problems = problemsOf({
    'i.yaml': `integrations:\n${aiven('a', 'b_group_c', 'm1')}${aiven('a_group_b', 'c', 'm2')}`,
    'env.yaml': 'environments:\n  dev:\n    okta: { orgName: x }\n    integrations: { a: {}, a_group_b: {} }\n',
  });
  expect(problems).toEqual([
    expect.stringMatching(
      /^i\.yaml:11:\d+: integrations\.a_group_b\.provisioning\.pushGroups\.0\.group: in environment "dev": push group "c" would be okta_push_group\.a_group_b_group_c, the Terraform address of push group "b_group_c" \(a\.provisioning\.pushGroups\.0\.group\)/,
    ),
  ]);
});

describe('two environments that keep one state', () => {
  const envs = (dev: string, staging: string) => ({
    'i.yaml': MINIMAL_INTEGRATIONS,
    'env.yaml': `environments:\n  dev:\n    okta: { orgName: x }\n${dev}    integrations: { wiki: {} }\n  staging:\n    okta: { orgName: y }\n${staging}    integrations: { wiki: {} }\n`,
  });
  const SHARED = "a plan of either would take the other's resources as its own, updating them to its values and destroying what it does not declare; accepted: one state per environment";

  test("a local path that is another environment's default: reported where it is written, once", () => {
    expect(problemsOf(envs('', '    backend: { type: local, path: ./state/dev.tfstate }\n'))).toEqual([
      `env.yaml:7:29: environments.staging.backend.path: local state "./state/dev.tfstate" is also the state of environment "dev": ${SHARED}`,
    ]);
  });

  test('one s3 bucket and key, and one HCP workspace: at each environment', () => {
    const s3 = (region: string) => `    backend: { type: s3, bucket: acme-state, key: okta.tfstate, region: ${region} }\n`;
    expect(problemsOf(envs(s3('eu-west-1'), s3('us-east-1')))).toEqual([
      expect.stringMatching(/^env\.yaml:4:\d+: environments\.dev\.backend\.key: s3 bucket "acme-state" key "okta\.tfstate" is also the state of environment "staging"/),
      expect.stringMatching(/^env\.yaml:8:\d+: environments\.staging\.backend\.key: s3 bucket "acme-state" key "okta\.tfstate" is also the state of environment "dev"/),
    ]);
    const hcp = '    backend: { type: hcp, organization: acme, workspace: okta }\n';
    expect(problemsOf(envs(hcp, hcp))).toHaveLength(2);
  });

  test('a state each: no problem', () => {
    expect(problemsOf(envs('    backend: { type: hcp, organization: acme, workspace: okta-dev }\n', '    backend: { type: hcp, organization: acme, workspace: okta-staging }\n'))).toEqual([]);
  });
});

describe('input sizes are bounded', () => {
  test('a config file over the cap is refused from its size, before it is read', () => {
    const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV });
    // Sparse: its size is what stat says, with nothing on disk to read.
    fs.writeFileSync(path.join(dir, 'big.yaml'), '');
    fs.truncateSync(path.join(dir, 'big.yaml'), 64 * 1024 * 1024 + 1);
    expect(problemsIn(dir)).toEqual([
      'big.yaml: this file is 67108865 bytes, more than 67108864; accepted: a readable, regular YAML file of at most 67108864 bytes (split a larger one: every file of the directory is read)',
    ]);
  });

  test('a string prop over 65,536 characters is one problem at it, not scanned', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('preset: generic', `preset: generic\n    label: "${'a'.repeat(70_000)}"`), 'env.yaml': MINIMAL_ENV });
    expect(problems).toEqual(['i.yaml:4:5: integrations.wiki.label: is 70000 characters long; accepted: at most 65536 (no Okta or SP setting is longer)']);
  });
});

test('thousands of unknown integration keys are judged in linear time: a did-you-mean for the first ones only, each problem still reported', () => {
  const n = 4_000;
  const dir = writeConfigDir({
    'c.yaml':
      'integrations:\n' +
      Array.from({ length: n }, (_, i) => `  app${i}:\n    preset: generic\n`).join('') +
      'environments:\n  dev:\n    okta: { orgName: x, baseUrl: okta.com }\n    integrations:\n' +
      Array.from({ length: n }, (_, i) => `      zpp${i}x: {}\n`).join(''),
  });
  const started = Date.now();
  const { problems } = checkConfig(dir);
  // A bound far above normal (about 1 s): each key compared with every defined one took 17 s here.
  expect(Date.now() - started).toBeLessThan(10_000);
  const unknown = problems.filter((p) => p.message.includes('enables unknown integration'));
  expect(unknown).toHaveLength(n);
  expect(unknown.filter((p) => p.message.includes('did you mean'))).toHaveLength(50);
});

test('a config file or folder named like a secret is one problem that does not print the name (every message would)', () => {
  const token = 'ghp_' + 'iK2ZWeqhFWCEPyYngFb51yBMWXaSCrUZoL8g';
  const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV, [`${token}/x.yaml`]: 'foo: 1\n', [`${token}.yaml`]: 'bar: 2\n' });
  const { problems } = checkConfig(dir);
  // The same words for both: said once.
  expect(problems.map((p) => p.message)).toEqual([
    "a config file's name, or a folder's it is in, looks like a GitHub token (name not shown); accepted: a name that says what the file holds (rename it)",
  ]);
  expect(JSON.stringify(problems)).not.toContain(token);
});

test('past the did-you-means, a key written as a defined key refused as one (Omni:) is still that one problem, not also "unknown"', () => {
  // Checked in key order: these sixty come first.
  const unknown = Array.from({ length: 60 }, (_, i) => `      aa${i}: {}\n`).join('');
  const dir = writeConfigDir({
    'c.yaml': `integrations:\n  wiki: { preset: generic }\n  Omni: { preset: omni }\nenvironments:\n  dev:\n    okta: { orgName: x, baseUrl: okta.com }\n    integrations:\n${unknown}      omni: {}\n`,
  });
  const messages = checkConfig(dir).problems.map((p) => `${p.path}: ${p.message}`);
  expect(messages).toContainEqual(expect.stringMatching(/^integrations\.Omni: key "Omni" is not accepted/));
  expect(messages.filter((m) => m.startsWith('environments.dev.integrations.omni:'))).toEqual([]);
});

test('a config file named with a line break or a bidirectional control is one problem, its name escaped: every message naming it would break or reorder', () => {
  const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV, 'evil\nname.yaml': 'foo: 1\n', 'r\u202elmay.yaml': 'bar: 2\n' });
  const { problems } = checkConfig(dir);
  expect(problems.map((p) => p.message)).toEqual([
    expect.stringMatching(/^config file "evil\\nname\.yaml": its name contains U\+000A \(line feed\) at character 5; accepted: .*; rename it$/),
    expect.stringMatching(/^config file "r\\u202elmay\.yaml": its name contains U\+202E \(right-to-left override\) at character 2; accepted: .*; rename it$/),
  ]);
  for (const p of problems) expect(`${p.file}${p.path}${p.message}`).not.toMatch(/[\n\u202e]/);
});
