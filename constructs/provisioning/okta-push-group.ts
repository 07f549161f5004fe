import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { oktaResourceConfig } from './okta-resource-config';

/** `okta_push_group.app_config` (for Active Directory targets). */
export interface OktaPushGroupAppConfig {
  /** e.g. ACTIVE_DIRECTORY. Needs okta/okta >= 6.11.0. @default - null */
  readonly type?: string;
  /** @default - null */
  readonly distinguishedName?: string;
  /** @default - null */
  readonly groupScope?: string;
  /** @default - null */
  readonly groupType?: string;
  /** @default - null */
  readonly samAccountName?: string;
}

export interface OktaPushGroupProps extends TerraformMetaArguments {
  /** The Okta app ID. Changing it replaces the mapping. */
  readonly appId: string;
  /** The Okta group pushed. Changing it replaces the mapping. */
  readonly sourceGroupId: string;
  /**
   * Group name in the SP. Changing it replaces the mapping.
   * @default - the source group's name (provider behaviour)
   */
  readonly targetGroupName?: string;
  /**
   * Link to an existing SP group by its ID instead of creating one.
   * @default - none
   */
  readonly targetGroupId?: string;
  /**
   * Mapping status.
   * @default 'ACTIVE'
   */
  readonly status?: 'ACTIVE' | 'INACTIVE';
  /**
   * Delete the SP group when the mapping is destroyed. Always written out: the
   * provider's own default is true, which would delete the group and its members.
   */
  readonly deleteTargetGroupOnDestroy: boolean;
  /**
   * Active Directory settings. Written with all five keys (null when unset):
   * it is an object attribute, and Terraform rejects an object missing keys.
   * @default - none
   */
  readonly appConfig?: OktaPushGroupAppConfig;
}

/** `okta_push_group` (okta/okta >= 6.6.0, plugin framework): pushes one Okta group to an app. */
export class OktaPushGroup extends TerraformResource {
  public static readonly tfResourceType = 'okta_push_group';

  constructor(
    scope: Construct,
    id: string,
    private readonly props: OktaPushGroupProps,
  ) {
    super(scope, id, oktaResourceConfig(OktaPushGroup.tfResourceType, props));
  }

  /** The push mapping's ID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    const c = this.props.appConfig;
    return {
      app_id: this.props.appId,
      source_group_id: this.props.sourceGroupId,
      target_group_name: this.props.targetGroupName,
      target_group_id: this.props.targetGroupId,
      status: this.props.status ?? 'ACTIVE',
      delete_target_group_on_destroy: this.props.deleteTargetGroupOnDestroy,
      app_config: c && {
        type: c.type ?? null,
        distinguished_name: c.distinguishedName ?? null,
        group_scope: c.groupScope ?? null,
        group_type: c.groupType ?? null,
        sam_account_name: c.samAccountName ?? null,
      },
    };
  }
}
