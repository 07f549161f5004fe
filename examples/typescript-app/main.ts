import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { AivenConsole, AivenSso, OmniSso, ProvisioningMethod, SecretRef, SnowflakeSso } from 'cdktf-okta-sso';
import { Construct } from 'constructs';

/** Acme's SaaS apps in one Okta org: SSO, provisioning and each SP's record of Okta. */
class AcmeSsoStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // State outside cdktf.out, at a relative path: cdk.tf.json is then the same on every machine.
    new LocalBackend(this, { path: `../../../state/${id}.tfstate` });
    // Credentials come from OKTA_API_TOKEN (or the OAuth 2.0 variables), never from code.
    new OktaProvider(this, 'okta', { orgName: 'acme', baseUrl: 'okta.com' });

    const aiven = new AivenSso(this, 'aiven', {
      accountId: 'a0b8e61f3c92',
      methodId: 'am0b8e61f3c93',
      relayState: AivenConsole.AIVEN,
      groups: ['Engineering', 'SRE'],
      provisioning: {
        token: SecretRef.fromStore('vault/okta-sso/prod/aiven-scim-token'),
        connected: true,
        pushGroups: [
          { group: 'Engineering', target: 'engineering' },
          { group: 'SRE', target: 'sre' },
        ],
      },
    });

    new OmniSso(this, 'omni', {
      label: 'Omni Analytics',
      acsUrl: 'https://acme.omniapp.co/api/auth/saml/acs',
      audience: 'acme.omniapp.co',
      groups: ['Analytics'],
      provisioning: { method: ProvisioningMethod.FIRST_LOGIN },
    });

    new SnowflakeSso(this, 'snowflake', {
      account: 'acme-analytics',
      groups: ['Data-Engineering'],
      provisioning: { token: SecretRef.fromEnv('SNOWFLAKE_SCIM_TOKEN') },
    });

    // What an integration gives you to wire onward: the app, and Okta's values for the SP.
    new TerraformOutput(this, 'aiven_app_id', { value: aiven.appId });
  }
}

const app = new App();
new AcmeSsoStack(app, 'prod');
app.synth();
