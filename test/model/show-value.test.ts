import { AivenSso, GenericSamlSso, SpMetadataDocument } from '../../index';
import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { errorLine, synthError } from '../constructs/sp/synth-stack';
import { MINIMAL_ENV, writeConfigDir } from '../helpers';

// A GitHub token inside a longer value: the secret scan finds it there, so every message quoting the value must hide it.
const TOKEN = `ghp_${'a1B2c3D4e5'.repeat(3)}x9Y8z7`;
const NOT_SHOWN = '(secret not shown)';
const MB = 1024 * 1024;

const metadataXml = (acs: string) =>
  `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://wiki.example.com/saml/metadata"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
  `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${acs}" index="1" isDefault="true"/></md:SPSSODescriptor></md:EntityDescriptor>`;
const AIVEN = { accountId: 'a1b2c3d4e5f6', methodId: 'am1b2c3d4e5f7', groups: ['Engineering'] };

function configProblems(integrations: string, env = MINIMAL_ENV, files: Record<string, string> = {}): string[] {
  const dir = writeConfigDir({ 'i.yaml': integrations, 'env.yaml': env, ...files });
  const { model, problems } = readConfig(dir);
  expect(model).toBeUndefined();
  return problems.map((p) => formatProblem(p).split(dir + '/').join(''));
}

describe('a token inside a value is never echoed by the messages that quote it', () => {
  test('the relay state, where Aiven\'s IdP login check quotes it (construct)', () => {
    const error = synthError((stack) => new AivenSso(stack, 'aiven', { ...AIVEN, relayState: `https://console.aiven.io/?t=${TOKEN}` as any, idpLoginAllowed: false }));
    expect(error).not.toContain(TOKEN);
    expect(errorLine(error, 'idpLoginAllowed: ')).toContain(`default relay state ("https://console.aiven.io/?t=${NOT_SHOWN}")`);
  });

  test('an http ACS URL taken from the SP metadata (construct)', () => {
    const spMetadata = SpMetadataDocument.fromXml(metadataXml(`http://wiki.example.com/acs?t=${TOKEN}`), 'wiki.xml');
    const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', { spMetadata, audience: 'https://wiki.example.com/saml/metadata', groups: ['Everyone'] }));
    expect(error).not.toContain(TOKEN);
    expect(errorLine(error, 'acsUrl: ')).toContain(`ACS URL "http://wiki.example.com/acs?t=${NOT_SHOWN}" uses http, not https`);
  });

  test('the SP metadata\'s ACS locations in a mismatch message (construct)', () => {
    const spMetadata = SpMetadataDocument.fromXml(metadataXml(`https://wiki.example.com/acs?t=${TOKEN}`), 'wiki.xml');
    const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', { spMetadata, acsUrl: 'https://wiki.example.com/other', groups: ['Everyone'] }));
    expect(error).not.toContain(TOKEN);
    expect(errorLine(error, 'acsUrl: ')).toContain(`location is "https://wiki.example.com/acs?t=${NOT_SHOWN}" (index 1, default)`);
  });

  test('relay state, http ACS URL and metadata mismatch (readConfig)', () => {
    const integrations = `integrations:
  aiven: { preset: aiven, relayState: "https://console.aiven.io/?t=${TOKEN}", aiven: { idpLoginAllowed: false } }
  blog: { preset: generic, acsUrl: "http://blog.example.com/acs?t=${TOKEN}", audience: blog }
  wiki: { preset: generic, acsUrl: "https://wiki.example.com/other", spMetadata: { file: wiki.xml } }
`;
    const env = MINIMAL_ENV.replace('wiki: {}', 'wiki: {}\n      blog: {}\n      aiven: { aiven: { accountId: a1b2c3d4e5f6, methodId: am1b2c3d4e5f7 } }');
    const problems = configProblems(integrations, env, { 'wiki.xml': metadataXml(`https://wiki.example.com/acs?t=${TOKEN}`) });
    expect(problems.join('\n')).not.toContain(TOKEN);
    expect(problems).toContainEqual(expect.stringContaining(`location is "https://wiki.example.com/acs?t=${NOT_SHOWN}"`));
  });
});

describe('a 1 MB value is quoted cut to a readable length', () => {
  const huge = 'x'.repeat(MB);

  test.each([
    ['a relay state outside Aiven\'s list', `  aiven: { preset: aiven, relayState: "https://console.aiven.io/${huge}", aiven: { accountId: a1b2c3d4e5f6, methodId: am1b2c3d4e5f7 } }\n`, 'aiven'],
    ['an http ACS URL', `  wiki: { preset: generic, acsUrl: "http://wiki.example.com/${huge}", audience: wiki }\n`, 'wiki'],
    ['an audience with whitespace', `  wiki: { preset: generic, acsUrl: "https://wiki.example.com/acs", audience: "a ${huge}" }\n`, 'wiki'],
    ['a value outside an enum', `  wiki: { preset: generic, acsUrl: "https://wiki.example.com/acs", audience: wiki, status: "${huge}" }\n`, 'wiki'],
    ['an unknown field', `  wiki: { preset: generic, acsUrl: "https://wiki.example.com/acs", audience: wiki, ${huge}: 1 }\n`, 'wiki'],
    ['a group assigned twice', `  wiki: { preset: generic, acsUrl: "https://wiki.example.com/acs", audience: wiki, groups: ["${huge}", "${huge}"] }\n`, 'wiki'],
    ['a bad renamedFrom', `  wiki: { preset: generic, acsUrl: "https://wiki.example.com/acs", audience: wiki, renamedFrom: "${huge}" }\n`, 'wiki'],
  ])('%s (readConfig)', (_name, entry, key) => {
    const problems = configProblems(`integrations:\n${entry}`, MINIMAL_ENV.replace('wiki: {}', `${key}: {}`));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      // The value is quoted cut to 80 characters (a key in the field path to 200); the rest is what would be accepted.
      expect(Math.max(...(p.match(/x+/g) ?? ['']).map((run) => run.length))).toBeLessThanOrEqual(200);
      expect(p.length).toBeLessThan(700);
    }
  });

  test('a relay state outside Aiven\'s list (construct)', () => {
    // Under the 65,536-character cap of a string prop (a longer one is refused for its length alone).
    const error = synthError((stack) => new AivenSso(stack, 'aiven', { ...AIVEN, relayState: `https://console.aiven.io/${'x'.repeat(60_000)}` as any }));
    const line = errorLine(error, 'relayState: ')!;
    expect(line).toContain('relay state "https://console.aiven.io/xxx');
    expect(line.length).toBeLessThan(400);
  });
});
