import { Testing, TerraformStack } from 'cdktf';
import { oktaTestStack } from '../helpers';
import { GroupAssignments } from '../../constructs/group-assignments';
import { OktaGroups, groupLogicalId } from '../../constructs/okta-groups';

function build(f: (stack: TerraformStack, groups: OktaGroups) => void): any {
  const stack = oktaTestStack();
  f(stack, OktaGroups.of(stack));
  return JSON.parse(Testing.synth(stack, true));
}

test('groups are looked up by name once per environment, and assigned in priority order', () => {
  const json = build((stack, groups) => {
    new GroupAssignments(stack, 'a', { key: 'a', appId: 'app-a', groups: [{ name: 'Engineering', create: false }, { name: 'SRE', create: false }], oktaGroups: groups });
    new GroupAssignments(stack, 'b', { key: 'b', appId: 'app-b', groups: [{ name: 'SRE', create: false }], oktaGroups: groups });
  });
  expect(json.data.okta_group).toEqual({
    group_engineering: expect.objectContaining({ name: 'Engineering' }),
    group_sre: expect.objectContaining({ name: 'SRE' }),
  });
  expect(json.resource.okta_app_group_assignments.a.group).toEqual([
    { id: '${data.okta_group.group_engineering.id}', priority: 1 },
    { id: '${data.okta_group.group_sre.id}', priority: 2 },
  ]);
  expect(json.resource.okta_app_group_assignments.b).toMatchObject({ app_id: 'app-b', group: [{ id: '${data.okta_group.group_sre.id}', priority: 1 }] });
});

test('groups marked create are created, with prevent_destroy', () => {
  const json = build((stack, groups) => {
    new GroupAssignments(stack, 'a', { key: 'a', appId: 'x', groups: [{ name: 'Data Team', create: true, description: 'Data' }], oktaGroups: groups });
  });
  expect(json.resource.okta_group.group_data_team).toMatchObject({ name: 'Data Team', description: 'Data', lifecycle: { prevent_destroy: true } });
  expect(json.data).toBeUndefined();
});

test('a rename moves the assignments too', () => {
  const json = build((stack, groups) => {
    new GroupAssignments(stack, 'a', { key: 'new_key', appId: 'x', groups: [{ name: 'A', create: false }], oktaGroups: groups, renamedFrom: 'old_key' });
  });
  expect(json.moved).toEqual([{ from: 'okta_app_group_assignments.old_key', to: 'okta_app_group_assignments.new_key' }]);
});

test('conflicting declarations of one group are recorded for the later integration, with both values', () => {
  const groups = OktaGroups.of(oktaTestStack());
  groups.idOf({ name: 'Data', create: true, description: 'one' }, { integration: 'a', index: 0 });
  groups.idOf({ name: 'Data', create: true, description: 'two' }, { integration: 'b', index: 2 });
  groups.idOf({ name: 'Data Team', create: false }, { integration: 'a', index: 1 });
  groups.idOf({ name: 'data-team', create: false }, { integration: 'c', index: 0 });
  expect(groups.conflictsOf('a')).toEqual([]);
  expect(groups.conflictsOf('b')).toEqual([{ index: 2, message: 'Okta group "Data" is created with description "two" here but "one" in a.groups.0; use one description' }]);
  expect(groups.conflictsOf('c')).toEqual([{ index: 0, message: 'Okta groups "Data Team" (a.groups.1) and "data-team" map to the same Terraform name group_data_team; use one spelling' }]);
});

test('the groups of a stack are one construct, and its id is reserved', () => {
  const stack = oktaTestStack();
  expect(OktaGroups.of(stack)).toBe(OktaGroups.of(stack));
  const other = oktaTestStack();
  new TerraformStack(other, 'Groups');
  expect(() => OktaGroups.of(other)).toThrow('test/Groups is not a OktaGroups: the id "Groups" at the top of a stack is reserved for cdktf-okta-sso; rename that construct');
});

test('group logical IDs are stable and Terraform-safe', () => {
  expect(groupLogicalId('Engineering - Dev (EU)')).toBe('group_engineering_dev_eu');
});
