import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE_DIR, listFiles, runCliCaptured, tempDir } from '../helpers';

/** A copy of the example config, and an output path beside it. */
function project(): { config: string; out: string } {
  const root = tempDir();
  const config = path.join(root, 'config');
  fs.cpSync(EXAMPLE_DIR, config, { recursive: true });
  return { config, out: path.join(root, 'cdktf.out') };
}

const read = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

/** Renames the Aiven app in every environment (shared settings). */
function relabel(config: string, label: string): void {
  const file = path.join(config, 'integrations.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('label: Aiven', `label: ${label}`));
}

test('--env rewrites the named environments only; the others keep their previous output, and manifest.json lists every stack', async () => {
  const { config, out } = project();
  expect((await runCliCaptured(['synth', '--config', config, '--out', out])).code).toBe(0);
  const before = read(out);
  relabel(config, 'Aiven Renamed');
  const run = await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'dev', '--env', 'prod']);
  expect(run).toMatchObject({ code: 0, err: '' });
  expect(run.out).toContain('synthesized 2 stack(s)');
  // Where each synthesized stack's admin steps are.
  expect(run.out).toContain('runbooks (the admin steps Terraform cannot apply):\n  stacks/dev/runbook.md\n  stacks/prod/runbook.md\n');
  expect(run.out).toContain('kept the previous output of 1 stack(s), not synthesized now:\n  stacks/staging/cdk.tf.json');
  const after = read(out);
  for (const env of ['dev', 'prod']) expect(after[`stacks/${env}/cdk.tf.json`]).toContain('Aiven Renamed');
  for (const file of ['cdk.tf.json', 'runbook.json', 'runbook.md']) expect(after[`stacks/staging/${file}`]).toBe(before[`stacks/staging/${file}`]);
  expect(after['manifest.json']).toBe(before['manifest.json']);
  // The full synth of the new config gives the same dev and prod.
  const full = path.join(path.dirname(out), 'full.out');
  await runCliCaptured(['synth', '--config', config, '--out', full]);
  for (const env of ['dev', 'prod']) expect(after[`stacks/${env}/cdk.tf.json`]).toBe(read(full)[`stacks/${env}/cdk.tf.json`]);
});

test('an environment the config does not have: exit 2, the accepted names, nothing written', async () => {
  const { config, out } = project();
  await runCliCaptured(['synth', '--config', config, '--out', out]);
  const before = read(out);
  const link = fs.readlinkSync(out);
  const run = await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'prd']);
  expect(run.code).toBe(2);
  expect(run.err).toBe('okta-sso synth: --env: no environment "prd" in config; accepted: "dev", "prod", "staging"; nothing written\n');
  expect(fs.readlinkSync(out)).toBe(link);
  expect(read(out)).toEqual(before);
});

test('no previous output of an environment to keep: exit 1, nothing written', async () => {
  const { config, out } = project();
  const run = await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'dev']);
  expect(run.code).toBe(1);
  expect(run.err).toContain(`--out ${out} has no complete previous output of environments "prod", "staging" to keep; synthesize them too (--env prod --env staging), or every environment (no --env); nothing written`);
  expect(fs.readdirSync(path.dirname(out))).toEqual(['config']);
});

test('only the files synth writes are kept, and a link in the previous output is not followed', async () => {
  const { config, out } = project();
  await runCliCaptured(['synth', '--config', config, '--out', out]);
  // What `terraform init` installs in a stack directory is not synth output; its lock file, the provider versions chosen, is carried.
  fs.mkdirSync(path.join(out, 'stacks', 'staging', '.terraform'));
  fs.writeFileSync(path.join(out, 'stacks', 'staging', '.terraform.lock.hcl'), '# This file is maintained automatically by "terraform init".\n');
  expect((await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'dev'])).code).toBe(0);
  expect(fs.readdirSync(path.join(out, 'stacks', 'staging')).sort()).toEqual(['.terraform.lock.hcl', 'cdk.tf.json', 'runbook.json', 'runbook.md']);

  const secret = path.join(path.dirname(out), 'outside.json');
  fs.writeFileSync(secret, '{"outside": true}');
  const staged = path.join(out, 'stacks', 'staging', 'cdk.tf.json');
  fs.rmSync(staged);
  fs.symlinkSync(secret, staged);
  const run = await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'dev']);
  expect(run.code).toBe(1);
  expect(run.err).toContain('has no complete previous output of environment "staging" to keep');
});

