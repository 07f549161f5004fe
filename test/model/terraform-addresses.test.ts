import { checkTerraformAddresses } from '../../model/terraform-addresses';
import { resolveSettings } from '../helpers';

const aiven = (key: string, groups: string[], extra: Record<string, unknown> = {}) => {
  const r = resolveSettings(key, { preset: 'aiven', aiven: { accountId: 'a1', methodId: `m${key.length}` }, groups, provisioning: { method: 'scim', token: 'env:T', connected: true, pushGroups: groups.map((group) => ({ group })) }, ...extra });
  expect(r.problems).toEqual([]);
  return r.model!;
};

describe('checkTerraformAddresses', () => {
  test('two push groups at one address: the later integration is reported, naming the first', () => {
    expect(checkTerraformAddresses([aiven('a', ['b_group_c']), aiven('a_group_b', ['c'])])).toEqual([
      expect.objectContaining({ integration: 'a_group_b', field: 'provisioning.pushGroups.0.group', address: 'okta_push_group.a_group_b_group_c' }),
    ]);
  });

  test('distinct addresses: nothing', () => {
    expect(checkTerraformAddresses([aiven('a', ['b_group_c']), aiven('a_group_c', ['c'])])).toEqual([]);
  });

  test('push groups the runbook turns on (not connected yet) take no address', () => {
    const pending = resolveSettings('a_group_b', { preset: 'aiven', aiven: { accountId: 'a1', methodId: "m2" }, groups: ["c"], provisioning: { method: 'scim', token: 'env:T', pushGroups: [{ group: 'c' }] } }).model!;
    expect(checkTerraformAddresses([aiven('a', ['b_group_c']), pending])).toEqual([]);
  });

  test('custom attributes: case does not tell addresses apart; a mapping without custom takes none', () => {
    const sync = (attributes: Array<[string, boolean]>) => ({ attributeSync: attributes.map(([attribute, custom]) => ({ attribute, from: 'user.x', ...(custom ? { custom: {} } : {}) })) });
    expect(checkTerraformAddresses([aiven('a', ['Eng'], sync([['costCenter', true], ['costcenter', true]]))])).toEqual([
      expect.objectContaining({ integration: 'a', field: 'attributeSync.1.attribute', address: 'okta_app_user_schema_property.a_costcenter' }),
    ]);
    expect(checkTerraformAddresses([aiven('a', ['Eng'], sync([['costCenter', true], ['costcenter', false]]))])).toEqual([]);
  });
});
