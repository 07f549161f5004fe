import * as fs from 'fs';
import * as path from 'path';
import { runCliCaptured, writeConfigDir } from '../helpers';
import { toolConfig } from './tool-config';

/** A generic SP's relay state is a page of its tenant, one per environment: never promoted; Aiven's is one of its consoles, promoted. */

async function promote(dir: string, ...flags: string[]) {
  return runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'prod', ...flags]);
}

test("a generic SP's relay state in dev is kept as dev's own: prod keeps its own, --check passes, --write changes nothing", async () => {
  const { dir, prodFile } = toolConfig('        relayState: https://tool-dev.example.com/home\n', '        relayState: https://tool-prod.example.com/home\n');
  const before = fs.readFileSync(prodFile, 'utf8');
  const check = await promote(dir, '--check');
  expect(check.code).toBe(0);
  expect(check.out).toContain("kept as prod's own (env-specific, not compared): tool (acsUrl, audience, groups, relayState)");
  expect((await promote(dir, '--write')).code).toBe(0);
  expect(fs.readFileSync(prodFile, 'utf8')).toBe(before);
});

test("Aiven's console (its relay state) is promoted", async () => {
  const aiven = (name: string, org: string, id: string, extra = '') =>
    `environments:\n  ${name}:\n    okta: { orgName: ${org}, baseUrl: okta.com }\n    integrations:\n      aiven:\n        aiven: { accountId: a0b8e61f3c9${id}, methodId: am0b8e61f3c9${id} }\n        groups: [Everyone]\n${extra}`;
  const dir = writeConfigDir({
    'integrations.yaml': 'integrations:\n  aiven:\n    preset: aiven\n',
    'environments/dev.yaml': aiven('dev', 'example-dev', '2', '        relayState: https://console.gcp.aiven.io/\n'),
    'environments/prod.yaml': aiven('prod', 'example', '3'),
  });
  const check = await promote(dir, '--check');
  expect(check.err).toContain('prod lacks what dev has');
  expect(check.code).toBe(1);
  expect(check.out).toContain('relayState');
  expect((await promote(dir, '--write')).code).toBe(0);
  expect(fs.readFileSync(path.join(dir, 'environments', 'prod.yaml'), 'utf8')).toContain('relayState: https://console.gcp.aiven.io/');
});
