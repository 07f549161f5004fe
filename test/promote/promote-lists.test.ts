import * as fs from 'fs';
import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { runCliCaptured, writeConfigDir } from '../helpers';
import { INTEGRATIONS, env, toolConfig } from './tool-config';

/** promote --write into lists, flow maps and quoted strings: only what changes is touched; comments stay with what they were written on. */

/** Promotes dev's `devExtra` over prod's `prodExtra`: the write must validate, read back as dev's settings, and leave nothing to do. */
async function promoted(devExtra: string, prodExtra: string): Promise<string> {
  const { dir, prodFile: file } = toolConfig(devExtra, prodExtra);
  const r = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'prod', '--write']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const after = fs.readFileSync(file, 'utf8');
  const { model, problems } = readConfig(dir);
  expect(problems).toEqual([]);
  const [dev, prod] = ['dev', 'prod'].map((name) => model!.environments.find((e) => e.name === name)!.integrations[0].saml);
  expect({ ...prod, acsUrl: '', recipient: '', destination: '', audience: '' }).toEqual({ ...dev, acsUrl: '', recipient: '', destination: '', audience: '' });
  const again = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'prod', '--write']);
  expect(again.out).toContain('prod is in step with dev: nothing to promote');
  expect(fs.readFileSync(file, 'utf8')).toBe(after);
  return after;
}

describe('a list the target has: only the items that change are touched', () => {
  const PROD = `        attributes:
          - name: email    # mail
            values: [user.email]
          # shown in greetings
          - name: firstName   # given name
            values: [user.firstName]
`;

  test('an added item comes after the others, written as they are (block maps); their comments and spacing stay', async () => {
    const dev = `        attributes:
          - { name: email, values: [user.email] }
          - { name: firstName, values: [user.firstName] }
          - { name: lastName, values: [user.lastName] }
`;
    expect(await promoted(dev, PROD)).toBe(env('prod', 'example', `${PROD}          - name: lastName\n            values: [user.lastName]\n`));
  });

  test('a changed item keeps its place and its comment; a removed one goes with the comment lines above it', async () => {
    const dev = `        attributes:
          - { name: firstName, values: [user.firstName, user.nickName] }
`;
    expect(await promoted(dev, PROD)).toBe(env('prod', 'example', `        attributes:
          # shown in greetings
          - name: firstName   # given name
            values: [user.firstName, user.nickName]
`));
  });

  test('a changed item that the source lists elsewhere keeps its comment where it ends up', async () => {
    const prod = `        attributes:
          - { name: email, values: [user.email] }      # email prod
          - { name: firstName, values: [user.firstName] }   # given name
`;
    const dev = `        attributes:
          - { name: firstName, values: [user.firstName] }
          - { name: email, values: [user.email, user.secondEmail] }
`;
    expect(await promoted(dev, prod)).toBe(env('prod', 'example', `        attributes:
          - { name: firstName, values: [user.firstName] }   # given name
          - { name: email, values: [user.email, user.secondEmail] }      # email prod
`));
  });

  test('items written as flow maps: an added one is a flow map on its own line', async () => {
    const prod = '        attributes:\n          - { name: email, values: [user.email] }     # mail\n';
    const dev = '        attributes:\n          - name: email\n            values: [user.email]\n          - name: firstName\n            values: [user.firstName]\n';
    expect(await promoted(dev, prod)).toBe(env('prod', 'example', `${prod}          - { name: firstName, values: [user.firstName] }\n`));
  });
});

test('a list the target lacks is written one item per line as `- { … }`, an item too long for one line as a block map (its long list below)', async () => {
  const long = 'user.'.padEnd(90, 'x');
  const dev = `        attributes:
          - name: email
            values: [user.email]
          - { name: department, values: [${long}] }
`;
  expect(await promoted(dev, '')).toBe(
    env('prod', 'example', `        attributes:\n          - { name: email, values: [user.email] }\n          - name: department\n            values:\n              - ${long}\n`),
  );
});

