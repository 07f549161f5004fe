import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { oktaResourceConfig } from './okta-resource-config';

/** `okta_app_connection.profile` (a single nested block, written as a JSON object). */
export interface OktaAppConnectionProfile {
  /** `TOKEN` or `OAUTH2`. */
  readonly authScheme: 'TOKEN' | 'OAUTH2';
  /**
   * Bearer token for TOKEN; pass a sensitive Terraform variable's value, never a literal.
   * @default - none
   */
  readonly token?: string;
}

export interface OktaAppConnectionProps extends TerraformMetaArguments {
  /** The Okta app ID: okta_app_connection's `id` is the app, not a generated ID. */
  readonly appId: string;
  /** The provisioning connection's base URL (the SP's SCIM endpoint). */
  readonly baseUrl: string;
  /**
   * `activate` or `deactivate` the connection.
   * @default 'activate'
   */
  readonly action?: 'activate' | 'deactivate';
  readonly profile: OktaAppConnectionProfile;
}

/**
 * `okta_app_connection` (okta/okta >= 6.5.0, plugin framework; the 4.20.0
 * bindings have no class for it). Delete is a no-op in the provider.
 */
export class OktaAppConnection extends TerraformResource {
  public static readonly tfResourceType = 'okta_app_connection';

  constructor(
    scope: Construct,
    id: string,
    private readonly props: OktaAppConnectionProps,
  ) {
    super(scope, id, oktaResourceConfig(OktaAppConnection.tfResourceType, props));
  }

  /** ENABLED, DISABLED or UNKNOWN, as Okta reports it. */
  public get status(): string {
    return this.getStringAttribute('status');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      id: this.props.appId,
      base_url: this.props.baseUrl,
      action: this.props.action ?? 'activate',
      profile: { auth_scheme: this.props.profile.authScheme, token: this.props.profile.token },
    };
  }
}
