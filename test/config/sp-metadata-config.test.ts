import * as fs from 'fs';
import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { fixture } from '../fixture-files';
import { writeConfigDir, runCliCaptured } from '../helpers';

function configWith(integration: string, envOverride: string, files: Record<string, string> = {}): string {
  return writeConfigDir({
    'integrations.yaml': `integrations:\n${integration}`,
    'environments/dev.yaml': `environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n${envOverride}`,
    ...files,
  });
}

function problemsOf(dir: string): string[] {
  const { model, problems } = readConfig(dir);
  expect(model).toBeUndefined();
  return problems.map((p) => formatProblem({ ...p, file: path.relative(dir, p.file) }));
}

const cli = runCliCaptured;

const WIKI = '  wiki:\n    preset: generic\n    label: Acme Wiki\n    spMetadata: { file: sp-metadata/wiki.xml }\n';

describe('SP metadata in config', () => {
  test('a generic SP declared from its metadata file alone', () => {
    const dir = configWith(WIKI, '      wiki: {}\n', { 'sp-metadata/wiki.xml': fixture('sp-metadata/prefixed-md.xml') });
    const { model, problems } = readConfig(dir);
    expect(problems).toEqual([]);
    expect(model!.environments[0].integrations[0].saml).toMatchObject({ acsUrl: 'https://wiki.acme.example/saml/acs', audience: 'https://wiki.acme.example/saml/metadata' });
  });

  test('a mismatch fails validate and synth with file, line and both values, and nothing is written', async () => {
    const dir = configWith(WIKI, '      wiki:\n        acsUrl: https://wiki.acme.example/saml/artifact\n', { 'sp-metadata/wiki.xml': fixture('sp-metadata/prefixed-md.xml') });
    const src = `${dir}/sp-metadata/wiki.xml`;
    expect(problemsOf(dir)).toEqual([
      `environments/dev.yaml:6:9: environments.dev.integrations.wiki.acsUrl: ACS URL, recipient and destination "https://wiki.acme.example/saml/artifact" do not match the SP metadata (${src}): its HTTP-POST AssertionConsumerService location is "https://wiki.acme.example/saml/acs" (index 1, default) [SSO-013]`,
    ]);
    const out = path.join(dir, 'cdktf.out');
    const validate = await cli(['validate', '--config', dir]);
    expect(validate.code).toBe(1);
    expect(validate.err).toContain('do not match the SP metadata');
    const synth = await cli(['synth', '--config', dir, '--out', out]);
    expect(synth.code).toBe(1);
    expect(synth.err).toContain('nothing written');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('an audience mismatch points at the shared setting where it is written', () => {
    const dir = configWith(`${WIKI}    audience: wiki.acme.example\n`, '      wiki: {}\n', { 'sp-metadata/wiki.xml': fixture('sp-metadata/prefixed-md.xml') });
    expect(problemsOf(dir)).toEqual([
      `integrations.yaml:6:5: integrations.wiki.audience: audience "wiki.acme.example" does not match the SP metadata (${dir}/sp-metadata/wiki.xml): its entityID is "https://wiki.acme.example/saml/metadata" [SSO-013]`,
    ]);
  });

  test.each([
    ['missing', undefined, /SP metadata file .*sp-metadata\/wiki.xml not found; accepted: the SP's SAML metadata XML, path relative to the config directory/],
    ['empty', 'sp-metadata/empty.xml', /wiki.xml is empty; accepted/],
    ['not XML', 'sp-metadata/not-xml.xml', /wiki.xml is not XML/],
    ['malformed', 'sp-metadata/malformed.xml', /wiki.xml is not well-formed XML at line 4/],
    ['not SAML metadata', 'sp-metadata/html-page.xml', /wiki.xml is not SAML 2.0 metadata/],
    ['without an HTTP-POST ACS', 'sp-metadata/redirect-acs-only.xml', /wiki.xml has no AssertionConsumerService with the HTTP-POST binding/],
  ])('a metadata file that is %s is a problem on spMetadata.file, with its line', (_what, source, message) => {
    const dir = configWith(WIKI, '      wiki: {}\n', source ? { 'sp-metadata/wiki.xml': fixture(source) } : {});
    const problems = problemsOf(dir);
    expect(problems[0]).toMatch(/^integrations.yaml:5:19: integrations.wiki.spMetadata.file: SP metadata file /);
    expect(problems[0]).toMatch(message);
    // Only the metadata problem: not also the ACS URL and audience it would have provided.
    expect(problems).toHaveLength(1);
  });

  test('an absolute path is refused (output must not depend on the machine)', () => {
    const dir = configWith('  wiki:\n    preset: generic\n    spMetadata: { file: /etc/wiki.xml }\n', '      wiki: {}\n');
    expect(problemsOf(dir)[0]).toContain('SP metadata file "/etc/wiki.xml" is an absolute path; accepted: a path relative to the config directory');
  });

  test('each environment can name its own metadata file', () => {
    const bi = fixture('sp-metadata/several-acs.xml');
    const dir = writeConfigDir({
      'integrations.yaml': 'integrations:\n  bi:\n    preset: generic\n',
      'environments/dev.yaml': 'environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      bi:\n        spMetadata: { file: sp/bi-dev.xml }\n',
      'environments/prod.yaml': 'environments:\n  prod:\n    okta: { orgName: acme }\n    integrations:\n      bi:\n        spMetadata: { file: sp/bi-prod.xml }\n',
      'sp/bi-dev.xml': bi.replace(/bi\.acme/g, 'bi-dev.acme'),
      'sp/bi-prod.xml': bi,
    });
    const { model, problems } = readConfig(dir);
    expect(problems).toEqual([]);
    expect(model!.environments.map((e) => e.integrations[0].saml.audience)).toEqual(['https://bi-dev.acme.example/sp', 'https://bi.acme.example/sp']);
  });
});

describe('Snowflake in config', () => {
  test('an invalid account is reported where it is written, with the value and what is accepted', async () => {
    const dir = configWith('  snowflake:\n    preset: snowflake\n', '      snowflake:\n        snowflake: { account: "acme_analytics" }\n');
    expect(problemsOf(dir)).toEqual([
      'environments/dev.yaml:6:22: environments.dev.integrations.snowflake.snowflake.account: Snowflake account "acme_analytics" is not a valid account identifier; accepted: an account identifier orgname-account_name (letters, digits and _ in the account name, starting with a letter, not ending with _, at most 63 characters), e.g. acme-analytics_prod',
    ]);
    const out = path.join(dir, 'out');
    expect((await cli(['synth', '--config', dir, '--out', out])).code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('unknown fields in the snowflake block are rejected by the schema', () => {
    const dir = configWith('  snowflake:\n    preset: snowflake\n', '      snowflake:\n        snowflake: { account: acme-x, password: "env:SNOWFLAKE_PASSWORD" }\n');
    expect(problemsOf(dir).join('\n')).toContain('unknown field "password"');
  });
});
