import * as fs from 'fs';
import * as path from 'path';
import { checkConfig } from '../../cli/check-config';
import { runCliCaptured, writeConfigDir } from '../helpers';
import { env } from './tool-config';

/** `tool` renamed `tool_main` (renamedFrom: tool) in the shared entry and in dev; `others` name the environments still under the old key. */
function renamedInDev(others: string[]): string {
  const files: Record<string, string> = {
    'integrations.yaml': 'integrations:\n  tool_main:\n    renamedFrom: tool\n    preset: generic\n    label: Tool\n',
    'environments/dev.yaml': env('dev', 'example-dev', '').replace('      tool:\n', '      tool_main:\n'),
  };
  for (const name of others) files[`environments/${name}.yaml`] = `${env(name, `example-${name}`, '        # ours: the platform team\n')}`;
  return writeConfigDir(files);
}

async function promote(dir: string, to: string, ...flags: string[]) {
  return runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', to, ...flags]);
}

test("validate names an entry still under the integration's old key as renamed, and how to fix it", () => {
  const { problems } = checkConfig(renamedInDev(['prod']));
  expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
    'environments.prod.integrations.tool: environment "prod" enables "tool", which is renamed "tool_main" (renamedFrom); accepted: its entry under "tool_main", values kept (okta-sso promote --from dev --to prod --write renames it, and promotes dev\'s other differences too)',
  ]);
});

test('--check fails on it and --write renames the entry in place: its values and comments kept, nothing added beside it', async () => {
  const dir = renamedInDev(['prod']);
  const prodFile = path.join(dir, 'environments', 'prod.yaml');
  const before = fs.readFileSync(prodFile, 'utf8');
  const check = await promote(dir, 'prod', '--check');
  expect(check.code).toBe(1);
  expect(check.out).toContain("  tool_main: renamed from tool (renamedFrom): prod still enables it as tool; --write renames its entry, keeping its values\n");
  expect(check.out).not.toContain('only in prod');

  const write = await promote(dir, 'prod', '--write');
  expect(write).toMatchObject({ code: 0, err: '' });
  expect(fs.readFileSync(prodFile, 'utf8')).toBe(before.replace('      tool:\n', '      tool_main:\n'));
  expect(checkConfig(dir).problems).toEqual([]);
  expect((await promote(dir, 'prod', '--check')).code).toBe(0);
});

test('another environment still under the old key does not stop a promotion into this one: each is renamed in turn', async () => {
  const dir = renamedInDev(['prod', 'staging']);
  const first = await promote(dir, 'staging', '--write');
  // Written; the config still has prod's entry to rename, which the message names.
  expect(first.out).toContain('wrote ');
  expect(first.err).toContain('environment "prod" enables "tool", which is renamed "tool_main"');
  expect(first.err).not.toContain('environment "staging"');
  const second = await promote(dir, 'prod', '--write');
  expect(second).toMatchObject({ code: 0, err: '' });
  expect(checkConfig(dir).problems).toEqual([]);
});
