import { Testing } from 'cdktf';
import { OktaGroups } from '../../../constructs/okta-groups';
import { Provisioning } from '../../../constructs/provisioning/provisioning';
import { SecretRef } from '../../../model/provisioning/secret-ref';
import { IntegrationModel, ProvisioningModel } from '../../../model/types';
import { oktaTestStack as oktaStack } from '../../helpers';

const BASE: ProvisioningModel = {
  method: 'scim',
  token: SecretRef.fromEnv('SP_TOKEN'),
  features: { createUsers: true, updateAttributes: true, deactivateUsers: true, syncPassword: false },
  importGroups: false,
  enhancedGroupPush: false,
  pushGroups: [{ group: 'Engineering', target: 'eng', deleteTargetGroupOnDestroy: false }],
  terraformManaged: false,
  connected: true,
};

function integration(provisioning: ProvisioningModel, groups = [{ name: 'Engineering', create: false }]): IntegrationModel {
  return {
    key: 'sp',
    preset: 'generic',
    groups,
    provisioning,
    saml: {
      label: 'SP',
      acsUrl: 'https://sp.example/acs',
      recipient: 'https://sp.example/acs',
      destination: 'https://sp.example/acs',
      audience: 'https://sp.example',
      nameId: { format: 'emailAddress', template: '${user.userName}' },
      username: { format: 'email' },
      signing: { algorithm: 'RSA_SHA256', digest: 'SHA256', responseSigned: true, assertionSigned: true },
      attributes: [],
      showInDashboard: true,
      honorForceAuthn: false,
      status: 'ACTIVE',
    },
    props: {},
  };
}

function build(model: IntegrationModel) {
  const stack = oktaStack();
  new Provisioning(stack, 'p', { integration: model, appId: 'app-id', oktaGroups: OktaGroups.of(stack) });
  return stack;
}

describe('Provisioning construct', () => {
  test('push groups reference the assigned group and the app output names the app', () => {
    const json = JSON.parse(Testing.synth(build(integration(BASE)), true));
    expect(json.resource.okta_push_group.sp_group_engineering).toMatchObject({ source_group_id: '${data.okta_group.group_engineering.id}', target_group_name: 'eng', delete_target_group_on_destroy: false });
    expect(json.output.provisioning_sp.value).toEqual({ app_id: 'app-id', app_label: 'SP' });
  });
});