test('an environment removed from config is not kept', async () => {
  const { config, out } = project();
  await runCliCaptured(['synth', '--config', config, '--out', out]);
  fs.rmSync(path.join(config, 'environments', 'staging.yaml'));
  expect((await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'dev'])).code).toBe(0);
  expect(fs.readdirSync(path.join(out, 'stacks')).sort()).toEqual(['dev', 'prod']);
  expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).stacks).sort()).toEqual(['dev', 'prod']);
});

describe('a kept stack for another org or state than today\'s config gives is refused, nothing written', () => {
  test('the config directory moved: the kept stacks would read another (empty) local state', async () => {
    const { config, out } = project();
    await runCliCaptured(['synth', '--config', config, '--out', out]);
    const link = fs.readlinkSync(out);
    const moved = path.join(path.dirname(config), 'org', 'acme');
    fs.mkdirSync(path.dirname(moved));
    fs.renameSync(config, moved);
    const run = await runCliCaptured(['synth', '--config', moved, '--out', out, '--env', 'prod', '--env', 'staging']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`holds output that today's config would not write: environment "dev"'s state backend is {"local":{"path":"../../../config/state/dev.tfstate"}} there, {"local":{"path":"../../../org/acme/state/dev.tfstate"}} now; synthesize it too (--env dev)`);
    expect(fs.readlinkSync(out)).toBe(link);
  });

  test('--out holds another organisation\'s output', async () => {
    const { config, out } = project();
    await runCliCaptured(['synth', '--config', config, '--out', out]);
    for (const env of ['dev', 'prod', 'staging']) {
      const file = path.join(config, 'environments', `${env}.yaml`);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/orgName: acme/, 'orgName: other'));
    }
    const run = await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'dev']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`environment "prod"'s Okta org name is "acme" there, "other" now; environment "staging"'s Okta org name is "acme-staging" there, "other-staging" now; synthesize them too (--env prod --env staging)`);
  });
});

test.each([
  ['a runbook that is a directory', (stack: string) => (fs.rmSync(path.join(stack, 'runbook.json')), fs.mkdirSync(path.join(stack, 'runbook.json')))],
  ['a missing runbook', (stack: string) => fs.rmSync(path.join(stack, 'runbook.md'))],
  ['a stack directory that is a link', (stack: string) => (fs.renameSync(stack, `${stack}-elsewhere`), fs.symlinkSync(`${stack}-elsewhere`, stack))],
])('an incomplete kept stack (%s) is refused', async (_name, spoil) => {
  const { config, out } = project();
  await runCliCaptured(['synth', '--config', config, '--out', out]);
  spoil(path.join(fs.realpathSync(out), 'stacks', 'prod'));
  const run = await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'dev', '--env', 'staging']);
  expect(run.code).toBe(1);
  expect(run.err).toContain('has no complete previous output of environment "prod" to keep; synthesize it too (--env prod)');
});

test('kept manifest.json entries are written as synth writes them, whatever the previous manifest said', async () => {
  const { config, out } = project();
  await runCliCaptured(['synth', '--config', config, '--out', out]);
  const whole = fs.readFileSync(path.join(out, 'manifest.json'), 'utf8');
  fs.writeFileSync(path.join(fs.realpathSync(out), 'manifest.json'), JSON.stringify({ stacks: { prod: 5, staging: { name: 'evil', synthesizedStackPath: '../../x' } } }));
  expect((await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'dev'])).code).toBe(0);
  expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe(whole);
});

test('a config warning about an environment not synthesized now waits for its own synth', async () => {
  const { config, out } = project();
  const staging = path.join(config, 'environments', 'staging.yaml');
  fs.writeFileSync(staging, fs.readFileSync(staging, 'utf8').replace(/okta: \{ orgName: acme-staging([^}]*)\}/, 'okta: { orgName: acme-staging$1, providerVersion: ">= 6.6.0" }'));
  await runCliCaptured(['synth', '--config', config, '--out', out]);
  const warning = /providerVersion: .*6\.14\.0/;
  expect((await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'dev'])).err).not.toMatch(warning);
  expect((await runCliCaptured(['synth', '--config', config, '--out', out, '--env', 'staging'])).err).toMatch(warning);
});
