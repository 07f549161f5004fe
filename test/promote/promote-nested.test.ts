import * as fs from 'fs';
import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { runCliCaptured, writeConfigDir } from '../helpers';

const INTEGRATIONS = `integrations:
  wiki:
    preset: generic
    label: Wiki
  crm:
    preset: generic
    label: CRM
`;

/** dev's wiki with `signing` written as `style` gives it; crm equal in both environments. */
function devWith(signing: string, extra = ''): string {
  return `environments:
  dev:
    okta: { orgName: example-dev, baseUrl: oktapreview.com }
    integrations:
      wiki:
        acsUrl: https://wiki-dev.example.com/saml/acs
        audience: https://wiki-dev.example.com/saml/metadata
        groups: [Everyone-Dev]
${signing}${extra}      crm:
        acsUrl: https://crm-dev.example.com/saml/acs
        audience: https://crm-dev.example.com/saml/metadata
        groups: [Sales-Dev]
        signing: { digest: SHA256 }
`;
}

const FLOW = '        signing: { algorithm: RSA_SHA256, digest: SHA256 }\n';
const BLOCK = '        signing:\n          algorithm: RSA_SHA256\n          digest: SHA256\n';

/** prod with comments spaced by hand, which must keep every byte. */
const PROD_HEAD = `# Production: the live org.
environments:
  prod:
    okta: { orgName: example, baseUrl: okta.com }      # the live org
    integrations:
`;
const CRM = `      crm:
        acsUrl: https://crm.example.com/saml/acs
        audience: https://crm.example.com/saml/metadata
        groups: [Sales]
        signing: { digest: SHA256 }
`;
const WIKI_BLOCK = `      wiki:
        acsUrl: https://wiki.example.com/saml/acs     # as the wiki shows it
        audience: https://wiki.example.com/saml/metadata
        groups: [ Everyone ]   #   padded on purpose
`;

function configDir(dev: string, prod: string): { dir: string; prodFile: string } {
  const dir = writeConfigDir({ 'integrations.yaml': INTEGRATIONS, 'environments/dev.yaml': dev, 'environments/prod.yaml': prod });
  return { dir, prodFile: path.join(dir, 'environments', 'prod.yaml') };
}

async function promote(dir: string, ...flags: string[]) {
  return runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'prod', ...flags]);
}

/** Writes, then checks the result validates, reads back dev's signing, and that a second run has nothing to do. */
async function promoteTwice(dir: string, file: string): Promise<string> {
  const r = await promote(dir, '--write');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain('signing.algorithm: prod lacks "RSA_SHA256"');
  const after = fs.readFileSync(file, 'utf8');
  const { model, problems } = readConfig(dir);
  expect(problems).toEqual([]);
  const wiki = model!.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'wiki')!;
  expect(wiki.saml.signing).toMatchObject({ algorithm: 'RSA_SHA256', digest: 'SHA256' });
  const again = await promote(dir, '--write');
  expect(again.code).toBe(0);
  expect(again.out).toContain('prod is in step with dev: nothing to promote');
  expect(fs.readFileSync(file, 'utf8')).toBe(after);
  expect((await promote(dir, '--check')).code).toBe(0);
  return after;
}

