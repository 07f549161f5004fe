import { TerraformOutput, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ProvisioningPlacement, placeProvisioning } from '../../model/provisioning/placement';
import { IntegrationModel } from '../../model/types';
import { MovedBlock } from '../moved-block';
import { terraformLiteral } from '../okta-expression';
import { provisioningOutputName, pushGroupLogicalId, scimTokenVariableName } from '../../model/terraform-names';
import { OktaGroups, groupLogicalId } from '../okta-groups';
import { AttributeSync } from './attribute-sync';
import { OktaAppConnection } from './okta-app-connection';
import { OktaAppFeatures } from './okta-app-features';
import { OktaPushGroup } from './okta-push-group';

export interface ProvisioningProps {
  /** The integration, resolved from config (its `provisioning` and `attributeSync`). */
  readonly integration: IntegrationModel;
  /** Okta app ID (`okta_app_saml.<key>.id`). */
  readonly appId: string;
  /** The stack's groups, so each group is declared once. */
  readonly oktaGroups: OktaGroups;
}

export { provisioningOutputName, pushGroupLogicalId, scimTokenVariableName };

/**
 * One integration's provisioning, Terraform side: the connection and features
 * where Okta's API supports the app (token from a sensitive variable), push
 * groups, attribute sync, and an output naming the app for the runbook.
 * Everything else is the runbook's (see model/provisioning/placement.ts).
 */
export class Provisioning extends Construct {
  public readonly placement?: ProvisioningPlacement;
  public readonly connection?: OktaAppConnection;
  public readonly features?: OktaAppFeatures;
  public readonly pushGroups: readonly OktaPushGroup[];
  /** The push mapping of each pushed Okta group, by the group's name. */
  public readonly pushGroupsByGroup: ReadonlyMap<string, OktaPushGroup>;
  public readonly attributeSync?: AttributeSync;

  constructor(scope: Construct, id: string, props: ProvisioningProps) {
    super(scope, id);
    const { integration } = props;
    const key = integration.key;
    const p = integration.provisioning;
    this.placement = placeProvisioning(integration);

    if (p && this.placement?.connection === 'terraform') {
      // The SP-issued token reaches Terraform only at plan time (TF_VAR_...): never in config or JSON.
      const token = new TerraformVariable(this, 'token', {
        type: 'string',
        sensitive: true,
        nullable: false,
        description: terraformLiteral(`SCIM token for ${integration.saml.label}; lives in ${p.token?.ref ?? 'the SP'}`),
      });
      token.overrideLogicalId(scimTokenVariableName(key));
      this.connection = new OktaAppConnection(this, 'connection', {
        appId: props.appId,
        baseUrl: terraformLiteral(p.scimBaseUrl ?? ''),
        action: 'activate',
        profile: { authScheme: 'TOKEN', token: token.stringValue },
      });
      this.connection.overrideLogicalId(key);
      if (integration.renamedFrom) this.moved(OktaAppConnection.tfResourceType, integration.renamedFrom, key);
    }
    if (p && this.placement?.features === 'terraform') {
      const status = (on: boolean) => (on ? 'ENABLED' : 'DISABLED') as 'ENABLED' | 'DISABLED';
      this.features = new OktaAppFeatures(this, 'features', {
        appId: props.appId,
        capabilities: {
          createUsers: status(p.features.createUsers),
          updateAttributes: status(p.features.updateAttributes),
          deactivateUsers: status(p.features.deactivateUsers),
          syncPassword: status(p.features.syncPassword),
        },
        dependsOn: this.connection ? [this.connection] : undefined,
      });
      this.features.overrideLogicalId(key);
      if (integration.renamedFrom) this.moved(OktaAppFeatures.tfResourceType, integration.renamedFrom, key);
    }

    const pushGroups: OktaPushGroup[] = [];
    const byGroup = new Map<string, OktaPushGroup>();
    if (p && this.placement?.pushGroups === 'terraform') {
      for (const mapping of p.pushGroups) {
        const index = integration.groups.findIndex((g) => g.name === mapping.group);
        if (index < 0) continue; // a push group must be assigned: the integration's validation reports it
        const push = new OktaPushGroup(this, `push-${groupLogicalId(mapping.group)}`, {
          appId: props.appId,
          sourceGroupId: props.oktaGroups.idOf(integration.groups[index], { integration: key, index }),
          // A mapping to an existing SP group is known by its ID; the name is then the SP's.
          targetGroupName: mapping.targetGroupId === undefined ? terraformLiteral(mapping.target) : undefined,
          targetGroupId: mapping.targetGroupId,
          status: 'ACTIVE',
          deleteTargetGroupOnDestroy: mapping.deleteTargetGroupOnDestroy,
          dependsOn: this.features ? [this.features] : undefined,
        });
        const logicalId = pushGroupLogicalId(key, mapping.group);
        push.overrideLogicalId(logicalId);
        if (integration.renamedFrom) this.moved(OktaPushGroup.tfResourceType, pushGroupLogicalId(integration.renamedFrom, mapping.group), logicalId);
        pushGroups.push(push);
        byGroup.set(mapping.group, push);
      }
    }
    this.pushGroups = pushGroups;
    this.pushGroupsByGroup = byGroup;

    // Like push groups, only once provisioning is enabled on the app (provisioning.connected).
    if (integration.attributeSync && integration.attributeSync.length > 0 && this.placement?.attributeSync === 'terraform') {
      this.attributeSync = new AttributeSync(this, 'attributes', { key, appId: props.appId, attributes: integration.attributeSync, renamedFrom: integration.renamedFrom });
    }

    if (p && p.method !== 'none') {
      const output = new TerraformOutput(this, 'output', {
        description: `The Okta app that the ${key} runbook steps refer to`,
        value: { app_id: props.appId, app_label: terraformLiteral(integration.saml.label) },
      });
      output.overrideLogicalId(provisioningOutputName(key));
    }
  }

  /** A `moved` block for one of this integration's resources after a rename. */
  private moved(type: string, from: string, to: string): void {
    new MovedBlock(this, `moved-${type}-${to}`, { from: `${type}.${from}`, to: `${type}.${to}` });
  }
}
