import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { synthToDisk } from '../../synth/synth';
import { EXAMPLE_DIR, listFiles, tempDir } from '../helpers';

const model = loadConfig(EXAMPLE_DIR);

/** Synthesizes a copy of the example into `<tmp>/cdktf.out`, from `<tmp>/config`, running in `cwd`. */
function synthExample(cwd?: string): { dir: string; files: Record<string, string> } {
  const root = tempDir();
  const configDir = path.join(root, 'config');
  fs.cpSync(EXAMPLE_DIR, configDir, { recursive: true });
  const dir = path.join(root, 'cdktf.out');
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    synthToDisk(loadConfig(configDir), { outdir: dir, configDir });
  } finally {
    process.chdir(previous);
  }
  return { dir, files: Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')])) };
}

const first = synthExample();
const stack = (env: string) => JSON.parse(first.files[`stacks/${env}/cdk.tf.json`]);

test('one stack per environment', () => {
  expect(Object.keys(first.files).filter((f) => f.endsWith('cdk.tf.json'))).toEqual(['stacks/dev/cdk.tf.json', 'stacks/prod/cdk.tf.json', 'stacks/staging/cdk.tf.json']);
});

test('two synths are byte-identical, wherever they run from', () => {
  const second = synthExample(tempDir());
  expect(second.dir).not.toBe(first.dir);
  expect(second.files).toEqual(first.files);
});

test('no absolute path and no temp dir name in any output file', () => {
  for (const [name, text] of Object.entries(first.files)) {
    expect({ name, hasTemp: text.includes(first.dir) || text.includes('/tmp/') || text.includes(process.cwd()) }).toEqual({ name, hasTemp: false });
    expect(text).not.toMatch(/"\/(home|root|work|Users|tmp)\//);
  }
});

test('every Okta app has prevent_destroy', () => {
  for (const env of ['dev', 'staging', 'prod']) {
    for (const app of Object.values<any>(stack(env).resource.okta_app_saml)) expect(app.lifecycle).toEqual({ prevent_destroy: true });
  }
});

test('Okta expressions are escaped for Terraform in the synthesized JSON', () => {
  const raw = first.files['stacks/prod/cdk.tf.json'];
  expect(raw).toContain('"user_name_template": "$${source.email}"');
  expect(raw).not.toMatch(/[^$]\$\{(source|user)\./);
});

test('targeted: Aiven in prod', () => {
  const aiven = stack('prod').resource.okta_app_saml.aiven;
  expect(aiven).toMatchObject({
    label: 'Aiven',
    sso_url: 'https://api.aiven.io/v1/sso/saml/account/a0b8e61f3c92/method/am0b8e61f3c93/acs',
    audience: 'https://api.aiven.io/v1/sso/saml/account/a0b8e61f3c92/method/am0b8e61f3c93/metadata',
    default_relay_state: 'https://console.aiven.io',
    hide_web: false,
  });
});

test('targeted: Omni is SP-initiated only in every environment', () => {
  for (const env of ['dev', 'staging', 'prod']) {
    const omni = stack(env).resource.okta_app_saml.omni;
    expect(omni.default_relay_state).toBeUndefined();
    expect(omni).toMatchObject({ hide_web: true, hide_ios: true });
    expect(omni.audience).toMatch(/^acme(-\w+)?\.omniapp\.co$/);
  }
});

test('targeted: group assignments, and the backend per environment', () => {
  expect(stack('prod').resource.okta_app_group_assignments.omni.group).toEqual([
    { id: '${data.okta_group.group_analytics.id}', priority: 1 },
    { id: '${data.okta_group.group_finance.id}', priority: 2 },
  ]);
  expect(stack('dev').resource.okta_group.group_data_dev.name).toBe('Data-Dev');
  // Local state is anchored on the config dir (here a sibling of the out dir), outside cdktf.out.
  expect(stack('dev').terraform.backend).toEqual({ local: { path: '../../../config/state/dev.tfstate' } });
  expect(Object.keys(stack('staging').terraform.backend)).toEqual(['s3']);
  expect(stack('prod').terraform.cloud.workspaces).toEqual({ name: 'okta-sso-prod' });
});

test('each app is tagged with its integration and preset for offline tools, and with SCIM whether it is connected', () => {
  expect(stack('staging').resource.okta_app_saml.atlan['//']['okta-sso']).toEqual({ integration: 'atlan', preset: 'atlan', permanentUsernames: true, provisioningConnected: false });
  expect(stack('prod').resource.okta_app_saml.aiven['//']['okta-sso']).toEqual({ integration: 'aiven', preset: 'aiven', permanentUsernames: false, provisioningConnected: true });
  expect(stack('prod').resource.okta_app_saml.wiki['//']['okta-sso']).toEqual({ integration: 'wiki', preset: 'generic', permanentUsernames: false });
});

test('snapshot of the example organisation', () => {
  expect(Object.fromEntries(Object.entries(first.files).map(([f, t]) => [f, f.endsWith('.json') ? JSON.parse(t) : t]))).toMatchSnapshot();
});

test('a failure leaves no partial output and keeps the previous output', () => {
  const root = tempDir();
  const dir = path.join(root, 'cdktf.out');
  synthToDisk(model, { outdir: dir, configDir: EXAMPLE_DIR });
  const before = listFiles(dir);
  const aiven = model.environments[0].integrations[0];
  const broken = { environments: [{ ...model.environments[0], integrations: [{ ...aiven, props: { ...aiven.props, acsUrl: 'http://insecure' } }] }] };
  expect(() => synthToDisk(broken, { outdir: dir, configDir: EXAMPLE_DIR })).toThrow(/ACS URL "http:\/\/insecure" uses http/);
  expect(listFiles(dir)).toEqual(before);
  // Nothing of the failed attempt remains beside it: only the link and the directory it points to.
  expect(fs.readdirSync(root).sort()).toEqual(['.' + fs.readlinkSync(dir).slice(1), 'cdktf.out'].sort());
});

test('an output directory whose parents do not exist yet is created', () => {
  const out = path.join(tempDir(), 'a', 'b', 'cdktf.out');
  synthToDisk(model, { outdir: out, configDir: EXAMPLE_DIR });
  expect(listFiles(out)).toContain('stacks/prod/cdk.tf.json');
});

describe('synth refuses an output directory it could destroy', () => {
  test.each([
    ['a directory holding other files', (root: string) => (fs.writeFileSync(path.join(root, 'precious.txt'), 'x'), root)],
    ['the config directory', () => EXAMPLE_DIR],
    ['a file', (root: string) => (fs.writeFileSync(path.join(root, 'f'), 'x'), path.join(root, 'f'))],
    ['the current directory', () => process.cwd()],
  ])('%s', (_name, outOf) => {
    const root = tempDir();
    const out = outOf(root);
    const before = listFiles(root);
    expect(() => synthToDisk(model, { outdir: out, configDir: EXAMPLE_DIR })).toThrow(/nothing written/);
    expect(listFiles(root)).toEqual(before);
  });

  test('an output directory that would hold local state', () => {
    const root = tempDir();
    const statey = { environments: [{ ...model.environments[0], backend: { type: 'local' as const, path: 'out/dev.tfstate' } }] };
    expect(() => synthToDisk(statey, { outdir: path.join(root, 'out'), configDir: root })).toThrow(/would contain the local state file of environment "dev"/);
  });
});
