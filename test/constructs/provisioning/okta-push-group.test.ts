import { Testing } from 'cdktf';
import { oktaTestStack as oktaStack } from '../../helpers';
import { OktaPushGroup } from '../../../constructs/provisioning/okta-push-group';

function synthPush(props: ConstructorParameters<typeof OktaPushGroup>[2]) {
  const stack = oktaStack();
  new OktaPushGroup(stack, 'push', props);
  return JSON.parse(Testing.synth(stack, true)).resource.okta_push_group.push;
}

describe('OktaPushGroup', () => {
  test('writes delete_target_group_on_destroy even when false (the provider defaults to true)', () => {
    const r = synthPush({ appId: 'app', sourceGroupId: 'grp', targetGroupName: 'eng', deleteTargetGroupOnDestroy: false });
    expect(r).toMatchObject({ app_id: 'app', source_group_id: 'grp', target_group_name: 'eng', status: 'ACTIVE', delete_target_group_on_destroy: false });
    expect(r).not.toHaveProperty('app_config');
  });

  test('app_config is an object with all five keys, null where unset', () => {
    const r = synthPush({ appId: 'app', sourceGroupId: 'grp', deleteTargetGroupOnDestroy: true, appConfig: { type: 'ACTIVE_DIRECTORY', groupScope: 'DOMAIN_LOCAL', groupType: 'SECURITY' } });
    expect(r.app_config).toEqual({ type: 'ACTIVE_DIRECTORY', distinguished_name: null, group_scope: 'DOMAIN_LOCAL', group_type: 'SECURITY', sam_account_name: null });
    expect(r.delete_target_group_on_destroy).toBe(true);
  });
});
