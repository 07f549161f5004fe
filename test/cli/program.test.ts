import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE_DIR, MINIMAL_ENV, MINIMAL_INTEGRATIONS, listFiles, tempDir, writeConfigDir, runCliCaptured } from '../helpers';

const run = (...argv: string[]) => runCliCaptured(argv);

test('--help lists the commands', async () => {
  const { code, out } = await run('--help');
  expect(code).toBe(0);
  expect(out).toMatch(/validate \[options\]/);
  expect(out).toMatch(/synth \[options\]/);
});

test.each(['validate', 'synth'])('%s --help documents its options', async (command) => {
  const { code, out } = await run(command, '--help');
  expect(code).toBe(0);
  expect(out).toContain('--config <dir>');
});

test('validate: OK on the example', async () => {
  const { code, out } = await run('validate', '--config', EXAMPLE_DIR);
  expect(code).toBe(0);
  expect(out).toContain('OK (3 environment(s): dev, prod, staging; 6 integration(s), 18 enabled across environments)');
});

test('validate: every problem, exit 1', async () => {
  const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('https://wiki', 'http://wiki') + '    colour: blue\n', 'env.yaml': MINIMAL_ENV });
  const { code, err } = await run('validate', '--config', dir);
  expect(code).toBe(1);
  expect(err).toContain('2 problems');
  expect(err).toContain(`${dir}/i.yaml:4:5: integrations.wiki.acsUrl: ACS URL`);
  expect(err).toContain(`${dir}/i.yaml:7:5: integrations.wiki.colour: unknown field "colour"`);
});

test('synth writes one stack per environment into --out', async () => {
  const out = path.join(tempDir(), 'out');
  const result = await run('synth', '--config', EXAMPLE_DIR, '--out', out);
  expect(result.code).toBe(0);
  expect(listFiles(out)).toEqual([
    '.gitignore',
    '.okta-sso-output',
    'manifest.json',
    ...['dev', 'prod', 'staging'].flatMap((env) => [`stacks/${env}/cdk.tf.json`, `stacks/${env}/runbook.json`, `stacks/${env}/runbook.md`]),
  ]);
});

test('synth with a bad config writes nothing and exits 1', async () => {
  const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('preset: generic', 'preset: aiven'), 'env.yaml': MINIMAL_ENV });
  const parent = tempDir();
  const out = path.join(parent, 'out');
  const result = await run('synth', '--config', dir, '--out', out);
  expect(result.code).toBe(1);
  expect(result.err).toContain('nothing written');
  expect(fs.readdirSync(parent)).toEqual([]);
});

test('the config dir defaults to OKTA_SSO_CONFIG', async () => {
  const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV });
  process.env.OKTA_SSO_CONFIG = dir;
  try {
    expect((await run('validate')).out).toContain(`${dir}: OK (1 environment(s): dev; 1 integration(s), 1 enabled across environments)`);
  } finally {
    delete process.env.OKTA_SSO_CONFIG;
  }
});

