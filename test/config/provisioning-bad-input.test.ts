import * as fs from 'fs';
import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { runCli } from '../../cli/program';
import { AIVEN, OMNI, oneEnvConfig, tempDir, writeYamlConfigDir as writeConfigDir } from '../support/provisioning-config';

/** Runs `okta-sso synth` and returns stderr, the exit code and whether anything was written. */
async function synth(dir: string) {
  const out = path.join(tempDir(), 'cdktf.out');
  let err = '';
  const code = await runCli(['synth', '-c', dir, '-o', out], { out: () => undefined, err: (t) => (err += t), exit: () => undefined });
  return { code, err, written: fs.existsSync(out) };
}

function problemsOf(dir: string) {
  const { model, problems } = readConfig(dir);
  expect(model).toBeUndefined();
  return problems;
}

describe('provisioning bad input: clear error naming file, field and rule; nothing written', () => {
  test('Import Groups on for Aiven', async () => {
    const dir = oneEnvConfig({ aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN', importGroups: true } } }, { aiven: {} });
    const [p, ...rest] = problemsOf(dir);
    expect(rest).toEqual([]);
    expect(p.file).toBe(`${dir}/integrations.yaml`);
    expect(p.path).toBe('integrations.aiven.provisioning.importGroups');
    expect(p.line).toBeGreaterThan(0);
    expect(p.message).toMatch(/Import Groups must stay off for Aiven.*accepted: false/);
    const run = await synth(dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain('integrations.aiven.provisioning.importGroups');
    expect(run.written).toBe(false);
  });

  test('password sync for Omni', async () => {
    const dir = oneEnvConfig({ omni: { ...OMNI, provisioning: { token: 'env:OMNI_API_KEY', features: { syncPassword: true } } } }, { omni: {} });
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('integrations.omni.provisioning.features.syncPassword');
    expect(problems[0].message).toMatch(/Sync Password \(syncPassword\) is not supported by Omni; accepted: false/);
    expect((await synth(dir)).written).toBe(false);
  });

  test('enhanced group push for Omni', () => {
    const dir = oneEnvConfig({ omni: { ...OMNI, provisioning: { token: 'env:OMNI_API_KEY', enhancedGroupPush: true } } }, { omni: {} });
    expect(problemsOf(dir).map((p) => p.path)).toEqual(['integrations.omni.provisioning.enhancedGroupPush']);
  });

  test('a token written as a literal: error names the field, never the value', async () => {
    const literal = 'plain-literal-token-value';
    const dir = oneEnvConfig({ aiven: { ...AIVEN, provisioning: { method: 'scim' } } }, { aiven: { provisioning: { token: literal } } });
    const problems = problemsOf(dir);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.file).toBe(`${dir}/dev.yaml`);
      expect(p.path).toBe('environments.dev.integrations.aiven.provisioning.token');
      expect(p.message).not.toContain(literal);
    }
    expect(problems.map((p) => p.message).join('\n')).toMatch(/env:NAME/);
    const run = await synth(dir);
    expect(run.err).not.toContain(literal);
    expect(run.written).toBe(false);
  });

  test('a push-group mapping to an Okta group not assigned to the app', async () => {
    const dir = oneEnvConfig(
      { aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN' } } },
      { aiven: { groups: ['Engineering'], provisioning: { pushGroups: [{ group: 'Engineering' }, { group: 'Finance', target: 'finance' }] } } },
    );
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('environments.dev.integrations.aiven.provisioning.pushGroups.1.group');
    expect(problems[0].message).toMatch(/push group "Finance" is not assigned to the app.*accepted: one of the groups in `groups` \("Engineering"\)/);
    expect((await synth(dir)).written).toBe(false);
  });

  test('a push group whose assigned group was written with a space at its end: the one problem names that group', () => {
    const dir = oneEnvConfig(
      { aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN' } } },
      { aiven: { groups: ['Engineering', 'SRE '], provisioning: { pushGroups: [{ group: 'SRE', target: 'sre' }] } } },
    );
    const problems = problemsOf(dir);
    expect(problems.map((p) => p.message)).toEqual([
      'push group "SRE" is not assigned to the app; Okta pushes only groups assigned to it; groups.1 ("SRE ") differs from it only by spaces at its ends: remove them, or write the push group the same; accepted: one of the groups in `groups` ("Engineering", "SRE ")',
    ]);
  });

  test('a provider version constraint too old for push groups', async () => {
    const dir = oneEnvConfig(
      { aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN', connected: true } } },
      { aiven: { groups: ['Engineering'], provisioning: { pushGroups: [{ group: 'Engineering' }] } } },
      { orgName: 'acme-dev', providerVersion: '~> 6.4' },
    );
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('environments.dev.okta.providerVersion');
    expect(problems[0].message).toMatch(/"~> 6.4" allows okta\/okta 6.4.0, but okta_push_group \(used by aiven\) needs >= 6.6.0/);
    expect((await synth(dir)).written).toBe(false);
  });

  test('the same constraint passes when push groups are still in the runbook', () => {
    const dir = oneEnvConfig(
      { aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN' } } },
      { aiven: { groups: ['Engineering'], provisioning: { pushGroups: [{ group: 'Engineering' }] } } },
      { orgName: 'acme-dev', providerVersion: '~> 6.4' },
    );
    expect(readConfig(dir).problems).toEqual([]);
  });

  test('terraformManaged for a custom SAML app', () => {
    const dir = oneEnvConfig({ aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN', terraformManaged: true, scimBaseUrl: 'https://api.aiven.io/scim' } } }, { aiven: {} });
    const problems = problemsOf(dir);
    expect(problems.map((p) => p.path)).toEqual(['integrations.aiven.provisioning.terraformManaged']);
    expect(problems[0].message).toMatch(/does not accept a provisioning connection for custom SAML apps.*okta_org2org or zscalerbyz/);
  });

  test('SCIM without a token, and an on-prem connector URL without version or trailing slash', () => {
    const dir = oneEnvConfig(
      {
        aiven: { ...AIVEN, provisioning: { method: 'scim' } },
        hr: { preset: 'onprem', acsUrl: 'https://hr.corp.example/acs', audience: 'hr', provisioning: { connector: { baseUrl: 'https://hr.corp.example/scim', auth: { type: 'header' } } } },
      },
      { aiven: {}, hr: {} },
    );
    const problems = problemsOf(dir);
    const at = (suffix: string) => problems.filter((p) => p.path.endsWith(suffix)).map((p) => p.message).join('\n');
    // A missing field is reported where the environment enables the integration.
    expect(problems.find((p) => p.path === 'environments.dev.integrations.aiven.provisioning.token')?.message).toMatch(/SCIM provisioning needs provisioning.token/);
    expect(at('integrations.hr.provisioning.connector.baseUrl')).toMatch(/has no SCIM version in its path/);
    expect(at('integrations.hr.provisioning.connector.baseUrl')).toMatch(/does not end with the trailing slash Okta requires/);
    expect(at('hr.provisioning.connector.auth.headerName')).toMatch(/needs headerName/);
    expect(at('hr.provisioning.connector.auth.credential')).toMatch(/authorization type "header" needs credential/);
  });

  test('all problems are reported together', () => {
    const dir = writeConfigDir({
      'integrations.yaml': {
        integrations: {
          aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN', importGroups: true } },
          omni: { ...OMNI, provisioning: { token: 'env:OMNI_API_KEY', features: { syncPassword: true } } },
        },
      },
      'dev.yaml': { environments: { dev: { okta: { orgName: 'acme-dev' }, integrations: { aiven: {}, omni: {} } } } },
    });
    expect(problemsOf(dir).map((p) => p.path)).toEqual(['integrations.aiven.provisioning.importGroups', 'integrations.omni.provisioning.features.syncPassword']);
  });
});
