import { Testing, TerraformVariable } from 'cdktf';
import { oktaTestStack as oktaStack } from '../../helpers';
import { OktaAppConnection } from '../../../constructs/provisioning/okta-app-connection';
import { OktaAppFeatures } from '../../../constructs/provisioning/okta-app-features';

describe('OktaAppConnection and OktaAppFeatures', () => {
  test('single nested blocks are JSON objects; the token is a variable reference', () => {
    const stack = oktaStack();
    const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true });
    new OktaAppConnection(stack, 'conn', { appId: 'app', baseUrl: 'https://sp.example/scim/v2', profile: { authScheme: 'TOKEN', token: token.stringValue } });
    new OktaAppFeatures(stack, 'feat', { appId: 'app', capabilities: { createUsers: 'ENABLED', updateAttributes: 'DISABLED', deactivateUsers: 'ENABLED', syncPassword: 'DISABLED' } });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(json.resource.okta_app_connection.conn).toMatchObject({ id: 'app', base_url: 'https://sp.example/scim/v2', action: 'activate', profile: { auth_scheme: 'TOKEN', token: '${var.token}' } });
    expect(json.resource.okta_app_features.feat).toMatchObject({
      app_id: 'app',
      name: 'USER_PROVISIONING',
      status: 'ENABLED',
      capabilities: {
        create: { lifecycle_create: { status: 'ENABLED' } },
        update: { lifecycle_deactivate: { status: 'ENABLED' }, profile: { status: 'DISABLED' }, password: { status: 'DISABLED' } },
      },
    });
  });
});
