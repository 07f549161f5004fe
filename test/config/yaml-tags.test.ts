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

  test('named as written and placed at the tag, with a comment or an anchor between it and its value, or a %TAG handle', () => {
    expect(problemsOf({ 'env.yaml': MINIMAL_ENV, 'i.yaml': WIKI('!custom # a note\n      Acme') })).toEqual([expect.stringMatching(/^i\.yaml:7:12: YAML error: the tag !custom is not accepted/)]);
    const handle = '%TAG !e! tag:example.com,2000:\n---\n' + WIKI('!e!foo Acme');
    expect(problemsOf({ 'env.yaml': MINIMAL_ENV, 'i.yaml': handle })).toEqual([expect.stringMatching(/^i\.yaml:9:12: YAML error: the tag !e!foo is not accepted/)]);
    expect(problemsOf({ 'env.yaml': MINIMAL_ENV, 'i.yaml': WIKI('&x !!omap []') })).toEqual([expect.stringMatching(/^i\.yaml:7:15: YAML error: the tag !!omap is not accepted/)]);
  });

  test('a custom tag that looks like a secret is not named', () => {
    const token = 'ghp_iK2ZWeqhFWCEPyYngFb51yBMWXaSCrUZoL8g';
    const problems = problemsOf({ 'env.yaml': MINIMAL_ENV, 'i.yaml': WIKI(`!${token} Acme`) });
    expect(problems).toEqual(['i.yaml:7:12: YAML error: a custom tag is not accepted: config is plain maps, lists and values; accepted: the value without a tag']);
  });

  test("the core schema's own tags, and `!` (plain text), are read as written, with an anchor in the file or not", () => {
    expect(problemsOf({ 'env.yaml': MINIMAL_ENV, 'i.yaml': WIKI('!!str Acme Wiki') })).toEqual([]);
    expect(problemsOf({ 'env.yaml': MINIMAL_ENV, 'i.yaml': WIKI('! Acme Wiki') })).toEqual([]);
    // An anchor sends the file to the YAML library that gives positions: it must read the same.
    expect(problemsOf({ 'env.yaml': MINIMAL_ENV, 'i.yaml': WIKI('! Acme Wiki') + '    description: &d text\n' })).toEqual([
      expect.stringContaining('unknown field "description"'),
    ]);
  });

  test('a %YAML 1.1 directive does not make `yes` true: the file reads the same with an anchor in it or not', () => {
    const env = (extra: string) => `%YAML 1.1\n---\nenvironments:\n  dev:\n    okta: { orgName: example-dev, baseUrl: oktapreview.com }\n    integrations:\n      wiki: { showInDashboard: yes }\n${extra}`;
    const plain = problemsOf({ 'env.yaml': env(''), 'i.yaml': WIKI('Wiki') });
    const anchored = problemsOf({ 'env.yaml': env('x: &a 1\n'), 'i.yaml': WIKI('Wiki') });
    expect(plain).toEqual([expect.stringMatching(/^env\.yaml:7:\d+: .*"yes" is not accepted; accepted: true or false/)]);
    expect(anchored).toContainEqual(expect.stringMatching(/^env\.yaml:7:\d+: .*"yes" is not accepted; accepted: true or false/));
  });
});
