import * as fs from 'fs';
import { runCliCaptured } from '../helpers';
import { INTEGRATIONS, env, toolConfig } from './tool-config';

/** --check on a list both environments have: judged item by item, in order; an item only the target has fails nothing. */

async function promote(dir: string, ...flags: string[]) {
  return runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'prod', ...flags]);
}

const attributes = (...items: string[]) => `        attributes:\n${items.map((item) => `          - ${item}\n`).join('')}`;
const EMAIL = '{ name: email, values: [user.email] }';
const FIRST = '{ name: firstName, values: [user.firstName] }';
const EXTRA = '{ name: extra, values: [user.extra] }';
const EXTRA_LINE = '    attributes: only prod has the item {"name":"extra","values":["user.extra"]}; not checked (prod lacks nothing here); --write removes it\n';
const NOT_CHECKED = 'prod lacks what dev has (listed above, but for what is marked not checked)';

describe('promote --check: an item only the target has in a list both have', () => {
  test('is listed as only prod has, not checked, and --write removes it: --check passes', async () => {
    const { dir, prodFile } = toolConfig(attributes(EMAIL), attributes(EMAIL, `${EXTRA}   # prod only`));
    const check = await promote(dir, '--check');
    expect(check).toEqual({ code: 0, out: `prod differs from dev in 1 integration(s):\n  tool:\n${EXTRA_LINE}kept as prod's own (env-specific, not compared): tool (acsUrl, audience, groups)\n`, err: '' });
    expect((await promote(dir, '--write')).code).toBe(0);
    expect(fs.readFileSync(prodFile, 'utf8')).toBe(env('prod', 'example', attributes(EMAIL)));
  });

  test('in a list the target overrides where the source uses the shared one: the same', async () => {
    const { dir } = toolConfig('', attributes(EMAIL, EXTRA), `${INTEGRATIONS}    attributes: [${EMAIL}]\n`);
    const check = await promote(dir, '--check');
    expect(check.code).toBe(0);
    expect(check.out).toContain(`  tool:\n${EXTRA_LINE}kept`);
  });

  test('does not hide an item changed beside it: exit 1, each item on its own line', async () => {
    const { dir } = toolConfig(attributes('{ name: email, values: [user.email, user.secondEmail] }'), attributes(EMAIL, EXTRA));
    const check = await promote(dir, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain(
      `  tool:\n    attributes: prod has the item {"name":"email","values":["user.email"]}, dev has {"name":"email","values":["user.email","user.secondEmail"]}\n${EXTRA_LINE}`,
    );
    expect(check.err).toContain(NOT_CHECKED);
  });

  test('does not hide an item the target lacks', async () => {
    const { dir } = toolConfig(attributes(EMAIL, FIRST), attributes(EMAIL, EXTRA));
    const check = await promote(dir, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain(`  tool:\n    attributes: prod lacks the item {"name":"firstName","values":["user.firstName"]}\n${EXTRA_LINE}`);
    expect(check.err).toContain(NOT_CHECKED);
  });
});

describe('promote --check: lists are compared in order', () => {
  test('an item in another place fails the check (attribute statements are sent in their order), and --write puts it in its place', async () => {
    const { dir, prodFile } = toolConfig(attributes(EMAIL, FIRST), attributes(FIRST, `${EMAIL}   # mail`));
    const check = await promote(dir, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('  tool:\n    attributes: prod has the item {"name":"email","values":["user.email"]} as item 2, dev as item 1 (the order counts)\n');
    expect(check.err).toContain('prod lacks what dev has (listed above);');
    expect((await promote(dir, '--write')).code).toBe(0);
    expect(fs.readFileSync(prodFile, 'utf8')).toBe(env('prod', 'example', attributes(`${EMAIL}   # mail`, FIRST)));
  });

  test('an item changed and in another place: both said on its line', async () => {
    const { dir } = toolConfig(attributes('{ name: email, values: [user.login] }', FIRST), attributes(FIRST, EMAIL));
    const check = await promote(dir, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('    attributes: prod has the item {"name":"email","values":["user.email"]} as item 2, dev has {"name":"email","values":["user.login"]} as item 1\n');
  });

  test('an item in another place, written with its keys in another order: only its place is said', async () => {
    const { dir } = toolConfig(attributes(EMAIL, FIRST), attributes(FIRST, '{ values: [user.email], name: email }'));
    const check = await promote(dir, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('    attributes: prod has the item {"values":["user.email"],"name":"email"} as item 2, dev as item 1 (the order counts)\n');
  });

  test('the same item with its keys in another order is no difference', async () => {
    const { dir } = toolConfig(attributes(EMAIL), attributes('{ values: [user.email], name: email }'));
    const r = await promote(dir, '--check');
    expect(r).toEqual({ code: 0, out: expect.stringContaining('prod is in step with dev: nothing to promote'), err: '' });
  });
});
