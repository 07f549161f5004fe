import * as fs from 'fs';
import { runCliCaptured } from '../helpers';
import { toolConfig } from './tool-config';

/** Whether an environment's app is active is that environment's own decision: promote never activates or deactivates another's app. */

async function promote(dir: string, ...flags: string[]) {
  return runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'prod', ...flags]);
}

const INACTIVE = '        # paused until the vendor contract is signed\n        status: INACTIVE\n';

test("prod's deactivated app stays deactivated: kept as prod's own, said so, --check passes, --write changes nothing", async () => {
  const { dir, prodFile } = toolConfig('', INACTIVE);
  const before = fs.readFileSync(prodFile, 'utf8');
  const check = await promote(dir, '--check');
  expect(check).toEqual({
    code: 0,
    out: "prod is in step with dev: nothing to promote\nkept as prod's own (env-specific, not compared): tool (acsUrl, audience, groups, status)\n",
    err: '',
  });
  const write = await promote(dir, '--write');
  expect(write.code).toBe(0);
  expect(write.out).toContain(`${prodFile} unchanged`);
  expect(fs.readFileSync(prodFile, 'utf8')).toBe(before);
});

test("dev's deactivated app does not deactivate prod's, nor fail prod's --check", async () => {
  const { dir, prodFile } = toolConfig(INACTIVE, '');
  const before = fs.readFileSync(prodFile, 'utf8');
  const check = await promote(dir, '--check');
  expect(check.code).toBe(0);
  expect(check.out).toBe("prod is in step with dev: nothing to promote\nkept as prod's own (env-specific, not compared): tool (acsUrl, audience, groups, status)\n");
  expect((await promote(dir, '--write')).code).toBe(0);
  expect(fs.readFileSync(prodFile, 'utf8')).toBe(before);
});

test("an integration prod lacks is added without dev's status, and the comment asks for prod's own", async () => {
  const { dir, prodFile } = toolConfig(INACTIVE, '');
  fs.writeFileSync(prodFile, 'environments:\n  prod:\n    okta: { orgName: example, baseUrl: okta.com }\n    integrations: {}\n');
  const dry = await promote(dir);
  expect(dry.out).toContain('    prod needs its own values for: acsUrl, audience, groups, status\n');
  await promote(dir, '--write');
  const after = fs.readFileSync(prodFile, 'utf8');
  expect(after).toContain("# promoted from dev; set prod's own values for: acsUrl, audience, groups, status");
  expect(after).not.toContain('INACTIVE');
});
