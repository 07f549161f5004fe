import * as fs from 'fs';
import { readConfig } from '../../config/load-config';
import { runCliCaptured } from '../helpers';
import { toolConfig } from './tool-config';

/** --check fails only when the target lacks what the source has: not on values only the target has, nor on differences users never see. */

async function promote(dir: string, ...flags: string[]) {
  return runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'prod', ...flags]);
}

describe('promote --check: a value only the target has', () => {
  const LABEL = '        label: Tool (prod)\n';

  test('is listed as not checked, with what --write does to it; --check passes', async () => {
    const { dir, prodFile } = toolConfig('', LABEL);
    const before = fs.readFileSync(prodFile, 'utf8');
    const line = '    label: only prod has "Tool (prod)"; not checked (prod lacks nothing here); --write removes it\n';
    const check = await promote(dir, '--check');
    expect(check).toEqual({ code: 0, out: expect.stringContaining(`  tool:\n${line}`), err: '' });
    // The dry run says, per value, that --write removes it.
    const dry = await promote(dir);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(line);
    expect(dry.out).toContain(`run with --write to update ${prodFile}`);
    expect(fs.readFileSync(prodFile, 'utf8')).toBe(before);
    // And --write does: prod then matches dev.
    expect((await promote(dir, '--write')).code).toBe(0);
    expect(fs.readFileSync(prodFile, 'utf8')).toBe(before.replace(LABEL, ''));
  });

  test('does not hide what the target lacks: exit 1, and the message says which lines are not checked', async () => {
    const { dir } = toolConfig('        showInDashboard: false\n', LABEL);
    const r = await promote(dir, '--check');
    expect(r.code).toBe(1);
    expect(r.out).toContain('    label: only prod has "Tool (prod)"; not checked (prod lacks nothing here); --write removes it\n    showInDashboard: prod lacks false\n');
    expect(r.err).toBe(`okta-sso promote --check: prod lacks what dev has (listed above, but for what is marked not checked); to promote it: okta-sso promote --config ${dir} --from dev --to prod --write\n`);
  });
});

describe('promote --check: values written differently that resolve to the same settings', () => {
  test("a default stated by the source only (signing.algorithm: RSA_SHA256) is not checked; --write still writes it", async () => {
    const { dir, prodFile } = toolConfig('        signing: { algorithm: RSA_SHA256 }\n', '');
    // What users get is the same: the resolved models agree.
    const envs = readConfig(dir).model!.environments;
    const [dev, prod] = ['dev', 'prod'].map((name) => envs.find((e) => e.name === name)!.integrations[0].saml.signing);
    expect(prod).toEqual(dev);
    const r = await promote(dir, '--check');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('    signing.algorithm: prod lacks "RSA_SHA256"; not checked (both resolve to the same settings); --write writes it\n');
    expect((await promote(dir, '--write')).code).toBe(0);
    expect(fs.readFileSync(prodFile, 'utf8')).toContain('        groups: [Everyone]\n        signing:\n          algorithm: RSA_SHA256\n');
  });

  test('a default stated by the target only is not checked; --write removes it', async () => {
    const { dir } = toolConfig('', '        signing: { algorithm: RSA_SHA256 }\n');
    const r = await promote(dir, '--check');
    expect(r.code).toBe(0);
    expect(r.out).toContain('    signing.algorithm: only prod has "RSA_SHA256"; not checked (both resolve to the same settings); --write removes it\n');
  });

  test('a value other than the default is checked', async () => {
    // The generic preset's label defaults to the integration's key.
    const { dir } = toolConfig('        label: Tool\n', '');
    const r = await promote(dir, '--check');
    expect(r.code).toBe(1);
    expect(r.out).toContain('  tool:\n    label: prod lacks "Tool"\n');
    expect(r.err).toContain('prod lacks what dev has (listed above);');
  });
});
