import { checkConfig } from '../../cli/check-config';
import { MINIMAL_ENV, writeConfigDir } from '../helpers';

const WIKI = (label: string) => `integrations:
  wiki:
    preset: generic
    acsUrl: https://wiki.example.com/saml/acs
    audience: https://wiki.example.com/saml/metadata
    groups: [Everyone-Wiki]
    label: ${label}
`;

const problemsOf = (files: Record<string, string>) => checkConfig(writeConfigDir(files)).problems.map((p) => `${p.file.replace(/.*\//, '')}:${p.line}:${p.column}: ${p.message}`);

describe('a YAML tag config would not read as written is refused at the tag, and nothing inside it escapes the checks', () => {
  test.each([
    ['!!omap, read as a map with no entries', 'extra.yaml', 'environments: !!omap\n  - qa: { okta: { orgName: x }, integrations: { wiki: { acsUrl: "http://insecure" } } }\n', 'extra.yaml:1:15: YAML error: the tag !!omap is not accepted'],
    ['!!set, read as a map with no entries', 'extra.yaml', 'integrations:\n  other: !!set\n    ? ghp_iK2ZWeqhFWCEPyYngFb51yBMWXaSCrUZoL8g\n', 'extra.yaml:2:10: YAML error: the tag !!set is not accepted'],
    ['a language tag, read as plain text', 'i.yaml', WIKI('!!js/function "function () { return 1 }"'), 'i.yaml:7:12: YAML error: the tag !!js/function is not accepted'],
  ])('%s', (_what, file, text, expected) => {
    const files: Record<string, string> = { 'env.yaml': MINIMAL_ENV, 'i.yaml': WIKI('Wiki') };
    files[file] = text;
    const problems = problemsOf(files);
    expect(problems).toEqual([expect.stringContaining(expected)]);
    expect(problems[0]).toContain('accepted: the value without a tag');
  });

  test('a custom tag that looks like a secret is not named', () => {
    const token = 'ghp_iK2ZWeqhFWCEPyYngFb51yBMWXaSCrUZoL8g';
    const problems = problemsOf({ 'env.yaml': MINIMAL_ENV, 'i.yaml': WIKI(`!${token} Acme`) });
    expect(problems).toEqual(['i.yaml:7:12: YAML error: a custom tag is not accepted: config is plain maps, lists and values; accepted: the value without a tag']);
  });

  test("the core schema's own tags are read as written", () => {
    expect(problemsOf({ 'env.yaml': MINIMAL_ENV, 'i.yaml': WIKI('!!str Acme Wiki') })).toEqual([]);
  });
});
