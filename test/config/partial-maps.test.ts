import { checkConfig } from '../../cli/check-config';
import { writeConfigDir } from '../helpers';

// Maps merge key by key (SP defaults, then the shared entry, then the environment's): a map's parts may be written in
// different places, and what it needs is judged once merged.
const config = (shared: string, dev: string) =>
  writeConfigDir({
    'okta-sso.yaml': `integrations:
  wiki:
    preset: generic
${shared}
environments:
  dev:
    okta: { orgName: example-dev, baseUrl: oktapreview.com }
    integrations:
      wiki:
        acsUrl: https://wiki.example.com/saml/acs
        audience: https://wiki.example.com/saml/metadata
        groups: [Everyone-Wiki]
${dev}
`,
  });

const wikiOf = (dir: string) => checkConfig(dir).model?.environments[0].integrations[0];

describe('a map written in parts, in the shared entry and an environment', () => {
  test("an environment's override of one field of the group attribute keeps the shared others", () => {
    const dir = config('    groupAttribute: { name: memberOf, filter: { type: regex, value: "^Wiki-.*" } }', '        groupAttribute: { filter: { value: "^(Wiki|Docs)-.*" } }');
    expect(checkConfig(dir).problems).toEqual([]);
    expect(wikiOf(dir)?.saml.groupAttribute).toEqual({ name: 'memberOf', filter: { type: 'regex', value: '^(Wiki|Docs)-.*' }, nameFormat: 'unspecified' });
  });

  test('the shared entry may hold the name and each environment the filter', () => {
    const dir = config('    groupAttribute: { name: memberOf }', '        groupAttribute: { filter: { type: startsWith, value: Wiki- } }');
    expect(checkConfig(dir).problems).toEqual([]);
    expect(wikiOf(dir)?.saml.groupAttribute?.filter).toEqual({ type: 'startsWith', value: 'Wiki-' });
  });

  test('what is still missing once merged is one problem, at the map', () => {
    const dir = config('    groupAttribute: { name: memberOf }', '        groupAttribute: { filter: { value: Wiki- } }');
    const { problems } = checkConfig(dir);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['environments.dev.integrations.wiki.groupAttribute: groupAttribute needs name, filter.type and filter.value; missing: filter.type']);
  });

  test("a catalog app's key in the shared entry and its settings in an environment", () => {
    const dir = config('    catalogApp: { key: zscalerbyz }', '        catalogApp: { settings: { baseUrl: "https://wiki.example.com" } }'.replace('acsUrl', 'x'));
    const { problems } = checkConfig(dir);
    // acsUrl and audience conflict with a catalog app (it takes them from Okta's catalog): that, not a missing key, is the problem.
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/catalogApp\.key|missing required field "key"/);
  });

  test('a catalog app without its key once merged says so, at the map where it is written', () => {
    const dir = config('    catalogApp: { settings: { a: 1 } }', '');
    const { problems } = checkConfig(dir);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toContainEqual("integrations.wiki.catalogApp: catalogApp needs key; missing: key (the catalog app's name, Okta's preconfigured_app, e.g. okta_org2org)");
    expect(problems.map((p) => p.message).join('\n')).not.toContain('undefined');
  });

  test('an SP metadata map without its file once merged says so, at the map', () => {
    const dir = config('', '        spMetadata: { url: "https://wiki.example.com/saml/metadata" }');
    const { problems } = checkConfig(dir);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([expect.stringMatching(/^environments\.dev\.integrations\.wiki\.spMetadata(\.file)?: missing required field spMetadata\.file/)]);
  });
});
