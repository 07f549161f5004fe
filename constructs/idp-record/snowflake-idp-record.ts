import { Saml2Integration } from '@cdktf/provider-snowflake/lib/saml2-integration';
import { ScimIntegration } from '@cdktf/provider-snowflake/lib/scim-integration';
import { Construct } from 'constructs';
import { SnowflakeModel } from '../../model/presets/snowflake';
import { MovedBlock } from '../moved-block';
import { terraformLiteral } from '../okta-expression';
import { OKTA_PROVISIONER, OktaProvisionerRoles } from './okta-provisioner-role';
import { OktaIdpValues } from './okta-idp-values';
import { SnowflakeProviders } from './snowflake-providers';

export interface SnowflakeIdpRecordProps {
  /** Integration key; the resources are `snowflake_saml2_integration.<key>` and `snowflake_scim_integration.<key>`. */
  readonly key: string;
  /** The Snowflake account and object names, resolved from config. */
  readonly snowflake: SnowflakeModel;
  /** Okta's values, as references to the app's computed attributes. */
  readonly values: OktaIdpValues;
  /** The Okta app's ACS URL, as a reference (`okta_app_saml.<key>.sso_url`): Snowflake must expect the same URL. */
  readonly acsUrl: string;
  /** The Okta app's audience, as a reference (`okta_app_saml.<key>.audience`): Snowflake's issuer URL. */
  readonly audience: string;
  /**
   * Integration key before a rename: emits `moved` blocks so the Snowflake
   * integrations are not replaced (their names in Snowflake come from the model).
   * @default - not renamed
   */
  readonly renamedFrom?: string;
}

/**
 * Snowflake's half of the integration as Terraform resources: the SAML2
 * security integration that trusts Okta, and the SCIM integration Okta
 * provisions through, which runs as the account's OKTA_PROVISIONER role
 * (declared once per account, see OktaProvisionerRoles). Both are protected by
 * `prevent_destroy` (removing them signs every user out or breaks provisioning).
 */
export class SnowflakeIdpRecord extends Construct {
  public readonly saml2Integration: Saml2Integration;
  public readonly scimIntegration?: ScimIntegration;

  constructor(scope: Construct, id: string, props: SnowflakeIdpRecordProps) {
    super(scope, id);
    const { snowflake, values } = props;
    const provider = SnowflakeProviders.of(this).forAccount(snowflake.account);
    this.saml2Integration = new Saml2Integration(this, 'saml2', {
      provider,
      name: snowflake.integrationName,
      // The provider's booleans on this resource are strings.
      enabled: 'true',
      saml2Provider: 'OKTA',
      saml2Issuer: values.issuer,
      saml2SsoUrl: values.ssoUrl,
      saml2X509Cert: values.certificateBase64,
      // Unset, Snowflake falls back to the account's legacy locator URLs, which Okta does not use.
      saml2SnowflakeAcsUrl: props.acsUrl,
      saml2SnowflakeIssuerUrl: props.audience,
      saml2EnableSpInitiated: 'true',
      saml2SpInitiatedLoginPageLabel: terraformLiteral(snowflake.loginPageLabel),
      lifecycle: { preventDestroy: true },
    });
    this.saml2Integration.overrideLogicalId(props.key);
    if (snowflake.scimIntegrationName) {
      // Snowflake rejects a SCIM integration whose run-as role does not exist.
      const provisioner = OktaProvisionerRoles.of(this).forAccount(snowflake.account);
      this.scimIntegration = new ScimIntegration(this, 'scim', {
        provider,
        name: snowflake.scimIntegrationName,
        enabled: true,
        scimClient: 'OKTA',
        runAsRole: OKTA_PROVISIONER,
        lifecycle: { preventDestroy: true },
        dependsOn: [...provisioner.all],
      });
      this.scimIntegration.overrideLogicalId(props.key);
    }
    if (props.renamedFrom) {
      const moved = (type: string) => new MovedBlock(this, `moved-${type}`, { from: `${type}.${props.renamedFrom}`, to: `${type}.${props.key}` });
      moved(Saml2Integration.tfResourceType);
      if (this.scimIntegration) moved(ScimIntegration.tfResourceType);
    }
  }
}
