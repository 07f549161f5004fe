/**
 * The typed model: what the config layer produces and the constructs consume.
 * Everything here is plain data, already merged (shared settings + environment
 * overrides) and defaulted by the SP preset.
 */

import type { AppStatus, AttributeNameFormat, DigestAlgorithm, GroupFilterType, NameIdFormat, ProvisioningMethod, SignatureAlgorithm, UsernameFormat } from './choices';
import type { IdpRecordSpec } from './idp-record';
import type { SnowflakeModel } from './presets/snowflake';
import type { SecretRef } from './provisioning/secret-ref';
import type { AnySsoProps } from './sso-props';
import type { AdoptModel } from './adopt';

export type { AppStatus, AttributeNameFormat, DigestAlgorithm, GroupFilterType, NameIdFormat, ProvisioningMethod, SignatureAlgorithm, UsernameFormat } from './choices';

export interface UsernameSettings {
  readonly format: UsernameFormat;
  /** Okta expression, only for `custom`, e.g. `${source.login}` (written unescaped in config). */
  readonly template?: string;
}

export interface NameIdSettings {
  readonly format: NameIdFormat;
  /** Okta expression for the NameID value, e.g. `${user.userName}`. */
  readonly template: string;
}

export interface SigningSettings {
  readonly algorithm: SignatureAlgorithm;
  readonly digest: DigestAlgorithm;
  readonly responseSigned: boolean;
  readonly assertionSigned: boolean;
}

export interface AttributeStatement {
  readonly name: string;
  /** Okta expressions, e.g. `user.firstName`. */
  readonly values: readonly string[];
  readonly nameFormat: AttributeNameFormat;
}

export interface GroupAttributeStatement {
  readonly name: string;
  readonly filter: { readonly type: GroupFilterType; readonly value: string };
  readonly nameFormat: AttributeNameFormat;
}

/** An Okta catalog (OIN) app, used only when config names its key. */
export interface CatalogApp {
  readonly key: string;
  readonly settings: Readonly<Record<string, string | number | boolean>>;
}

/** An Okta group assigned to an app. */
export interface GroupAssignment {
  /** The Okta group name, exactly as in Okta. */
  readonly name: string;
  /** Create the group in Okta instead of looking it up. */
  readonly create: boolean;
  readonly description?: string;
  /** Okta's priority of the assignment; by default the position in `groups`, from 1. */
  readonly priority?: number;
}

/** Everything the Okta SAML app needs, resolved. */
export interface SamlSettings {
  readonly label: string;
  readonly catalogApp?: CatalogApp;
  readonly acsUrl: string;
  readonly recipient: string;
  readonly destination: string;
  readonly audience: string;
  readonly relayState?: string;
  readonly nameId: NameIdSettings;
  readonly username: UsernameSettings;
  readonly signing: SigningSettings;
  readonly attributes: readonly AttributeStatement[];
  readonly groupAttribute?: GroupAttributeStatement;
  readonly showInDashboard: boolean;
  readonly status: AppStatus;
  /** Okta's "Honor Force Authentication". */
  readonly honorForceAuthn: boolean;
}

/** A policy rule this integration is exempt from, and why (recorded in the synth output). */
export interface RuleSuppression {
  /** Rule ID, e.g. `SSO-003`. */
  readonly rule: string;
  /** Why the integration is exempt; never empty. */
  readonly reason: string;
}

/** One SaaS app integration in one environment. */
export interface IntegrationModel {
  /** Stable key from config; becomes the Terraform logical ID. */
  readonly key: string;
  /** SP preset name (`aiven`, `omni`, `atlan`, `snowflake`, `onprem`, `generic`). */
  readonly preset: string;
  /** Key this integration had before a rename; emits a `moved` block. */
  readonly renamedFrom?: string;
  readonly saml: SamlSettings;
  readonly groups: readonly GroupAssignment[];
  /**
   * The SP's record of Okta as its IdP (fields in the SP's words).
   * @default - the generic record
   */
  readonly idpRecord?: IdpRecordSpec;
  /**
   * Snowflake only: the account and the Snowflake objects that hold the IdP record.
   * @default - not a Snowflake integration
   */
  readonly snowflake?: SnowflakeModel;
  /**
   * SCIM or first-login provisioning, push groups and where the token lives.
   * Absent when the integration is SSO only.
   */
  readonly provisioning?: ProvisioningModel;
  /** Okta-to-app profile mappings (title, department, ...), in config order. */
  readonly attributeSync?: readonly AttributeSyncModel[];
  /** Policy rules this integration is exempt from. */
  readonly suppressions?: readonly RuleSuppression[];
  /** The live Okta objects it adopts (import blocks) instead of creating them. */
  readonly adopt?: AdoptModel;
  /** The props it was resolved from (what a construct is built from). */
  readonly props: AnySsoProps;
}

