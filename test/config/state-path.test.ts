import * as fs from 'fs';
import * as path from 'path';
import { MINIMAL_INTEGRATIONS, listFiles, runCliCaptured, tempDir, writeConfigDir } from '../helpers';

/** A config dir whose dev environment has `backend` (YAML flow text). */
function configWith(backend: string, providerVersion?: string): string {
  const okta = `{ orgName: example-dev, baseUrl: oktapreview.com${providerVersion ? `, providerVersion: "${providerVersion}"` : ''} }`;
  return writeConfigDir({
    'integrations.yaml': MINIMAL_INTEGRATIONS,
    'environments.yaml': `environments:\n  dev:\n    okta: ${okta}\n    backend: ${backend}\n    integrations:\n      wiki: {}\n`,
  });
}

/** validate and synth both refuse, at file:line and field path, and synth writes nothing. */
async function expectRefused(dir: string, message: string) {
  const before = listFiles(dir);
  const validate = await runCliCaptured(['validate', '--config', dir]);
  expect(validate.code).toBe(1);
  expect(validate.err).toContain(`environments.yaml:4:`);
  expect(validate.err).toContain(message);
  const out = path.join(tempDir(), 'cdktf.out');
  const synth = await runCliCaptured(['synth', '--config', dir, '--out', out]);
  expect(synth.code).toBe(1);
  expect(fs.existsSync(out)).toBe(false);
  expect(listFiles(dir)).toEqual(before);
}

const ACCEPTED = 'accepted: a file path inside the config directory, outside the synth output, not ending in .yaml, .yml, .json or .xml (default: state/<env>.tfstate)';

describe('local state path: a file inside the config directory', () => {
  test.each([
    ['.', 'names a directory, not a file'],
    ['../shared.tfstate', 'is outside the config directory'],
  ])('path %j is refused: it %s', async (statePath, why) => {
    await expectRefused(configWith(`{ type: local, path: "${statePath}" }`), `environments.dev.backend.path: state path ${JSON.stringify(statePath)} ${why}; ${ACCEPTED}`);
  });

  test('an existing directory is refused', async () => {
    const dir = configWith('{ type: local, path: state }');
    fs.mkdirSync(path.join(dir, 'state'));
    await expectRefused(dir, `environments.dev.backend.path: state path "state" is an existing directory; ${ACCEPTED}`);
    fs.rmdirSync(path.join(dir, 'state'));
  });

  test('a path through a symbolic link that leads outside the config directory is refused', async () => {
    const dir = configWith('{ type: local, path: state/dev.tfstate }');
    fs.symlinkSync(tempDir(), path.join(dir, 'state'));
    await expectRefused(dir, `environments.dev.backend.path: state path "state/dev.tfstate" resolves outside the config directory (symbolic links followed); ${ACCEPTED}`);
    fs.unlinkSync(path.join(dir, 'state'));
  });

  test('a path that is a symbolic link to a config file is refused: apply would write state over it', async () => {
    const dir = configWith('{ type: local, path: state/dev.tfstate }');
    const config = fs.readdirSync(dir).find((f) => f.endsWith('.yaml'))!;
    fs.mkdirSync(path.join(dir, 'state'));
    fs.symlinkSync(`../${config}`, path.join(dir, 'state', 'dev.tfstate'));
    await expectRefused(dir, `environments.dev.backend.path: state path "state/dev.tfstate" leads through a symbolic link to a .yaml file: the config directory's config and SP metadata, where Terraform would write state; ${ACCEPTED}`);
  });

  test('a file path inside, existing or not yet, is accepted', async () => {
    const dir = configWith('{ type: local, path: state/dev.tfstate }');
    expect((await runCliCaptured(['validate', '--config', dir])).code).toBe(0);
    fs.mkdirSync(path.join(dir, 'state'));
    fs.writeFileSync(path.join(dir, 'state', 'dev.tfstate'), '{}');
    expect((await runCliCaptured(['validate', '--config', dir])).code).toBe(0);
  });
});

describe('backend and provider version values that are accepted but wrong', () => {
  test('a NUL in the S3 bucket is named by code point, at its line', async () => {
    await expectRefused(
      configWith('{ type: s3, bucket: "acme-state\\0", key: okta.tfstate, region: eu-west-1 }'),
      'environments.dev.backend.bucket: contains U+0000 (NUL) at character 11; accepted: text without control',
    );
  });

  test('a zero-width space in the region, never printed', async () => {
    const dir = configWith('{ type: s3, bucket: acme-state, key: okta.tfstate, region: "eu-west-1\\u200B" }');
    await expectRefused(dir, 'environments.dev.backend.region: contains U+200B (zero-width space) at character 10');
    expect((await runCliCaptured(['validate', '--config', dir])).err).not.toContain('\u200B');
  });

  test.each(['> 6.6, < 6.0', '~> 99'])('providerVersion %j admits no release', async (constraint) => {
    const dir = writeConfigDir({
      'integrations.yaml': MINIMAL_INTEGRATIONS,
      'environments.yaml': `environments:\n  dev:\n    okta: { orgName: example-dev, providerVersion: "${constraint}" }\n    integrations:\n      wiki: {}\n`,
    });
    const validate = await runCliCaptured(['validate', '--config', dir]);
    expect(validate.code).toBe(1);
    expect(validate.err).toContain(`environments.yaml:3:`);
    expect(validate.err).toContain(`environments.dev.okta.providerVersion: provider version constraint ${JSON.stringify(constraint)} admits no okta/okta release`);
  });
});
