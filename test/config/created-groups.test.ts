import { checkConfig } from '../../cli/check-config';
import { writeConfigDir } from '../helpers';

const SHARED = `integrations:
  wiki:
    preset: generic
    label: Wiki
    acsUrl: https://wiki.example.com/saml/acs
    audience: https://wiki.example.com
GROUPS
environments:
  dev:
    okta: { orgName: acme-preview, baseUrl: oktapreview.com }
    integrations: { wiki: DEV }
  staging:
    okta: { orgName: STAGING_ORG, baseUrl: oktapreview.com }
    backend: { type: local, path: state/staging.tfstate }
    integrations: { wiki: STAGING }
`;

function config(options: { groups?: string; dev?: string; staging?: string; stagingOrg?: string }): string {
  return SHARED.replace('GROUPS\n', options.groups ?? '')
    .replace('DEV', options.dev ?? '{}')
    .replace('STAGING_ORG', options.stagingOrg ?? 'acme-preview')
    .replace('STAGING', options.staging ?? '{}');
}

const CREATED_IN_SHARED = '    groups:\n      - Everyone\n      - { name: App-Wiki-Users, create: true }\n';

test('a group created in the shared entry, by two environments on one org: one problem at its line, naming both environments and the org', () => {
  const { problems } = checkConfig(writeConfigDir({ 'okta-sso.yaml': config({ groups: CREATED_IN_SHARED }) }));
  expect(problems.map((p) => `${p.file.split('/').pop()}:${p.line} ${p.path}: ${p.message}`)).toEqual([
    expect.stringMatching(
      /^okta-sso\.yaml:9 integrations\.wiki\.groups\.1: in environment "staging": Okta group "App-Wiki-Users" is also created by environment "dev" on the same Okta org \(acme-preview\.oktapreview\.com\)/,
    ),
  ]);
});

test("a group created in each environment's own entry: the problem is at the later environment's line", () => {
  const own = '{ groups: [{ name: App-Wiki-Users, create: true }] }';
  const { problems } = checkConfig(writeConfigDir({ 'okta-sso.yaml': config({ dev: own, staging: own }) }));
  expect(problems.map((p) => `${p.line} ${p.path}`)).toEqual(['14 environments.staging.integrations.wiki.groups.0']);
  expect(problems[0].message).toContain('is also created by environment "dev"');
});

test('one org written in another case is the same org (host names are case-insensitive)', () => {
  const { problems } = checkConfig(writeConfigDir({ 'okta-sso.yaml': config({ groups: CREATED_IN_SHARED, stagingOrg: 'Acme-Preview' }) }));
  expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('is also created by environment "dev" on the same Okta org (Acme-Preview.oktapreview.com)')]);
});

test('no problem on two orgs, or when the other environment assigns the group without creating it', () => {
  expect(checkConfig(writeConfigDir({ 'okta-sso.yaml': config({ groups: CREATED_IN_SHARED, stagingOrg: 'acme-staging' }) })).problems).toEqual([]);
  const ok = checkConfig(
    writeConfigDir({
      'okta-sso.yaml': config({ dev: '{ groups: [{ name: App-Wiki-Users, create: true }] }', staging: '{ groups: [App-Wiki-Users] }' }),
    }),
  );
  expect(ok.problems).toEqual([]);
});
