import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE_DIR, runCliCaptured, tempDir, writeConfigDir } from '../helpers';
import { toolConfig } from './tool-config';

/** A copy of the example; `edit` rewrites its files by name (relative path -> text -> new text). */
function example(edit: Record<string, (text: string) => string> = {}): string {
  const dir = path.join(tempDir('okta-sso-promote-'), 'acme');
  fs.cpSync(EXAMPLE_DIR, dir, { recursive: true });
  for (const [rel, change] of Object.entries(edit)) fs.writeFileSync(path.join(dir, rel), change(fs.readFileSync(path.join(dir, rel), 'utf8')));
  return dir;
}

const OMNI_GROUPS = '        groups: [Analytics-Dev]\n';
/** dev's Omni gets a label staging does not have. */
const devAhead = { 'environments/dev.yaml': (t: string) => t.replace(OMNI_GROUPS, `${OMNI_GROUPS}        label: Omni\n`) };

function snapshot(dir: string): Record<string, string> {
  const envs = path.join(dir, 'environments');
  return Object.fromEntries(fs.readdirSync(envs).map((f) => [f, fs.readFileSync(path.join(envs, f), 'utf8')]));
}

describe('promote --check (for CI)', () => {
  test('exit 0 when the target has everything the source has', async () => {
    const r = await runCliCaptured(['promote', '--config', example(), '--from', 'dev', '--to', 'staging', '--check']);
    expect(r).toEqual({ code: 0, out: expect.stringContaining('staging is in step with dev: nothing to promote\n'), err: '' });
    expect(r.out).not.toContain('--write');
  });

  test('exit 1 when the target is in step but does not validate: its problems on stderr (a CI gate on --check alone would let it merge)', async () => {
    const dir = example({ 'environments/prod.yaml': (t) => t.replace('acsUrl: https://acme.omniapp.co/api/auth/saml/acs', 'acsUrl: http://acme.omniapp.co/api/auth/saml/acs') });
    const r = await runCliCaptured(['promote', '--config', dir, '--from', 'staging', '--to', 'prod', '--check']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('prod is in step with staging: nothing to promote\n');
    expect(r.err.split(`${dir}/`).join('')).toMatch(/^okta-sso promote --check: prod does not validate \(1 problem\):\n {2}environments\/prod\.yaml:\d+:\d+: environments\.prod\.integrations\.omni\.acsUrl: ACS URL "http:/);
  });

  test("a key indented one level too shallow (a setting under the target's integrations:) is reported once, where it is, never as an integration", async () => {
    const { dir } = toolConfig('', '      label: Tool (prod)\n');
    const r = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'prod', '--check']);
    expect(r.code).toBe(1);
    expect(r.out).toBe("prod is in step with dev: nothing to promote\nkept as prod's own (env-specific, not compared): tool (acsUrl, audience, groups)\n");
    expect(r.err).toBe(`okta-sso promote --check: prod does not validate (1 problem):\n  ${dir}/environments/prod.yaml:9:7: environments.prod.integrations.label: "Tool (prod)" is not accepted; accepted: a map or an empty value\n`);
  });

  test('exit 1 when the target lacks something: what it lacks on stdout, how to promote it on stderr, nothing written', async () => {
    const dir = example(devAhead);
    const before = snapshot(dir);
    const r = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--check']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('staging differs from dev in 1 integration(s):\n  omni:\n    label: staging has "Omni Analytics", dev has "Omni"\n');
    expect(r.out).not.toContain('run with --write');
    expect(r.err).toBe(`okta-sso promote --check: staging lacks what dev has (listed above); to promote it: okta-sso promote --config ${dir} --from dev --to staging --write\n`);
    expect(snapshot(dir)).toEqual(before);
    // Without --check the same difference is only shown: exit 0, as before.
    expect((await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'staging'])).code).toBe(0);
  });

  test('exit 1 for an integration the target lacks; exit 0 for one only the target has (promote never removes it)', async () => {
    const extra = '      kb:\n        acsUrl: https://kb.acme.example/saml/acs\n        audience: https://kb.acme.example/saml/metadata\n        groups: [Everyone]\n';
    const dir = example({
      'integrations.yaml': (t) => `${t}\n  kb:\n    preset: generic\n    label: Knowledge Base\n`,
      'environments/prod.yaml': (t) => `${t}${extra}`,
    });
    const behind = await runCliCaptured(['promote', '--config', dir, '--from', 'prod', '--to', 'staging', '--check']);
    expect(behind.code).toBe(1);
    expect(behind.out).toContain('  kb: missing in staging\n');
    const ahead = await runCliCaptured(['promote', '--config', dir, '--from', 'staging', '--to', 'prod', '--check']);
    expect(ahead.code).toBe(0);
    expect(ahead.out).toContain('  kb: only in prod; promote never removes an integration');
    expect(ahead.err).toBe('');
  });

  test('--check with --write is a usage error: exit 2, nothing written', async () => {
    const dir = example(devAhead);
    const before = snapshot(dir);
    const r = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--check', '--write']);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: 'okta-sso promote: --check and --write cannot be used together; accepted: --check to fail when there is something to promote (CI), or --write to promote it\n',
    });
    expect(snapshot(dir)).toEqual(before);
  });

  test.each([
    [['--from', 'dev', '--to', 'qa', '--check'], '--to "qa" is not an environment in'],
    [['--from', 'dev', '--to', 'dev', '--check'], '--from and --to are both "dev"'],
    [['--to', 'staging', '--check'], "required option '--from <env>' not specified"],
    [['--from', 'dev', '--to', 'staging', '--check', '--chek'], "unknown option '--chek'"],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await runCliCaptured(['promote', '--config', EXAMPLE_DIR, ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  test('a config with problems outside the target: exit 1, not 0, under --check too', async () => {
    const dir = example({ 'environments/dev.yaml': (t) => t.replace(OMNI_GROUPS, `${OMNI_GROUPS}        relayState: http://omni.example\n`) });
    const r = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--check']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('fix them before promoting from dev');
  });

  test('--help lists --check', async () => {
    const r = await runCliCaptured(['promote', '--help']);
    expect(r.code).toBe(0);
    expect(r.out.replace(/\s+/g, ' ')).toContain(
      '--check for CI: exit 1 when the target lacks an integration, a value or a list item the source has (or has another, or list items in another order), else 0; values and list items only the target has, and differences that resolve to the same settings, are listed as not checked; writes nothing --write make the target\'s config file match the source: values only the target has are removed; env-specific values, comments and their spacing are kept',
    );
  });
});

test('an environment defined in two files: promote refuses, naming both, and writes nothing (it wrote stubs of every integration into the first)', async () => {
  const dir = writeConfigDir({
    'i.yaml': 'integrations:\n  wiki: { preset: generic, label: Wiki }\n',
    'dev.yaml': 'environments:\n  dev:\n    okta: { orgName: d, baseUrl: okta.com }\n    integrations:\n      wiki: { acsUrl: "https://w.example.com/acs", audience: "https://w.example.com", groups: [A] }\n',
    'staging.yaml': 'environments:\n  staging:\n    okta: { orgName: s, baseUrl: okta.com }\n    integrations: {}\n',
    'staging-more.yaml': 'environments:\n  staging:\n    integrations:\n      wiki: { acsUrl: "https://w.example.com/acs", audience: "https://w.example.com", groups: [A] }\n',
  });
  const before = Object.fromEntries(['staging.yaml', 'staging-more.yaml'].map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  for (const mode of ['--check', '--write']) {
    const r = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', mode]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/environment "staging" is defined in 2 files \(.*staging-more\.yaml, .*staging\.yaml\): config files are combined, not merged/);
  }
  for (const [f, text] of Object.entries(before)) expect(fs.readFileSync(path.join(dir, f), 'utf8')).toBe(text);
});

test("Aiven's idpLoginAllowed and Snowflake's login page label are promoted; their accounts stay each environment's own", async () => {
  const env = (name: string, org: string, aiven: string, snowflake: string) =>
    `environments:\n  ${name}:\n    okta: { orgName: ${org}, baseUrl: okta.com }\n    integrations:\n      aiven:\n        aiven: { ${aiven} }\n        groups: [A]\n        provisioning: { token: "secret:vault/${name}" }\n      snowflake:\n        snowflake: { ${snowflake} }\n        groups: [A]\n`;
  const dir = writeConfigDir({
    'i.yaml': 'integrations:\n  aiven: { preset: aiven }\n  snowflake: { preset: snowflake }\n',
    // IdP-initiated sign-in off: no default relay state either (SSO-011).
    'dev.yaml': env('dev', 'd', 'accountId: a1dev, methodId: am1dev, idpLoginAllowed: false', 'account: acme-dev, loginPageLabel: Okta (dev)').replace('        groups: [A]\n        provisioning', '        relayState: ""\n        groups: [A]\n        provisioning'),
    'staging.yaml': env('staging', 's', 'accountId: a1stg, methodId: am1stg', 'account: acme-stg'),
  });
  const check = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--check']);
  expect(check.code).toBe(1);
  expect(check.out).toContain('aiven.idpLoginAllowed');
  expect(check.out).toContain('snowflake.loginPageLabel');
  const write = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--write']);
  expect(write.err).toBe('');
  const staging = fs.readFileSync(path.join(dir, 'staging.yaml'), 'utf8');
  expect(staging).toContain('accountId: a1stg, methodId: am1stg, idpLoginAllowed: false');
  expect(staging).toContain('account: acme-stg, loginPageLabel: Okta (dev)');
});
