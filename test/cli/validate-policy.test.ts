import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listFiles, tempDir, writeConfigDir, runCliCaptured } from '../helpers';

const run = (...argv: string[]) => runCliCaptured(argv);

// SHA-1 is valid config (a generic SP may need it) but fails policy rule SSO-002 unless suppressed.
const INTEGRATIONS = `integrations:
  wiki:
    preset: generic
    acsUrl: https://wiki.example.com/saml/acs
    audience: https://wiki.example.com/saml/metadata
  legacy:
    preset: generic
    acsUrl: https://legacy.example.com/saml/acs
    audience: https://legacy.example.com/saml/metadata
`;
const ENVS = `environments:
  dev:
    okta: { orgName: acme-dev }
    integrations:
      wiki: { groups: [Everyone] }
      legacy:
        groups: [Everyone]
        signing: { algorithm: RSA_SHA1, digest: SHA1 }
  prod:
    okta: { orgName: acme }
    integrations:
      wiki:
        groups: [Everyone]
        signing: { algorithm: RSA_SHA1, digest: SHA1 }
`;

describe('policy rules in validate and synth', () => {
  test('validate runs the policy rules of every environment, located in config, exit 1, nothing written', async () => {
    const dir = writeConfigDir({ 'integrations.yaml': INTEGRATIONS, 'envs.yaml': ENVS });
    const before = listFiles(dir);
    const { code, out, err } = await run('validate', '--config', dir);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('2 problems');
    expect(err).toContain(`${dir}/envs.yaml:8:20: environments.dev.integrations.legacy.signing.algorithm: in environment "dev": SSO-002 (error) legacy:`);
    expect(err).toContain(`${dir}/envs.yaml:14:20: environments.prod.integrations.wiki.signing.algorithm: in environment "prod": SSO-002 (error) wiki:`);
    expect(listFiles(dir)).toEqual(before);
  });

  test('validate accepts the same config once the rule is suppressed with a reason', async () => {
    const suppressed = ENVS.replace(/signing: \{ algorithm: RSA_SHA1, digest: SHA1 \}/g, 'signing: { algorithm: RSA_SHA1, digest: SHA1 }\n        suppressions: [{ rule: SSO-002, reason: SP accepts SHA-1 only }]');
    const dir = writeConfigDir({ 'integrations.yaml': INTEGRATIONS, 'envs.yaml': suppressed });
    const { code, out } = await run('validate', '--config', dir);
    expect(code).toBe(0);
    expect(out).toContain('OK (2 environment(s)');
  });

  test('synth reports the policy errors of every stack, not only the first, and writes nothing', async () => {
    const dir = writeConfigDir({ 'integrations.yaml': INTEGRATIONS, 'envs.yaml': ENVS });
    const out = path.join(tempDir(), 'cdktf.out');
    const { code, err } = await run('synth', '--config', dir, '--out', out);
    expect(code).toBe(1);
    expect(err).toContain('2 policy errors; nothing written');
    expect(err).toContain(`${dir}/envs.yaml:8:20: environments.dev.integrations.legacy.signing.algorithm: in environment "dev": SSO-002 (error) legacy:`);
    expect(err).toContain(`${dir}/envs.yaml:14:20: environments.prod.integrations.wiki.signing.algorithm: in environment "prod": SSO-002 (error) wiki:`);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('synth reports a policy error at once, before it locks the output: another synth writing the same --out does not make it wait', async () => {
    const dir = writeConfigDir({ 'integrations.yaml': INTEGRATIONS, 'envs.yaml': ENVS });
    const root = tempDir();
    const out = path.join(root, 'cdktf.out');
    // A synth that is running (this test's parent process) holds the lock: a synth that needed it would wait up to 2 minutes.
    const lock = path.join(root, '.cdktf.out.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: os.hostname() }));
    const started = Date.now();
    const { code, err } = await run('synth', '--config', dir, '--out', out);
    expect(code).toBe(1);
    expect(err).toContain('2 policy errors; nothing written');
    expect(err).not.toContain('another okta-sso synth');
    expect(Date.now() - started).toBeLessThan(30_000);
    // Nothing beside the lock: no staging directory, no output.
    expect(fs.readdirSync(root)).toEqual(['.cdktf.out.lock']);
  });

  test('synth --env checks the environments it synthesizes: a policy error in another waits for that one\'s synth', async () => {
    const clean = ENVS.replace(/\n        signing: \{ algorithm: RSA_SHA1, digest: SHA1 \}/g, '');
    const dir = writeConfigDir({ 'integrations.yaml': INTEGRATIONS, 'envs.yaml': clean });
    const out = path.join(tempDir(), 'cdktf.out');
    expect((await run('synth', '--config', dir, '--out', out)).code).toBe(0);
    // SHA-1 in prod only
    fs.writeFileSync(path.join(dir, 'envs.yaml'), clean.replace(/(prod:[\s\S]*wiki:\n        groups: \[Everyone\])/, '$1\n        signing: { algorithm: RSA_SHA1, digest: SHA1 }'));
    const refused = await run('synth', '--config', dir, '--out', out, '--env', 'prod');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('1 policy error; nothing written');
    const dev = await run('synth', '--config', dir, '--out', out, '--env', 'dev');
    expect(dev.err).toBe('');
    expect(dev.code).toBe(0);
  }, 30_000);
});
