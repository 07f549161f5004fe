import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { oktaResourceConfig } from './okta-resource-config';

export type FeatureStatus = 'ENABLED' | 'DISABLED';

/** The "To App" capabilities of USER_PROVISIONING. */
export interface OktaAppFeaturesCapabilities {
  /** Create Users. */
  readonly createUsers: FeatureStatus;
  /** Update User Attributes. */
  readonly updateAttributes: FeatureStatus;
  /** Deactivate Users. */
  readonly deactivateUsers: FeatureStatus;
  /** Sync Password. */
  readonly syncPassword: FeatureStatus;
}

export interface OktaAppFeaturesProps extends TerraformMetaArguments {
  /** The Okta app ID. */
  readonly appId: string;
  /**
   * Feature name.
   * @default 'USER_PROVISIONING'
   */
  readonly name?: 'USER_PROVISIONING' | 'INBOUND_PROVISIONING';
  /**
   * Feature status.
   * @default 'ENABLED'
   */
  readonly status?: FeatureStatus;
  readonly capabilities: OktaAppFeaturesCapabilities;
}

/**
 * `okta_app_features` (okta/okta >= 6.5.0, plugin framework). Its nested
 * blocks are single nested blocks: JSON objects. Delete is a no-op in the provider.
 */
export class OktaAppFeatures extends TerraformResource {
  public static readonly tfResourceType = 'okta_app_features';

  constructor(
    scope: Construct,
    id: string,
    private readonly props: OktaAppFeaturesProps,
  ) {
    super(scope, id, oktaResourceConfig(OktaAppFeatures.tfResourceType, props));
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    const c = this.props.capabilities;
    return {
      app_id: this.props.appId,
      name: this.props.name ?? 'USER_PROVISIONING',
      status: this.props.status ?? 'ENABLED',
      capabilities: {
        create: { lifecycle_create: { status: c.createUsers } },
        update: {
          lifecycle_deactivate: { status: c.deactivateUsers },
          profile: { status: c.updateAttributes },
          // Sync Password sends each user's Okta password (seed OKTA) and resends it when it changes in Okta.
          password: c.syncPassword === 'ENABLED' ? { status: 'ENABLED', seed: 'OKTA', change: 'CHANGE' } : { status: 'DISABLED' },
        },
      },
    };
  }
}
