import { DataOktaGroup } from '@cdktf/provider-okta/lib/data-okta-group';
import { Group } from '@cdktf/provider-okta/lib/group';
import { Testing, Token } from 'cdktf';
import { attributeRef } from '../../constructs/terraform-ref';
import { oktaTestStack } from '../helpers';

test('a reference is plain text, the same as the binding token resolves to', () => {
  const stack = oktaTestStack();
  const group = new Group(stack, 'g', { name: 'A' });
  group.overrideLogicalId('group_a');
  const data = new DataOktaGroup(stack, 'd', { name: 'B' });
  data.overrideLogicalId('group_b');
  expect(attributeRef(group, 'id')).toBe('${okta_group.group_a.id}');
  expect(attributeRef(data, 'id')).toBe('${data.okta_group.group_b.id}');
  expect(Token.isUnresolved(attributeRef(group, 'id'))).toBe(false);
  // What cdktf writes for the token form, so the JSON does not change.
  new Group(stack, 'uses-token', { name: 'C', description: group.id });
  new Group(stack, 'uses-ref', { name: 'D', description: attributeRef(group, 'id') });
  const json = JSON.parse(Testing.synth(stack));
  const byName = Object.fromEntries(Object.values<any>(json.resource.okta_group).map((g) => [g.name, g.description]));
  expect(byName.D).toBe(byName.C);
});