describe('promote --write: nested maps', () => {
  test.each([
    ['flow', FLOW],
    ['block', BLOCK],
  ])('a %s-style map in the source is written as a block map where the target has none; every other byte kept', async (_style, signing) => {
    const prod = `${PROD_HEAD}${WIKI_BLOCK}${CRM}`;
    const { dir, prodFile } = configDir(devWith(signing), prod);
    const after = await promoteTwice(dir, prodFile);
    const groups = '        groups: [ Everyone ]   #   padded on purpose\n';
    expect(after).toBe(prod.replace(groups, `${groups}        signing:\n          algorithm: RSA_SHA256\n          digest: SHA256\n`));
  });

  test.each([
    ['flow', FLOW],
    ['block', BLOCK],
  ])('a %s-style map is written inside a flow-style integration as a flow map', async (_style, signing) => {
    const wiki = '      wiki: { acsUrl: https://wiki.example.com/saml/acs, audience: https://wiki.example.com/saml/metadata, groups: [Everyone] }  # one line\n';
    const prod = `${PROD_HEAD}${wiki}${CRM}`;
    const { dir, prodFile } = configDir(devWith(signing), prod);
    const after = await promoteTwice(dir, prodFile);
    expect(after).toBe(prod.replace('groups: [Everyone] }', 'groups: [Everyone], signing: { algorithm: RSA_SHA256, digest: SHA256 } }'));
  });

  test('a key the target lacks is added inside its existing flow map, a changed value replaced in place: comments keep their spacing', async () => {
    const wiki = `${WIKI_BLOCK}        label: Old wiki      # renamed soon\n        signing: { digest: SHA256 }    # partial\n`;
    const prod = `${PROD_HEAD}${wiki}${CRM}`;
    const { dir, prodFile } = configDir(devWith(FLOW, '        label: The Wiki\n'), prod);
    const after = await promoteTwice(dir, prodFile);
    expect(after).toBe(prod.replace('label: Old wiki      #', 'label: The Wiki      #').replace('{ digest: SHA256 }    # partial', '{ digest: SHA256, algorithm: RSA_SHA256 }    # partial'));
  });

  test.each([
    ['with no override (`wiki:`)', '      wiki:\n', '      wiki:\n        signing:\n          algorithm: RSA_SHA256\n          digest: SHA256\n'],
    ['with an empty override (`wiki: {}   # comment`)', '      wiki: {}   # enabled\n', '      wiki:   # enabled\n        signing:\n          algorithm: RSA_SHA256\n          digest: SHA256\n'],
  ])('an integration enabled %s gets the nested map below its key', async (_name, wiki, written) => {
    // The generic preset's URLs and groups in prod's shared block, so that an empty override validates.
    const shared = INTEGRATIONS.replace('    label: Wiki\n', '    label: Wiki\n    acsUrl: https://wiki.example.com/saml/acs\n    audience: https://wiki.example.com/saml/metadata\n    groups: [Everyone]\n');
    const dev = devWith(FLOW).replace(/        acsUrl: https:\/\/wiki-dev[^\n]*\n        audience: [^\n]*\n        groups: \[Everyone-Dev\]\n/, '');
    const prod = `${PROD_HEAD}${wiki}${CRM}`;
    const dir = writeConfigDir({ 'integrations.yaml': shared, 'environments/dev.yaml': dev, 'environments/prod.yaml': prod });
    const prodFile = path.join(dir, 'environments', 'prod.yaml');
    const after = await promoteTwice(dir, prodFile);
    expect(after).toBe(prod.replace(wiki, written));
  });

  test('an integration the target lacks is added with its nested maps in block style and the comment naming its own values', async () => {
    const prod = `${PROD_HEAD}${CRM}`;
    const { dir, prodFile } = configDir(devWith(FLOW), prod);
    const r = await promote(dir, '--write');
    // Written; prod's own URLs and groups are still to fill in, so it does not validate yet.
    expect(r.code).toBe(1);
    expect(r.err).toContain('does not validate yet');
    expect(fs.readFileSync(prodFile, 'utf8')).toBe(
      `${prod}      # promoted from dev; set prod's own values for: acsUrl, audience, groups\n      wiki:\n        signing:\n          algorithm: RSA_SHA256\n          digest: SHA256\n`,
    );
  });

  test('removing the only key of a nested map removes the map, with the comment above the key', async () => {
    const wiki = `${WIKI_BLOCK}        # weaker, for an old SP
        signing:
          # the SP's limit
          algorithm: RSA_SHA1    # was SHA-1
`;
    const prod = `${PROD_HEAD}${wiki}${CRM}`;
    const { dir, prodFile } = configDir(devWith(''), prod);
    const r = await promote(dir, '--write');
    expect(r.out).toContain('signing.algorithm: only prod has "RSA_SHA1"; not checked (prod lacks nothing here); --write removes it');
    expect(fs.readFileSync(prodFile, 'utf8')).toBe(`${PROD_HEAD}${WIKI_BLOCK}${CRM}`);
  });
});