/** Okta's "To App" provisioning checkboxes, in config words. */
export type ProvisioningFeature = 'createUsers' | 'updateAttributes' | 'deactivateUsers' | 'syncPassword';

export type ProvisioningFeatures = Readonly<Record<ProvisioningFeature, boolean>>;

export type { SecretRef } from './provisioning/secret-ref';

/** One Okta group pushed to the SP as a group of the SP. */
export interface PushGroupMapping {
  /** Okta group name; must be assigned to the app. */
  readonly group: string;
  /** Group name in the SP. */
  readonly target: string;
  /** An existing SP group, by the ID Okta shows for it: pushed to instead of a group named `target`. */
  readonly targetGroupId?: string;
  /** Delete the SP group (and so its memberships) when the mapping is removed. */
  readonly deleteTargetGroupOnDestroy: boolean;
}

/** How the Okta Provisioning Agent authenticates to an on-premises SCIM connector. */
export type ConnectorAuth =
  | { readonly type: 'basic'; readonly credential: SecretRef }
  | { readonly type: 'header'; readonly headerName: string; readonly credential: SecretRef }
  | { readonly type: 'none' };

/** An on-premises app's SCIM connector, reached through the Okta Provisioning Agent. */
export interface OnPremConnector {
  /** SCIM connector base URL, with the SCIM version in its path and a trailing slash. */
  readonly baseUrl: string;
  readonly auth: ConnectorAuth;
  /** SCIM attribute that identifies a user in the app. */
  readonly uniqueUserField: string;
}

export interface ProvisioningModel {
  readonly method: ProvisioningMethod;
  /** The SP's SCIM base URL, when config records it. */
  readonly scimBaseUrl?: string;
  /** Where the SP-issued SCIM token lives. */
  readonly token?: SecretRef;
  readonly features: ProvisioningFeatures;
  /** Always false once validated where the SP forbids it. */
  readonly importGroups: boolean;
  readonly enhancedGroupPush: boolean;
  readonly pushGroups: readonly PushGroupMapping[];
  /** Config opts into `okta_app_connection` / `okta_app_features` (only where Okta's API supports the app). */
  readonly terraformManaged: boolean;
  /** The provisioning connection is set up and tested in this environment, so Terraform may push groups. */
  readonly connected: boolean;
  readonly connector?: OnPremConnector;
}

/** One Okta user attribute sent to the app's user profile. */
export interface AttributeSyncModel {
  /** Attribute name in the app's user profile, e.g. `title`. */
  readonly attribute: string;
  /** Okta expression for the value, e.g. `user.title`. */
  readonly from: string;
  /** `always`: pushed on create and update; `on-create`: only when the user is created. */
  readonly push: 'always' | 'on-create';
  /** Declares the attribute in the app's user profile first (`okta_app_user_schema_property`). */
  readonly custom?: { readonly title: string; readonly type: 'string' | 'boolean' | 'number' | 'integer'; readonly description?: string };
}

export type BackendModel =
  | { readonly type: 'local'; /** relative to the project root */ readonly path: string }
  | {
      readonly type: 's3';
      readonly bucket: string;
      readonly key: string;
      readonly region: string;
      readonly dynamodbTable?: string;
      readonly useLockfile?: boolean;
      readonly encrypt: boolean;
    }
  | { readonly type: 'hcp'; readonly organization: string; readonly workspace: string; readonly hostname?: string };

export interface OktaOrg {
  /** Okta org name: the `acme` in `acme.okta.com`. */
  readonly orgName: string;
  /** Okta domain: `okta.com`, `oktapreview.com`, `okta-emea.com`... */
  readonly baseUrl: string;
  /**
   * okta/okta provider version constraint for this environment's stack.
   * @default - DEFAULT_OKTA_PROVIDER_CONSTRAINT (`>= 6.6.0, != 6.14.0, < 8.0.0`)
   */
  readonly providerVersion?: string;
  /**
   * The okta/okta provider's `max_api_capacity`: the percentage (1 to 100) of
   * each rate-limit bucket the provider may use before it waits for the bucket
   * to reset, so that a plan of a large org leaves room for other API clients.
   * `okta-sso adopt` keeps its reads of the environment's org within it too.
   * @default - unset: the provider's own default, 100 (no limit of its own)
   */
  readonly maxApiCapacity?: number;
}

export interface EnvironmentModel {
  readonly name: string;
  readonly okta: OktaOrg;
  readonly backend: BackendModel;
  readonly integrations: readonly IntegrationModel[];
}

export interface OrgModel {
  /** Environments in config order of their names (sorted for determinism). */
  readonly environments: readonly EnvironmentModel[];
}
