import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { MINIMAL_ENV, MINIMAL_INTEGRATIONS, writeConfigDir } from '../helpers';

/** Every problem of a config dir as users see it; readConfig must return them, never throw. */
function problemsOf(files: Record<string, string>): string[] {
  const dir = writeConfigDir(files);
  const { model, problems } = readConfig(dir);
  expect(model).toBeUndefined();
  return problems.map((p) => formatProblem(p).split(dir + '/').join(''));
}

// A second, unrelated problem: it must be reported together with the malformed value's.
const HTTP_BLOG = '  blog: { preset: generic, acsUrl: "http://blog.example.com/acs", audience: blog }\n';
const ENV_BOTH = MINIMAL_ENV.replace('wiki: {}', 'wiki: {}\n      blog: {}');
const HTTP_PROBLEM = expect.stringMatching(/^i\.yaml:7:\d+: integrations\.blog\.acsUrl: ACS URL "http:\/\/blog\.example\.com\/acs" uses http, not https/);

describe('a group entry that is not a name or a map is a located problem, reported with the config\'s others', () => {
  test.each([
    ['true', '[true]', 'true'],
    ['a number', '[1]', '1'],
    ['an empty value', '[null]', '\\(an empty value\\)'],
    ['a list', '[[]]', '\\(a list\\)'],
  ])('%s', (_name, groups, shown) => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('[Everyone-Wiki]', groups) + HTTP_BLOG, 'env.yaml': ENV_BOTH });
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^i\\.yaml:6:\\d+: integrations\\.wiki\\.groups\\.0: ${shown} is not accepted; accepted: a string or a map$`)),
      HTTP_PROBLEM,
    ]);
  });

  test('an empty item of a block list', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('groups: [Everyone-Wiki]', 'groups:\n      - Everyone\n      -\n') + HTTP_BLOG, 'env.yaml': ENV_BOTH });
    expect(problems).toEqual([expect.stringMatching(/^i\.yaml:8:\d+: integrations\.wiki\.groups\.1: \(an empty value\) is not accepted; accepted: a string or a map$/), expect.stringMatching(/integrations\.blog\.acsUrl: ACS URL/)]);
  });

  test('in an environment\'s override', () => {
    const problems = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV.replace('wiki: {}', 'wiki: { groups: [Everyone, null] }') });
    expect(problems).toEqual([expect.stringMatching(/^env\.yaml:5:\d+: environments\.dev\.integrations\.wiki\.groups\.1: \(an empty value\) is not accepted; accepted: a string or a map$/)]);
  });
});

describe('values of the wrong type where later checks read text are located problems, never an internal error', () => {
  test.each([
    ['a preset that is a map', (i: string) => i.replace('preset: generic', 'preset: { toString: 1 }'), MINIMAL_ENV, /integrations\.wiki\.preset: \(a map\) is not accepted; accepted: "aiven"/],
    ['an Okta org name that is a map', (i: string) => i, MINIMAL_ENV.replace('orgName: example-dev', 'orgName: { toString: 1 }'), /environments\.dev\.okta\.orgName: \(a map\) is not accepted; accepted: a string/],
    ['an Okta domain that is a map', (i: string) => i, MINIMAL_ENV.replace('baseUrl: oktapreview.com', 'baseUrl: { toString: 1 }'), /environments\.dev\.okta\.baseUrl: \(a map\) is not accepted; accepted: a string/],
    [
      'a SCIM connector auth type that is a map',
      (i: string) => i.replace('preset: generic', 'preset: onprem') + '    provisioning: { method: scim, connector: { baseUrl: "https://hr.example.com/scim/v2/", auth: { type: { toString: 1 } } } }\n',
      MINIMAL_ENV,
      /integrations\.wiki\.provisioning\.connector\.auth\.type: \(a map\) is not accepted/,
    ],
  ])('%s', (_name, integrations, env, expected) => {
    expect(problemsOf({ 'i.yaml': integrations(MINIMAL_INTEGRATIONS), 'env.yaml': env })).toContainEqual(expect.stringMatching(expected));
  });
});

test('a !!binary value is one problem at its tag, where a string or a map goes alike (bytes would be read as a map of their methods)', () => {
  const problems = problemsOf({ 'i.yaml': `${MINIMAL_INTEGRATIONS}    label: !!binary R0lGODlhDAAMAIQAAP\n`, 'env.yaml': MINIMAL_ENV });
  expect(problems).toEqual([expect.stringMatching(/^i\.yaml:7:12: YAML error: the tag !!binary is not accepted/)]);
  const inMap = problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV.replace(/okta: \{[^}]*\}/, 'okta: !!binary aGVsbG8=') });
  expect(inMap).toEqual([expect.stringMatching(/^env\.yaml:\d+:\d+: YAML error: the tag !!binary is not accepted/)]);
});
