import { Testing } from 'cdktf';
import { oktaTestStack as oktaStack } from '../../helpers';
import { AttributeSync } from '../../../constructs/provisioning/attribute-sync';

function synthSync(renamedFrom?: string) {
  const stack = oktaStack();
  new AttributeSync(stack, 'a', {
    key: 'omni',
    appId: 'app-id',
    renamedFrom,
    attributes: [
      { attribute: 'title', from: 'user.title', push: 'always' },
      { attribute: 'costCenter', from: '${user.costCenter}', push: 'on-create', custom: { title: 'Cost center', type: 'string' } },
    ],
  });
  new AttributeSync(stack, 'b', { key: 'atlan', appId: 'other', attributes: [{ attribute: 'department', from: 'user.department', push: 'always' }] });
  return JSON.parse(Testing.synth(stack, true));
}

describe('AttributeSync', () => {
  test('one profile mapping per app, reading the Okta user profile declared once', () => {
    const json = synthSync();
    expect(Object.keys(json.data.okta_user_profile_mapping_source)).toEqual(['okta_user']);
    const mapping = json.resource.okta_profile_mapping.omni;
    expect(mapping).toMatchObject({ source_id: '${data.okta_user_profile_mapping_source.okta_user.id}', target_id: 'app-id', delete_when_absent: false, always_apply: false });
    expect(mapping.mappings).toEqual([
      { id: 'title', expression: 'user.title', push_status: 'PUSH' },
      { id: 'costCenter', expression: '$${user.costCenter}', push_status: 'DONT_PUSH' },
    ]);
    expect(json.resource.okta_profile_mapping.atlan.mappings).toEqual([{ id: 'department', expression: 'user.department', push_status: 'PUSH' }]);
  });

  test('custom attributes are declared on the app first', () => {
    const json = synthSync();
    expect(json.resource.okta_app_user_schema_property.omni_costcenter).toMatchObject({ app_id: 'app-id', index: 'costCenter', title: 'Cost center', type: 'string', master: 'PROFILE_MASTER', scope: 'NONE' });
    expect(json.resource.okta_profile_mapping.omni.depends_on).toEqual(['okta_app_user_schema_property.omni_costcenter']);
  });

  test('a renamed integration moves its mapping and attributes instead of replacing them', () => {
    const json = synthSync('omni_old');
    expect(json.moved).toEqual(
      expect.arrayContaining([
        { from: 'okta_profile_mapping.omni_old', to: 'okta_profile_mapping.omni' },
        { from: 'okta_app_user_schema_property.omni_old_costcenter', to: 'okta_app_user_schema_property.omni_costcenter' },
      ]),
    );
  });
});