describe('no config directory named: usage error, whatever the current directory', () => {
  /** Runs argv in `cwd` with OKTA_SSO_CONFIG set to `env` (unset when undefined). */
  async function runIn(cwd: string, env: string | undefined, argv: string[]) {
    const previous = { cwd: process.cwd(), env: process.env.OKTA_SSO_CONFIG };
    process.chdir(cwd);
    if (env === undefined) delete process.env.OKTA_SSO_CONFIG;
    else process.env.OKTA_SSO_CONFIG = env;
    try {
      return await run(...argv);
    } finally {
      process.chdir(previous.cwd);
      if (previous.env === undefined) delete process.env.OKTA_SSO_CONFIG;
      else process.env.OKTA_SSO_CONFIG = previous.env;
    }
  }

  // A user's repository, where the package is installed and there is no examples/acme; and this repository, where there is one.
  const userRepo = () => tempDir();
  const thisRepo = () => path.join(__dirname, '..', '..');

  test.each([
    ['validate', []],
    ['synth', []],
    ['promote', ['--from', 'dev', '--to', 'staging']],
    ['adopt', ['--env', 'prod', '--from', '/nonexistent']],
    ['fetch-metadata', []],
  ])('%s: exit 2, saying how to name it (--config or OKTA_SSO_CONFIG), and nothing else runs', async (command, args) => {
    for (const [cwd, env] of [[userRepo(), undefined], [thisRepo(), undefined], [userRepo(), '']] as const) {
      const r = await runIn(cwd, env, [command, ...args]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain('error: no config directory: pass --config DIR, or set OKTA_SSO_CONFIG=DIR (the directory holding your integrations and environments files); okta-sso has no default\n');
      expect(r.err).not.toContain('examples/acme');
      // The command's help follows, as after any usage error.
      expect(r.err).toContain(`Usage: okta-sso ${command} [options]`);
    }
  });

  test('synth: nothing written', async () => {
    const cwd = userRepo();
    expect((await runIn(cwd, undefined, ['synth'])).code).toBe(2);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  test('OKTA_SSO_CONFIG names it, in any directory', async () => {
    const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV });
    const r = await runIn(userRepo(), dir, ['validate']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${dir}: OK`);
  });
});

describe('a config directory that does not exist: the same usage error (exit 2) for every command with --config', () => {
  const COMMANDS: ReadonlyArray<[string, string[]]> = [
    ['validate', []],
    ['synth', []],
    ['promote', ['--from', 'dev', '--to', 'staging']],
    ['adopt', ['--env', 'prod', '--from', '/nonexistent']],
    ['fetch-metadata', []],
  ];

  test.each(COMMANDS)('%s', async (command, args) => {
    const parent = tempDir();
    const missing = path.join(parent, 'conf');
    const file = path.join(parent, 'conf.yaml');
    fs.writeFileSync(file, 'integrations: {}\n');
    for (const [dir, named, why] of [
      [missing, '--config', 'does not exist'],
      [file, '--config', 'is not a directory'],
    ]) {
      const r = await run(command, ...args, '--config', dir);
      expect([command, r.code]).toEqual([command, 2]);
      expect(r.out).toBe('');
      expect(r.err).toContain(`error: config directory ${JSON.stringify(dir)} (from ${named}) ${why}; accepted: an existing directory holding your integrations and environments files (.yaml, .yml or .json)\n`);
      expect(r.err).toContain(`Usage: okta-sso ${command} [options]`);
    }
    process.env.OKTA_SSO_CONFIG = missing;
    try {
      const r = await run(command, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`error: config directory ${JSON.stringify(missing)} (from $OKTA_SSO_CONFIG) does not exist;`);
    } finally {
      delete process.env.OKTA_SSO_CONFIG;
    }
    // Nothing was written beside it (synth's output directory, adopt's or fetch-metadata's files).
    expect(fs.readdirSync(parent)).toEqual(['conf.yaml']);
  });

  test('--help says it must exist, and what exit 2 means', async () => {
    expect((await run('validate', '--help')).out.replace(/\s+/g, ' ')).toContain('config directory, which must exist (required, unless $OKTA_SSO_CONFIG names it)');
    expect((await run('--help')).out.replace(/\s+/g, ' ')).toContain('Exit code 2 is a usage error, the same for every command:');
  });
});

test('every command marks its required options in --help; --config says it is required unless OKTA_SSO_CONFIG is set', async () => {
  const { buildProgram } = require('../../cli/program') as typeof import('../../cli/program');
  const program = buildProgram();
  let required = 0;
  for (const command of program.commands) {
    const help = (await run(command.name(), '--help')).out.replace(/\s+/g, ' ');
    for (const option of command.options) {
      const line = help.slice(help.indexOf(option.flags), help.indexOf(' -', help.indexOf(option.flags) + option.flags.length));
      if (option.mandatory) {
        required++;
        expect(line).toMatch(/\(required\)/);
      } else if (option.long === '--config') {
        expect(line).toContain('(required, unless $OKTA_SSO_CONFIG names it)');
      } else {
        expect(line).not.toMatch(/\(required/);
      }
    }
  }
  // idp-record --env, adopt --env, promote --from/--to, review --base/--head.
  expect(required).toBeGreaterThanOrEqual(6);
});

test('unknown command or option: usage error, exit 2', async () => {
  expect((await run('bogus')).code).toBe(2);
  expect((await run('synth', '--bogus')).code).toBe(2);
});

test('--version prints the package version', async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  for (const flag of ['--version', '-V']) {
    const { code, out } = await run(flag);
    expect(code).toBe(0);
    expect(out).toBe(`${pkg.version}\n`);
  }
});

test('synth refuses an environment and an integration named constructor: located, exit 1, no internal error, nothing written', async () => {
  const env = MINIMAL_ENV.replace('dev:', 'constructor:').replace('wiki: {}', 'constructor: {}');
  const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('wiki:', 'constructor:'), 'env.yaml': env });
  const parent = tempDir();
  const result = await run('synth', '--config', dir, '--out', path.join(parent, 'out'));
  expect(result.code).toBe(1);
  expect(result.err).toContain(`${dir}/env.yaml:2:3: environments.constructor: key "constructor" is not accepted; accepted: lowercase letters`);
  expect(result.err).toContain(`${dir}/i.yaml:2:3: integrations.constructor: key "constructor" is not accepted; accepted: lowercase letters`);
  expect(result.err).not.toMatch(/already a Construct|    at /);
  expect(fs.readdirSync(parent)).toEqual([]);
});
