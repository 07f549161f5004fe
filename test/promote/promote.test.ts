import * as fs from 'fs';
import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { EXAMPLE, tempDir } from '../review/synth-fixture';
import { runCliCaptured } from '../helpers';

const cli = runCliCaptured;

/** A copy of the example where dev is ahead of staging. */
function exampleAhead(): string {
  const dir = path.join(tempDir('okta-sso-promote-'), 'acme');
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  fs.appendFileSync(path.join(dir, 'integrations.yaml'), '\n  kb:\n    preset: generic\n    label: Knowledge Base\n');
  const dev = path.join(dir, 'environments', 'dev.yaml');
  fs.writeFileSync(
    dev,
    fs
      .readFileSync(dev, 'utf8')
      .replace('        groups: [Engineering-Dev]\n', '        groups: [Engineering-Dev]\n        relayState: https://console.gcp.aiven.io/\n')
      .replace('        groups: [Analytics-Dev]\n', '        groups: [Analytics-Dev]\n        signing: { assertionSigned: true }\n')
      // Omni provisions by SCIM in dev too, as in staging, so the only Omni difference is the signing change.
      .replace(
        '        provisioning: { method: first-login }\n',
        '        provisioning:\n          method: scim\n          token: env:OMNI_DEV_API_KEY\n        attributeSync:\n          - { attribute: title, from: user.title }\n          - { attribute: department, from: user.department }\n',
      ) +
      '      kb:\n        acsUrl: https://kb-dev.acme.com/saml/acs\n        audience: https://kb-dev.acme.com/saml/metadata\n        showInDashboard: false\n        groups: [Engineering-Dev]\n',
  );
  const staging = path.join(dir, 'environments', 'staging.yaml');
  fs.writeFileSync(staging, fs.readFileSync(staging, 'utf8').replace('        groups: [Data-Engineering, Analytics]\n', '        groups: [Data-Engineering, Analytics]\n        label: Atlan (staging)\n'));
  return dir;
}

