import * as fs from 'fs';
import * as path from 'path';
import { runCliCaptured, writeConfigDir } from '../helpers';
import { INTEGRATIONS, env, toolConfig } from './tool-config';

/** `adopt` names an environment's own live Okta objects: promote never compares or copies it (another org's IDs would import the wrong app). */

const ADOPT = '        adopt: { oktaAppId: 0oa1234567890abcdefg }\n';

async function promote(dir: string, ...flags: string[]) {
  return runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'prod', ...flags]);
}

test("the source's adopted app ID is not promoted: kept as the target's own, and --check passes", async () => {
  const { dir, prodFile } = toolConfig(ADOPT, '');
  const before = fs.readFileSync(prodFile, 'utf8');
  const r = await promote(dir, '--check');
  expect(r).toEqual({ code: 0, out: "prod is in step with dev: nothing to promote\nkept as prod's own (env-specific, not compared): tool (acsUrl, adopt.oktaAppId, audience, groups)\n", err: '' });
  expect((await promote(dir, '--write')).code).toBe(0);
  expect(fs.readFileSync(prodFile, 'utf8')).toBe(before);
});

test('an integration the target lacks is added without the source\'s adopt block, which it needs no value for', async () => {
  const prod = 'environments:\n  prod:\n    okta: { orgName: example, baseUrl: okta.com }\n    integrations:\n      other:\n        acsUrl: https://other.example.com/saml/acs\n        audience: https://other.example.com/saml/metadata\n        groups: [Everyone]\n';
  const dir = writeConfigDir({
    'integrations.yaml': `${INTEGRATIONS}  other:\n    preset: generic\n`,
    'environments/dev.yaml': `${env('dev', 'example-dev', `${ADOPT}        label: Tool\n`)}`,
    'environments/prod.yaml': prod,
  });
  const r = await promote(dir, '--write');
  expect(r.out).toContain('  tool: missing in prod (would copy label)\n    prod needs its own values for: acsUrl, audience, groups\n');
  const written = fs.readFileSync(path.join(dir, 'environments', 'prod.yaml'), 'utf8');
  expect(written).toContain("# promoted from dev; set prod's own values for: acsUrl, audience, groups\n");
  expect(written).not.toContain('adopt');
});

test('a target file that is a symbolic link inside the config directory stays one: promote writes what it leads to', async () => {
  const { dir, prodFile } = toolConfig('        label: Tool\n', '');
  fs.mkdirSync(path.join(dir, 'real'));
  fs.renameSync(prodFile, path.join(dir, 'real', 'prod.yml'));
  fs.symlinkSync('../real/prod.yml', prodFile);
  const r = await promote(dir, '--write');
  expect(r.code).toBe(0);
  expect(fs.lstatSync(prodFile).isSymbolicLink()).toBe(true);
  expect(fs.readFileSync(path.join(dir, 'real', 'prod.yml'), 'utf8')).toContain('label: Tool');
  expect((await runCliCaptured(['validate', '--config', dir])).code).toBe(0);
});