describe('quoting', () => {
  const filter = (value: string) => `        groupAttribute: { name: groups, filter: { type: regex, value: ${value} } }\n`;

  test.each([['"^(Data|Analytics)-.*"'], ["'^(Data|Analytics)-.*'"], ['^(Data|Analytics)-.*']])('a promoted string keeps the source quoting (%s)', async (written) => {
    expect(await promoted(filter(written), filter('"^Old-.*"'))).toBe(env('prod', 'example', filter(written)));
  });

  test('values that do not change keep their own quoting, also inside a changed item or map', async () => {
    const prod = `        attributes:
          - { name: "email", values: ['user.email'] }   # mail
        groupAttribute: { name: 'groups', filter: { type: regex, value: "^Old-.*" } }
`;
    const dev = `        attributes:
          - { name: email, values: [user.email, user.login] }
        groupAttribute: { name: groups, filter: { type: regex, value: "^New-.*" } }
`;
    expect(await promoted(dev, prod)).toBe(
      env('prod', 'example', prod.replace("['user.email']", "['user.email', user.login]").replace('"^Old-.*"', '"^New-.*"')),
    );
  });
});

describe('a flow map written one entry per line', () => {
  const PROD = `        signing: {
          digest: SHA256,         # first
          assertionSigned: true   # second
        }
`;

  test('a key the source adds gets its own line; a key removed goes with its comment, which never lands on another key', async () => {
    const after = await promoted('        signing: { algorithm: RSA_SHA256, digest: SHA256 }\n', PROD);
    expect(after).toBe(env('prod', 'example', '        signing: {\n          digest: SHA256,         # first\n          algorithm: RSA_SHA256\n        }\n'));
    expect(after).not.toContain('# second');
  });

  test('removing the last entry keeps the comment of the one before it, in its column', async () => {
    const after = await promoted('        signing: { digest: SHA256 }\n', PROD);
    expect(after).toBe(env('prod', 'example', '        signing: {\n          digest: SHA256          # first\n        }\n'));
  });

  test('a changed value is replaced where it stands, its comment kept', async () => {
    const prod = PROD.replace('assertionSigned: true', 'responseSigned: false');
    const dev = '        signing: { digest: SHA256, responseSigned: true }\n';
    expect(await promoted(dev, prod)).toBe(env('prod', 'example', prod.replace('responseSigned: false', 'responseSigned: true')));
  });
});

test('a list the target writes as an alias is replaced whole, never edited through the alias (which would change the anchored list too)', async () => {
  const integrations = `${INTEGRATIONS}  crm:\n    preset: generic\n`;
  const crm = (name: string, attributes: string) =>
    `      crm:\n        acsUrl: https://crm-${name}.example.com/saml/acs\n        audience: https://crm-${name}.example.com/saml/metadata\n        groups: [Sales]\n        attributes: ${attributes}\n`;
  const devAttributes = '\n          - { name: email, values: [user.email] }\n          - { name: firstName, values: [user.firstName] }\n';
  const dev = env('dev', 'example-dev', `        attributes:${devAttributes}`) + crm('dev', '&attrs [{ name: email, values: [user.email] }]');
  const prod = env('prod', 'example', '        attributes: *attrs\n').replace('      tool:\n', `${crm('prod', '&attrs [{ name: email, values: [user.email] }]')}      tool:\n`);
  const dir = writeConfigDir({ 'integrations.yaml': integrations, 'environments/dev.yaml': dev, 'environments/prod.yaml': prod });
  const file = path.join(dir, 'environments', 'prod.yaml');
  const r = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'prod', '--write']);
  expect(r.err).toBe('');
  expect(fs.readFileSync(file, 'utf8')).toBe(prod.replace('        attributes: *attrs\n', `        attributes:${devAttributes}`));
});