test('a JSON target file gets the nested map too', async () => {
  const prod = { environments: { prod: { okta: { orgName: 'example', baseUrl: 'okta.com' }, integrations: { wiki: { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com/saml/metadata', groups: ['Everyone'] }, crm: { acsUrl: 'https://crm.example.com/saml/acs', audience: 'https://crm.example.com/saml/metadata', groups: ['Sales'], signing: { digest: 'SHA256' } } } } } };
  const dir = writeConfigDir({ 'integrations.yaml': INTEGRATIONS, 'environments/dev.yaml': devWith(BLOCK), 'environments/prod.json': JSON.stringify(prod, null, 2) });
  const file = path.join(dir, 'environments', 'prod.json');
  await promoteTwice(dir, file);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).environments.prod.integrations.wiki.signing).toEqual({ algorithm: 'RSA_SHA256', digest: 'SHA256' });
});

describe('promote --write: an edit that cannot be made in place', () => {
  test('is located (file:line, field path), exits 1 and writes nothing, even after edits that succeeded', async () => {
    // prod's wiki repeats crm's signing through an alias: writing into it would change crm too.
    const crm = CRM.replace('signing: { digest: SHA256 }', 'signing: &signing { digest: SHA256 }');
    const wiki = WIKI_BLOCK + '        label: Old wiki\n        signing: *signing\n';
    const prod = `${PROD_HEAD}${crm}${wiki}`;
    const { dir, prodFile } = configDir(devWith(FLOW, '        label: The Wiki\n'), prod);
    const r = await promote(dir, '--write');
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('wrote');
    expect(r.err).toBe(
      `okta-sso promote: ${prodFile}:16: environments.prod.integrations.wiki.signing.algorithm: environments.prod.integrations.wiki.signing is an alias (*signing) of a value written elsewhere, which cannot be changed here without changing it there too; accepted: the value written out in place of the alias; nothing was written\n`,
    );
    expect(fs.readFileSync(prodFile, 'utf8')).toBe(prod);
  });

  test('a failure of the writer itself is located too, never a stack trace, and writes nothing', async () => {
    const prod = `${PROD_HEAD}${WIKI_BLOCK}${CRM}`;
    const { dir, prodFile } = configDir(devWith(FLOW), prod);
    const edit = require('../../yaml-edit/edit') as typeof import('../../yaml-edit/edit');
    const spy = jest.spyOn(edit, 'splicesOf').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'range')");
    });
    try {
      const r = await promote(dir, '--write');
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        `okta-sso promote: ${prodFile}:6: environments.prod.integrations.wiki.signing.algorithm: promote cannot make this edit in place; accepted: the value set by hand, then the command run again to check; nothing was written\n`,
      );
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(prodFile, 'utf8')).toBe(prod);
  });
});

test('one field of a map the shared settings hold in part (the group filter) is promoted alone, and the target validates', async () => {
  const dir = writeConfigDir({
    'integrations.yaml': `integrations:
  wiki:
    preset: generic
    groupAttribute: { name: memberOf, filter: { type: regex, value: "^Wiki-.*" } }
`,
    'environments/dev.yaml': `environments:
  dev:
    okta: { orgName: example-dev, baseUrl: oktapreview.com }
    integrations:
      wiki:
        acsUrl: https://wiki-dev.example.com/saml/acs
        audience: https://wiki-dev.example.com/saml/metadata
        groups: [Everyone-Dev]
        groupAttribute: { filter: { value: "^(Wiki|Docs)-.*" } }
`,
    'environments/prod.yaml': `environments:
  prod:
    okta: { orgName: example, baseUrl: okta.com }
    integrations:
      wiki:
        acsUrl: https://wiki.example.com/saml/acs
        audience: https://wiki.example.com/saml/metadata
        groups: [Everyone]
`,
  });
  const r = await runCliCaptured(['promote', '--from', 'dev', '--to', 'prod', '--config', dir, '--write']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(fs.readFileSync(path.join(dir, 'environments', 'prod.yaml'), 'utf8')).toContain('groupAttribute:\n          filter:\n            value: "^(Wiki|Docs)-.*"');
  const prod = readConfig(dir).model!.environments.find((e) => e.name === 'prod')!;
  expect(prod.integrations[0].saml.groupAttribute).toEqual({ name: 'memberOf', filter: { type: 'regex', value: '^(Wiki|Docs)-.*' }, nameFormat: 'unspecified' });
  expect((await runCliCaptured(['promote', '--from', 'dev', '--to', 'prod', '--config', dir, '--check'])).code).toBe(0);
});
