import { Construct } from 'constructs';
import { attributeRef } from './terraform-ref';
import { PRESETS } from '../model/presets';
import { IntegrationModel } from '../model/types';
import { GroupAssignments } from './group-assignments';
import { IdpRecord } from './idp-record/idp-record';
import { oktaIdpValues } from './idp-record/okta-idp-values';
import { SnowflakeIdpRecord } from './idp-record/snowflake-idp-record';
import { GENERIC_IDP_RECORD } from '../model/resolve-idp-record';
import { OktaGroups } from './okta-groups';
import { Provisioning } from './provisioning/provisioning';
import { SamlApp } from './saml-app';

export interface SaasIntegrationProps {
  /** The integration, resolved from config. */
  readonly integration: IntegrationModel;
  /** The environment's group registry. */
  readonly oktaGroups: OktaGroups;
}

/** One SaaS app: its Okta SAML app, the groups assigned to it, and its provisioning. */
export class SaasIntegration extends Construct {
  public readonly samlApp: SamlApp;
  public readonly groupAssignments?: GroupAssignments;
  public readonly provisioning?: Provisioning;
  /** The SP's record of Okta as its IdP: the `idp_record_<key>` output. */
  public readonly idpRecord: IdpRecord;
  /** Snowflake only: the SP side as Terraform resources. */
  public readonly snowflake?: SnowflakeIdpRecord;

  constructor(scope: Construct, id: string, props: SaasIntegrationProps) {
    super(scope, id);
    const { integration } = props;
    this.samlApp = new SamlApp(this, 'saml', { key: integration.key, renamedFrom: integration.renamedFrom, ...integration.saml });
    // Terraform ignores "//" keys; review and other tools read which SP this app is for here.
    this.samlApp.app.addOverride('//.okta-sso', {
      integration: integration.key,
      preset: integration.preset,
      permanentUsernames: PRESETS[integration.preset]?.permanentUsernames ?? false,
    });
    if (integration.groups.length > 0) {
      this.groupAssignments = new GroupAssignments(this, 'groups', {
        key: integration.key,
        appId: attributeRef(this.samlApp.app, 'id'),
        groups: integration.groups,
        oktaGroups: props.oktaGroups,
        renamedFrom: integration.renamedFrom,
      });
    }
    if (integration.provisioning || integration.attributeSync) {
      this.provisioning = new Provisioning(this, 'provisioning', { integration, appId: attributeRef(this.samlApp.app, 'id'), oktaGroups: props.oktaGroups });
    }
    const app = this.samlApp.app;
    const values = oktaIdpValues(app);
    if (integration.snowflake) {
      this.snowflake = new SnowflakeIdpRecord(this, 'snowflake', {
        key: integration.key,
        snowflake: integration.snowflake,
        values,
        acsUrl: app.ssoUrl,
        audience: app.audience,
        renamedFrom: integration.renamedFrom,
      });
    }
    const spec = integration.idpRecord ?? GENERIC_IDP_RECORD;
    this.idpRecord = new IdpRecord(this, 'idp-record', {
      key: integration.key,
      preset: integration.preset,
      // A generic SP is known by its app's name.
      spName: integration.preset === 'generic' ? integration.saml.label : PRESETS[integration.preset]?.displayName ?? integration.preset,
      spec,
      values,
      terraformResource: spec.terraformResource && `${spec.terraformResource}.${integration.key}`,
    });
  }
}
