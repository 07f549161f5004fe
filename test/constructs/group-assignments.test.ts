import { Testing, TerraformStack } from 'cdktf';
import { oktaTestStack } from '../helpers';
import { GroupAssignments } from '../../constructs/group-assignments';
import { OktaGroups, groupLogicalId } from '../../constructs/okta-groups';

function build(f: (stack: TerraformStack, groups: OktaGroups) => void): any {
  const stack = oktaTestStack();
  f(stack, new OktaGroups(stack, 'groups'));
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

test('conflicting declarations of one group are rejected with both values', () => {
  expect(() =>
    build((stack, groups) => {
      groups.idOf({ name: 'Data', create: true, description: 'one' });
      groups.idOf({ name: 'Data', create: true, description: 'two' });
      void stack;
    }),
  ).toThrow('Okta group "Data" is created with two descriptions: "one" and "two"');
  expect(() =>
    build((stack, groups) => {
      groups.idOf({ name: 'Data Team', create: false });
      groups.idOf({ name: 'data-team', create: false });
      void stack;
    }),
  ).toThrow('Okta groups "Data Team" and "data-team" map to the same Terraform name group_data_team');
});

test('group logical IDs are stable and Terraform-safe', () => {
  expect(groupLogicalId('Engineering - Dev (EU)')).toBe('group_engineering_dev_eu');
});
