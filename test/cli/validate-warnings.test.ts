import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE_DIR, runCliCaptured, tempDir, writeConfigDir } from '../helpers';

// wiki has no group: SSO-009, a warning (issue 11, item 6).
const CONFIG = {
  'i.yaml': `integrations:
  wiki:
    preset: generic
    acsUrl: https://wiki.example.com/saml/acs
    audience: https://wiki.example.com/saml/metadata
`,
  'env.yaml': `environments:
  dev:
    okta: { orgName: acme-dev }
    integrations:
      wiki: {}
`,
};
const SSO_009 = 'env.yaml:5:7: environments.dev.integrations.wiki: in environment "dev": SSO-009 (warning) wiki: no Okta group is assigned.';

describe('validate prints the policy warnings', () => {
  test('located in config, with the rule ID and how to suppress it; exit 0 when there are only warnings', async () => {
    const dir = writeConfigDir(CONFIG);
    const { code, out, err } = await runCliCaptured(['validate', '--config', dir]);
    expect(code).toBe(0);
    expect(err).toBe('');
    const text = out.split(`${dir}/`).join('');
    expect(text).toContain(`${dir}: OK (1 environment(s): dev; 1 integration(s), 1 enabled across environments)\n1 warning (warnings alone do not fail validate)\n  warning: ${SSO_009}`);
    expect(text).toContain('suppress SSO-009 for this integration with a reason');
    expect(text).toContain('suppressions: [{ rule: SSO-0NN, reason: "why it is exempt" }]');
  });

  test('config warnings too: a providerVersion that admits 6.14.0, at its line', async () => {
    const dir = writeConfigDir({ ...CONFIG, 'env.yaml': CONFIG['env.yaml'].replace('okta: { orgName: acme-dev }', 'okta: { orgName: acme-dev, providerVersion: "~> 6.6" }') });
    const { code, out } = await runCliCaptured(['validate', '--config', dir]);
    expect(code).toBe(0);
    expect(out.split(`${dir}/`).join('')).toMatch(/\n {2}warning: env\.yaml:3:32: environments\.dev\.okta\.providerVersion: provider version constraint "~> 6\.6" admits okta\/okta 6\.14\.0/);
  });

  test('a suppressed warning is not printed', async () => {
    const dir = writeConfigDir({ ...CONFIG, 'env.yaml': CONFIG['env.yaml'].replace('wiki: {}', 'wiki: { suppressions: [{ rule: SSO-009, reason: "assigned by the HR sync" }] }') });
    const { code, out } = await runCliCaptured(['validate', '--config', dir]);
    expect(code).toBe(0);
    expect(out).not.toContain('warning');
  });

  test('with errors too: exit 1, the errors and then the warnings', async () => {
    const dir = writeConfigDir({ ...CONFIG, 'i.yaml': `${CONFIG['i.yaml']}  legacy:\n    preset: generic\n    acsUrl: http://legacy.example.com/acs\n    audience: https://legacy.example.com/md\n    groups: [Everyone]\n`, 'env.yaml': `${CONFIG['env.yaml']}      legacy: {}\n` });
    const { code, out, err } = await runCliCaptured(['validate', '--config', dir]);
    expect(code).toBe(1);
    expect(out).toBe('');
    const text = err.split(`${dir}/`).join('');
    expect(text).toMatch(/^.*: 1 problem\n {2}i\.yaml:8:5: integrations\.legacy\.acsUrl: ACS URL "http:\/\/legacy\.example\.com\/acs" uses http/);
    expect(text).toContain(`1 warning (warnings alone do not fail validate)\n  warning: ${SSO_009}`);
  });
});

