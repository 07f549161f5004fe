import { AppUserSchemaProperty } from '@cdktf/provider-okta/lib/app-user-schema-property';
import { ProfileMapping } from '@cdktf/provider-okta/lib/profile-mapping';
import { Construct } from 'constructs';
import { AttributeSyncModel } from '../../model/types';
import { MovedBlock } from '../moved-block';
import { oktaExpression, terraformLiteral } from '../okta-expression';
import { oktaUserProfileSource } from './user-profile-source';
import { attributeRef } from '../terraform-ref';
import { schemaPropertyLogicalId } from '../../model/terraform-names';

export interface AttributeSyncProps {
  /** Integration key; the mapping's address is `okta_profile_mapping.<key>`. */
  readonly key: string;
  /** Okta app ID (`okta_app_saml.<key>.id`). */
  readonly appId: string;
  /** Attributes to send, in config order. */
  readonly attributes: readonly AttributeSyncModel[];
  /**
   * Integration key before a rename.
   * @default - not renamed
   */
  readonly renamedFrom?: string;
}

export { schemaPropertyLogicalId };

/**
 * Okta-to-app attribute mappings (`okta_profile_mapping`), plus the app profile
 * attributes the app lacks (`okta_app_user_schema_property`). Mappings not in
 * config are left alone (`delete_when_absent` false).
 */
export class AttributeSync extends Construct {
  public readonly mapping: ProfileMapping;
  public readonly customAttributes: readonly AppUserSchemaProperty[];

  constructor(scope: Construct, id: string, props: AttributeSyncProps) {
    super(scope, id);
    const moved = (type: string, from: string, to: string) => new MovedBlock(this, `moved-${type}-${to}`, { from: `${type}.${from}`, to: `${type}.${to}` });

    this.customAttributes = props.attributes
      .filter((a) => a.custom)
      .map((a) => {
        const logicalId = schemaPropertyLogicalId(props.key, a.attribute);
        const property = new AppUserSchemaProperty(this, `attribute-${a.attribute}`, {
          appId: props.appId,
          index: a.attribute,
          title: terraformLiteral(a.custom!.title),
          type: a.custom!.type,
          description: terraformLiteral(a.custom!.description),
          master: 'PROFILE_MASTER',
          scope: 'NONE',
        });
        property.overrideLogicalId(logicalId);
        if (props.renamedFrom) moved('okta_app_user_schema_property', schemaPropertyLogicalId(props.renamedFrom, a.attribute), logicalId);
        return property;
      });

    this.mapping = new ProfileMapping(this, 'mapping', {
      sourceId: attributeRef(oktaUserProfileSource(this), 'id'),
      targetId: props.appId,
      deleteWhenAbsent: false,
      alwaysApply: false,
      mappings: props.attributes.map((a) => ({ id: a.attribute, expression: oktaExpression(a.from), pushStatus: a.push === 'always' ? 'PUSH' : 'DONT_PUSH' })),
      dependsOn: this.customAttributes.length > 0 ? [...this.customAttributes] : undefined,
    });
    this.mapping.overrideLogicalId(props.key);
    if (props.renamedFrom) moved('okta_profile_mapping', props.renamedFrom, props.key);
  }
}