describe('promote', () => {
  test('dry run: what the target lacks or has, env-specific values left out, nothing written', async () => {
    const dir = exampleAhead();
    const before = fs.readFileSync(path.join(dir, 'environments', 'staging.yaml'), 'utf8');
    const r = await cli(['promote', '--config', dir, '--from', 'dev', '--to', 'staging']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'staging differs from dev in 4 integration(s):',
        '  aiven:',
        '    relayState: staging has "https://console.aiven.io", dev has "https://console.gcp.aiven.io/"',
        '  atlan:',
        '    label: only staging overrides it ("Atlan (staging)"); dev uses the shared value ("Atlan"); --write removes it',
        '  kb: missing in staging (would copy showInDashboard)',
        '    staging needs its own values for: acsUrl, audience, groups',
        '  omni:',
        // Okta's default: both resolve to the same settings, so --check would not fail on it.
        '    signing.assertionSigned: staging lacks true; not checked (both resolve to the same settings); --write writes it',
        "kept as staging's own (env-specific, not compared): aiven (aiven.accountId, aiven.methodId, groups, provisioning.pushGroups, provisioning.token); atlan (acsUrl, audience, groups, provisioning.token); hr_portal (acsUrl, audience, groups, provisioning.connector.auth.credential, provisioning.connector.baseUrl); omni (acsUrl, audience, groups, provisioning.method, provisioning.pushGroups, provisioning.token); snowflake (groups, snowflake.account); wiki (groups, spMetadata.file, spMetadata.url)",
        `run with --write to update ${dir}/environments/staging.yaml`,
        '',
      ].join('\n'),
    );
    expect(fs.readFileSync(path.join(dir, 'environments', 'staging.yaml'), 'utf8')).toBe(before);
  });

  test('--write updates the target file, keeping its comments and env-specific values; a second run changes nothing', async () => {
    const dir = exampleAhead();
    const file = path.join(dir, 'environments', 'staging.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const r = await cli(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--write']);
    // Written, but the new integration still lacks staging's own values: the result does not validate, exit 1.
    expect(r.code).toBe(1);
    expect(r.out).toContain(`wrote ${file}`);
    const after = fs.readFileSync(file, 'utf8');
    // Comments and the target's own values stay; only the promoted lines change.
    for (const line of before.split('\n').filter((l) => !l.includes('label: Atlan (staging)'))) expect(after).toContain(line);
    expect(after).toContain('        relayState: https://console.gcp.aiven.io/\n');
    expect(after).toContain('        signing:\n          assertionSigned: true\n');
    expect(after).not.toContain('Atlan (staging)');
    expect(after).toContain("      # promoted from dev; set staging's own values for: acsUrl, audience, groups\n      kb:\n        showInDashboard: false\n");
    expect(after).toContain('aiven: { accountId: a7d20e4c9f15, methodId: am7d20e4c9f16 }');
    // The new integration still needs staging's own URLs: the config says so, it does not guess them.
    expect(r.err).toContain(`${file} does not validate yet`);
    expect(r.err).toContain('kb.acsUrl: missing required field acsUrl');

    const again = await cli(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--write']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('staging is in step with dev: nothing to promote');
    expect(again.out).toContain(`${file} unchanged`);
    expect(fs.readFileSync(file, 'utf8')).toBe(after);
  });

  test('the promoted config loads and keeps staging on its own accounts', async () => {
    const dir = exampleAhead();
    const dev = path.join(dir, 'environments', 'dev.yaml');
    // Without the new integration, the promotion is complete and valid.
    fs.writeFileSync(dev, fs.readFileSync(dev, 'utf8').replace(/      kb:\n[\s\S]*$/, ''));
    expect((await cli(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--write'])).code).toBe(0);
    const { model, problems } = readConfig(dir);
    expect(problems).toEqual([]);
    const staging = model!.environments.find((e) => e.name === 'staging')!;
    const aiven = staging.integrations.find((i) => i.key === 'aiven')!;
    expect(aiven.saml.relayState).toBe('https://console.gcp.aiven.io/');
    expect(aiven.saml.acsUrl).toBe('https://api.aiven.io/v1/sso/saml/account/a7d20e4c9f15/method/am7d20e4c9f16/acs');
    expect(aiven.groups.map((g) => g.name)).toEqual(['Engineering', 'SRE']);
  });

  test('settings are compared as each environment ends up with them: an override equal to the shared value is no difference', async () => {
    const dir = exampleAhead();
    const prod = path.join(dir, 'environments', 'prod.yaml');
    // prod spells out the shared relay state; dev and prod both end up with Atlan's shared label.
    fs.writeFileSync(prod, fs.readFileSync(prod, 'utf8').replace('        groups: [Engineering, SRE]\n', '        groups: [Engineering, SRE]\n        relayState: https://console.aiven.io\n'));
    const r = await cli(['promote', '--config', dir, '--from', 'staging', '--to', 'prod']);
    expect(r.out).not.toContain('relayState');
    expect(r.out).toContain('label: prod has "Atlan", staging has "Atlan (staging)"');
  });

  test('secret locations (env:NAME) are env-specific', async () => {
    const dir = exampleAhead();
    const staging = path.join(dir, 'environments', 'staging.yaml');
    // A field of a preset block not in config today stands in for a token location from another preset.
    fs.writeFileSync(staging, fs.readFileSync(staging, 'utf8').replace('        label: Atlan (staging)\n', '        label: env:STAGING_LABEL\n'));
    const r = await cli(['promote', '--config', dir, '--from', 'dev', '--to', 'staging']);
    expect(r.out).not.toContain('label: only in staging');
    expect(r.out).toContain('atlan (acsUrl, audience, groups, label, provisioning.token)');
  });

  test("the shipped example: dev's first-login Omni is not promoted over staging's SCIM, and the result validates", async () => {
    const dir = path.join(tempDir('okta-sso-promote-'), 'acme');
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    const before = readConfig(dir).model!.environments.find((e) => e.name === 'staging')!.integrations.find((i) => i.key === 'omni')!;
    // dev drifts in a setting that is promoted, so that --write really writes.
    const devFile = path.join(dir, 'environments', 'dev.yaml');
    fs.writeFileSync(devFile, fs.readFileSync(devFile, 'utf8').replace('        groups: [Analytics-Dev]\n', '        groups: [Analytics-Dev]\n        label: Omni\n'));
    const r = await cli(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--write']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('label: staging has "Omni Analytics", dev has "Omni"');
    expect(r.out).toMatch(/omni \(acsUrl, attributeSync, audience, groups, provisioning\.method, provisioning\.pushGroups, provisioning\.token\)/);
    const validate = await cli(['validate', '--config', dir]);
    expect(validate.code).toBe(0);
    const omni = readConfig(dir).model!.environments.find((e) => e.name === 'staging')!.integrations.find((i) => i.key === 'omni')!;
    expect(omni.saml.label).toBe('Omni');
    expect(omni.provisioning).toEqual(before.provisioning);
    expect(omni.provisioning!.method).toBe('scim');
    expect(omni.attributeSync).toEqual(before.attributeSync);
    expect(omni.attributeSync!.map((a) => a.attribute)).toEqual(['title', 'department']);
  });

  test('refuses to promote from a config with problems: exit 1, every problem listed, nothing written', async () => {
    const dir = path.join(tempDir('okta-sso-promote-'), 'acme');
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    const devFile = path.join(dir, 'environments', 'dev.yaml');
    fs.writeFileSync(devFile, fs.readFileSync(devFile, 'utf8').replace('        groups: [Analytics-Dev]\n', '        groups: [Analytics-Dev]\n        relayState: http://omni.example\n'));
    const staging = fs.readFileSync(path.join(dir, 'environments', 'staging.yaml'), 'utf8');
    const r = await cli(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--write']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('has 1 problem outside staging; fix them before promoting from dev');
    expect(r.err).toContain(`${devFile}:22:9: environments.dev.integrations.omni.relayState:`);
    expect(fs.readFileSync(path.join(dir, 'environments', 'staging.yaml'), 'utf8')).toBe(staging);
  });

  test.each([
    [['--from', 'dev', '--to', 'qa'], '--to "qa" is not an environment in'],
    [['--from', 'dev', '--to', 'dev'], '--from and --to are both "dev"'],
  ])('bad input %j exits 2', async (args, message) => {
    const r = await cli(['promote', '--config', EXAMPLE, ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('"dev", "prod", "staging"');
  });

  test('a config that cannot be read (a YAML syntax error) is a problem found: exit 1, as validate and synth, naming file:line', async () => {
    const dir = path.join(tempDir('okta-sso-promote-'), 'acme');
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    const file = path.join(dir, 'environments', 'dev.yaml');
    fs.appendFileSync(file, 'broken: [\n');
    const r = await cli(['promote', '--config', dir, '--from', 'dev', '--to', 'staging']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^okta-sso promote: cannot read ${dir}:\\n  ${file}:\\d+:\\d+: YAML syntax error`));
  });

  test('--write with nothing to promote writes nothing: the target file keeps every byte, long lines unwrapped', async () => {
    const dir = path.join(tempDir('okta-sso-promote-'), 'acme');
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    const file = path.join(dir, 'environments', 'dev.yaml');
    // dev's own group description (env-specific), long enough for yaml to fold it when it re-emits the file.
    const description = 'description: Data team access to dev SaaS apps (managed by cdktf-okta-sso)';
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(description, `${description}, owned by the data platform team`));
    const before = fs.readFileSync(file, 'utf8');
    expect(before).toContain('owned by the data platform team');
    const mtime = fs.statSync(file).mtimeMs;
    const r = await cli(['promote', '--config', dir, '--from', 'staging', '--to', 'dev', '--write']);
    expect(r.out).toContain('dev is in step with staging: nothing to promote');
    expect(r.out).toContain(`${file} unchanged`);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  test('--write never re-wraps a line the edit did not touch', async () => {
    const dir = exampleAhead();
    const file = path.join(dir, 'environments', 'staging.yaml');
    // The wiki's groups are staging's own (env-specific): the promotion leaves them, with their long description.
    const groups = `        # ${'a comment of more than eighty characters, '.repeat(3)}\n        groups:\n          - name: Everyone\n            description: ${'Everyone at Acme, staging only, '.repeat(4).trim()}\n`;
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('        groups: [Everyone]\n', groups));
    const before = fs.readFileSync(file, 'utf8');
    await cli(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', '--write']);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    const untouched = before.split('\n').filter((l) => l.length > 80);
    expect(untouched.length).toBeGreaterThanOrEqual(3);
    for (const line of untouched) expect(after.split('\n')).toContain(line);
  });

  test('a 100,000-character --to is cut in its message', async () => {
    const r = await cli(['promote', '--config', EXAMPLE, '--from', 'dev', '--to', 'q'.repeat(100_000)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--to "q{70,80}\.\.\. is not an environment in/);
    expect(r.err.length).toBeLessThan(1_000);
  });
});
