import { EnvironmentOnOrg, checkCreatedGroups } from '../../model/created-groups';
import { GroupAssignment, IntegrationModel } from '../../model/types';

/** An integration whose only fields read here are its key and groups. */
function integration(key: string, groups: GroupAssignment[]): IntegrationModel {
  return { key, groups } as unknown as IntegrationModel;
}
const created = (name: string): GroupAssignment => ({ name, create: true });
const assigned = (name: string): GroupAssignment => ({ name, create: false });
const env = (id: string, org: string | undefined, integrations: IntegrationModel[]): EnvironmentOnOrg => ({ id, shown: `environment "${id}"`, org, integrations });

test('two environments on one org creating one group: one clash, at the later environment, naming the first and the org', () => {
  const clashes = checkCreatedGroups([
    env('dev', 'acme-preview.oktapreview.com', [integration('wiki', [assigned('Everyone'), created('App-Wiki-Users')])]),
    env('staging', 'acme-preview.oktapreview.com', [integration('wiki', [assigned('Everyone'), created('App-Wiki-Users')])]),
  ]);
  expect(clashes).toEqual([
    {
      environment: 'staging',
      integration: 'wiki',
      field: 'groups.1',
      message: expect.stringMatching(/^Okta group "App-Wiki-Users" is also created by environment "dev" on the same Okta org \(acme-preview\.oktapreview\.com\): group names are unique in an org/),
    },
  ]);
  expect(clashes[0].message).toContain('accepted: create: true in one environment and create: false');
});

test('one clash per environment and group, at its first integration creating it, however many of its integrations do', () => {
  const clashes = checkCreatedGroups([
    env('dev', 'acme.okta.com', [integration('crm', [created('Sales')])]),
    env('prod', 'acme.okta.com', [integration('crm', [created('Sales')]), integration('wiki', [assigned('Everyone'), created('Sales')])]),
    env('staging', 'acme.okta.com', [integration('wiki', [created('Sales'), created('Support')])]),
  ]);
  expect(clashes.map((c) => `${c.environment}/${c.integration}.${c.field}`)).toEqual(['prod/crm.groups.0', 'staging/wiki.groups.0']);
  // Both later environments name the first.
  expect(clashes.every((c) => c.message.includes('also created by environment "dev"'))).toBe(true);
});

test('one org written in another case is the same org: host names are case-insensitive', () => {
  const clashes = checkCreatedGroups([
    env('dev', 'acme.okta.com', [integration('wiki', [created('App-Wiki-Users')])]),
    env('prod', 'Acme.okta.com', [integration('wiki', [created('App-Wiki-Users')])]),
  ]);
  expect(clashes.map((c) => c.environment)).toEqual(['prod']);
});

test('no clash: other orgs, a group the others assign without creating, one environment alone, or an org not known before apply', () => {
  expect(
    checkCreatedGroups([
      env('dev', 'acme-dev.oktapreview.com', [integration('wiki', [created('App-Wiki-Users')])]),
      env('prod', 'acme.okta.com', [integration('wiki', [created('App-Wiki-Users')])]),
      env('staging', 'acme.okta.com', [integration('wiki', [assigned('App-Wiki-Users')])]),
      env('sandbox', undefined, [integration('wiki', [created('App-Wiki-Users')])]),
    ]),
  ).toEqual([]);
  // Within one environment a group is one resource however many integrations create it (the group registry's concern).
  expect(checkCreatedGroups([env('prod', 'acme.okta.com', [integration('crm', [created('Sales')]), integration('wiki', [created('Sales')])])])).toEqual([]);
});