describe('main.ts run by the cdktf CLI (CDKTF_OUTDIR set)', () => {
  const saved = { config: process.env.OKTA_SSO_CONFIG, outdir: process.env.CDKTF_OUTDIR, exitCode: process.exitCode };
  afterEach(() => {
    for (const [name, value] of [
      ['OKTA_SSO_CONFIG', saved.config],
      ['CDKTF_OUTDIR', saved.outdir],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    process.exitCode = saved.exitCode;
    jest.restoreAllMocks();
  });

  test('records each warning, located in config, and where each runbook is, as annotations the cdktf CLI prints after synth', () => {
    const dir = writeConfigDir(CONFIG);
    const outdir = path.join(tempDir(), 'cdktf.out');
    process.env.OKTA_SSO_CONFIG = dir;
    process.env.CDKTF_OUTDIR = outdir;
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    jest.isolateModules(() => require('../../main'));
    // Written to stderr, a line is logged by the cdktf CLI as an error and drawn over in a terminal.
    expect(stderr).not.toHaveBeenCalled();
    expect(process.exitCode ?? 0).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    const annotations = manifest.stacks.dev.annotations.map((a: { level: string; message: string; stacktrace?: unknown }) => ({ ...a, message: a.message.split(`${dir}/`).join('') }));
    const runbook = path.relative(process.cwd(), path.join(outdir, 'stacks', 'dev', 'runbook.md')).split(path.sep).join('/');
    expect(annotations).toEqual([
      { constructPath: 'dev', level: '@cdktf/warn', message: expect.stringContaining(SSO_009) },
      { constructPath: 'dev', level: '@cdktf/info', message: `runbook (the admin steps Terraform cannot apply, with their values): ${runbook}` },
    ]);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'dev', 'runbook.md'))).toBe(true);
  });

  test("a directory of the user's own files given as the output is written into but never marked as synth's: a later okta-sso synth refuses it instead of replacing it", async () => {
    const dir = writeConfigDir(CONFIG);
    const site = tempDir();
    fs.writeFileSync(path.join(site, 'index.html'), '<h1>docs</h1>\n');
    process.env.OKTA_SSO_CONFIG = dir;
    process.env.CDKTF_OUTDIR = site;
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    jest.isolateModules(() => require('../../main'));
    expect(process.exitCode ?? 0).toBe(0);
    expect(fs.existsSync(path.join(site, 'stacks', 'dev', 'cdk.tf.json'))).toBe(true);
    expect(fs.existsSync(path.join(site, '.okta-sso-output'))).toBe(false);
    const r = await runCliCaptured(['synth', '--config', dir, '--out', site]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('was not written by okta-sso synth');
    expect(fs.readFileSync(path.join(site, 'index.html'), 'utf8')).toBe('<h1>docs</h1>\n');

    // Output holding nothing but synth's own is marked: okta-sso synth may replace it.
    const own = path.join(tempDir(), 'cdktf.out');
    process.env.CDKTF_OUTDIR = own;
    jest.isolateModules(() => require('../../main'));
    expect(fs.existsSync(path.join(own, '.okta-sso-output'))).toBe(true);
  });

  test('an empty OKTA_SSO_CONFIG is unset: the example organisation, not a config directory named ""', () => {
    process.env.OKTA_SSO_CONFIG = '';
    process.env.CDKTF_OUTDIR = path.join(tempDir(), 'cdktf.out');
    let err = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((t) => ((err += String(t)), true));
    jest.isolateModules(() => require('../../main'));
    expect(err).toBe('');
    expect(process.exitCode ?? 0).toBe(0);
    expect(fs.existsSync(path.join(process.env.CDKTF_OUTDIR, 'stacks', 'prod', 'cdk.tf.json'))).toBe(true);
  });

  test('a config with problems: every problem located, on stderr, exit 1, nothing synthesized', () => {
    const dir = writeConfigDir({ ...CONFIG, 'i.yaml': CONFIG['i.yaml'].replace('https://wiki.example.com/saml/acs', 'http://wiki.example.com/saml/acs') });
    const outdir = path.join(tempDir(), 'cdktf.out');
    process.env.OKTA_SSO_CONFIG = dir;
    process.env.CDKTF_OUTDIR = outdir;
    let err = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((t) => ((err += String(t)), true));
    jest.isolateModules(() => require('../../main'));
    expect(process.exitCode).toBe(1);
    expect(err.split(`${dir}/`).join('')).toMatch(/: 1 problem; nothing written\n {2}i\.yaml:4:5: integrations\.wiki\.acsUrl: ACS URL "http:\/\/wiki\.example\.com\/saml\/acs" uses http/);
    expect(fs.existsSync(outdir)).toBe(false);
  });
});

describe('okta-sso synth prints the same warnings, located, each once', () => {
  test('a policy warning and a providerVersion admitting 6.14.0: located as validate prints them, exit 0, output written', async () => {
    const dir = writeConfigDir({ ...CONFIG, 'env.yaml': CONFIG['env.yaml'].replace('okta: { orgName: acme-dev }', 'okta: { orgName: acme-dev, providerVersion: "~> 6.6" }') });
    const out = path.join(tempDir(), 'out');
    const r = await runCliCaptured(['synth', '--config', dir, '--out', out]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'stacks', 'dev', 'cdk.tf.json'))).toBe(true);
    const text = r.err.split(`${dir}/`).join('');
    expect(text).toContain('2 warnings (written anyway; warnings do not fail synth)');
    expect(text).toContain(`  warning: ${SSO_009}`);
    expect(text).toMatch(/\n {2}warning: env\.yaml:3:32: environments\.dev\.okta\.providerVersion: provider version constraint "~> 6\.6" admits okta\/okta 6\.14\.0/);
    expect(text.split('admits okta/okta 6.14.0').length - 1).toBe(1);
    expect(text.split('SSO-009 (warning)').length - 1).toBe(1);
  });
});


describe('main.ts run by the cdktf CLI: a file system error writing the output', () => {
  test('is one line naming it, never a stack trace, exit 1', () => {
    const saved = { config: process.env.OKTA_SSO_CONFIG, outdir: process.env.CDKTF_OUTDIR, exitCode: process.exitCode };
    const file = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    process.env.OKTA_SSO_CONFIG = EXAMPLE_DIR;
    // The output's parent is a file: writing fails with the file system's own error.
    process.env.CDKTF_OUTDIR = path.join(file, 'cdktf.out');
    let err = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((t) => ((err += String(t)), true));
    try {
      jest.isolateModules(() => require('../../main'));
      expect(process.exitCode).toBe(1);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).not.toMatch(/\n\s+at /);
    } finally {
      for (const [name, value] of [['OKTA_SSO_CONFIG', saved.config], ['CDKTF_OUTDIR', saved.outdir]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      process.exitCode = saved.exitCode;
      jest.restoreAllMocks();
    }
  });
});
