/**
 * The props every SP construct shares, in the words of the config files
 * (`acsUrl`, `relayState`, `groups`, `provisioning.pushGroups`...). Each SP's own
 * props interface (constructs/sp/) extends `SsoIntegrationProps` with that SP's
 * words; the config layer builds the same props from YAML.
 */
import type {
  AppStatus,
  AttributeNameFormat,
  AttributePush,
  AttributeType,
  DigestAlgorithm,
  GroupFilterType,
  NameIdFormat,
  ProvisioningMethod,
  SignatureAlgorithm,
  UsernameFormat,
} from './choices';
import type { SecretRef } from './provisioning/secret-ref';
import type { RuleId } from './rule-catalog';
import type { SpMetadataDocument } from './sp-metadata-document';

/** An Okta group assigned to the app. */
export interface OktaGroupProps {
  /** The Okta group name, exactly as in Okta. */
  readonly name: string;
  /**
   * Create the group in Okta (protected by `prevent_destroy`) instead of looking it up by name.
   * @default false
   */
  readonly create?: boolean;
  /**
   * Description of a created group.
   * @default - none
   */
  readonly description?: string;
  /**
   * Okta's priority of this assignment (which group's app profile wins when a user is in several). Adopted apps keep their live priorities.
   * @default - the group's position in `groups`, from 1
   */
  readonly priority?: number;
}

/** The app's username: what Okta sends to the SP as the user's name. */
export interface UsernameProps {
  /** `email` (`${source.email}`), `login` (`${source.login}`) or `custom` (your `template`). */
  readonly format: UsernameFormat;
  /**
   * Okta expression for `custom`, written as in the Okta Admin Console, e.g. `${source.login}`.
   * @default - none; required for `custom`
   */
  readonly template?: string;
}

/** The SAML NameID (subject) Okta sends. */
export interface NameIdProps {
  /**
   * NameID format.
   * @default 'emailAddress'
   */
  readonly format?: NameIdFormat;
  /**
   * Okta expression for the value, as in the Okta Admin Console.
   * @default '${user.userName}'
   */
  readonly template?: string;
}

/** How Okta signs SAML responses and assertions. */
export interface SigningProps {
  /** @default 'RSA_SHA256' */
  readonly algorithm?: SignatureAlgorithm;
  /** @default 'SHA256' */
  readonly digest?: DigestAlgorithm;
  /** @default true */
  readonly responseSigned?: boolean;
  /** @default true */
  readonly assertionSigned?: boolean;
}

/** One SAML attribute statement. */
export interface AttributeStatementProps {
  /** Attribute name the SP expects, e.g. `email`. */
  readonly name: string;
  /** Okta expressions for its values, e.g. `user.email`. */
  readonly values: readonly string[];
  /** @default 'unspecified' */
  readonly nameFormat?: AttributeNameFormat;
}

/** The SAML attribute that carries the user's Okta groups. */
export interface GroupAttributeProps {
  /** Attribute name, e.g. `memberOf`. */
  readonly name: string;
  /** Which groups are sent. */
  readonly filter: { readonly type: GroupFilterType; readonly value: string };
  /** @default 'unspecified' */
  readonly nameFormat?: AttributeNameFormat;
}

/** An Okta catalog (OIN) app, used instead of a custom SAML 2.0 app only when you name its key. */
export interface CatalogAppProps {
  /** Okta's `preconfigured_app` name, exactly as Okta shows it (lower case, digits and `_`; anything else, `''` too, is an error). Changing it replaces the app. */
  readonly key: string;
  /**
   * The app's settings (`app_settings_json`): list every non-empty key Okta returns, or plans drift.
   * @default {}
   */
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
}

/** A policy rule this integration is exempt from, with the reason a reviewer reads. */
export interface RuleSuppressionProps {
  /** The rule ID, e.g. `RuleId.ASSIGNED_TO_GROUP` or `'SSO-009'` (an editor completes both; another string is refused at synth, naming the IDs). */
  readonly rule: RuleId | (string & Record<never, never>);
  /** Why this integration is exempt; not empty. Recorded in cdk.tf.json and shown by review. */
  readonly reason: string;
}

/** One Okta group pushed to the SP as a group of the SP. */
export interface PushGroupProps {
  /** The Okta group; it must be one of the app's `groups`. */
  readonly group: string;
  /**
   * The group's name in the SP.
   * @default - the Okta group's name
   */
  readonly target?: string;
  /**
   * Link to a group that already exists in the SP, by the ID Okta shows for it, instead of a group named `target`.
   * Adopted push groups use it: the mapping's target name is never read back, so a name would replace the mapping.
   * @default - none: the mapping pushes to the group named `target`
   */
  readonly targetGroupId?: string;
  /**
   * Delete the SP group (and so its memberships) when the mapping is removed.
   * @default false
   */
  readonly deleteTargetGroupOnDestroy?: boolean;
}

/** Okta's "To App" provisioning features. */
export interface ProvisioningFeaturesProps {
  /** Create Users. @default - the SP's default */
  readonly createUsers?: boolean;
  /** Update User Attributes. @default - the SP's default */
  readonly updateAttributes?: boolean;
  /** Deactivate Users. @default - the SP's default */
  readonly deactivateUsers?: boolean;
  /** Sync Password. @default - the SP's default (off for every catalog SP) */
  readonly syncPassword?: boolean;
}

/**
 * Provisioning intent. Okta's API applies only part of it for most SPs: the rest
 * becomes admin steps in the generated runbook, with exact values.
 */
export interface ProvisioningProps {
  /**
   * SCIM, first-login (where the SP offers it) or none.
   * @default 'scim'
   */
  readonly method?: ProvisioningMethod;
  /**
   * Where the SP-issued SCIM token lives, e.g. `SecretRef.fromStore('vault/okta-sso/prod/aiven-scim-token')`. Never the token.
   * @default - none; required for SCIM to a cloud SP
   */
  readonly token?: SecretRef;
  /**
   * The SP's SCIM base URL, for the runbook (and `okta_app_connection` with `terraformManaged`).
   * @default - the SP's published pattern where there is one, else the runbook asks for it
   */
  readonly scimBaseUrl?: string;
  /** @default - the SP's default features */
  readonly features?: ProvisioningFeaturesProps;
  /**
   * Okta's Import Groups setting (Admin Console only).
   * @default false
   */
  readonly importGroups?: boolean;
  /**
   * Okta's enhanced group push, where the SP supports it.
   * @default false
   */
  readonly enhancedGroupPush?: boolean;
  /**
   * Okta groups pushed to the SP.
   * @default - none
   */
  readonly pushGroups?: readonly PushGroupProps[];
  /**
   * The runbook's provisioning steps are done in this environment: Terraform may now push groups and sync attributes.
   * @default false
   */
  readonly connected?: boolean;
  /**
   * Let Terraform manage the connection and features (`okta_app_connection`, `okta_app_features`): only for the catalog apps Okta's API accepts.
   * @default false
   */
  readonly terraformManaged?: boolean;
}

/** How the Okta Provisioning Agent authenticates to an on-premises SCIM connector (`type`: one of ConnectorAuthType). */
export type ScimConnectorAuthProps =
  | { readonly type: 'none' }
  | { readonly type: 'basic'; /** Where the Basic Auth username and password live. */ readonly credential: SecretRef }
  | { readonly type: 'header'; /** e.g. `Authorization`. */ readonly headerName: string; /** Where the header value lives. */ readonly credential: SecretRef };

/** An on-premises app's SCIM connector, reached through the Okta Provisioning Agent. */
export interface ScimConnectorProps {
  /** Connector base URL with the SCIM version in its path and a trailing slash, e.g. `https://scim.corp.example/scim/v2/`. */
  readonly baseUrl: string;
  /**
   * How the agent authenticates.
   * @default { type: 'none' }
   */
  readonly auth?: ScimConnectorAuthProps;
  /**
   * SCIM attribute that identifies a user in the app.
   * @default 'userName'
   */
  readonly uniqueUserField?: string;
}

/** One Okta user attribute sent to the app's user profile. */
export interface AttributeSyncProps {
  /** Attribute name in the app's user profile, e.g. `title`. */
  readonly attribute: string;
  /** Okta expression for its value, e.g. `user.title`. */
  readonly from: string;
  /** @default 'always' */
  readonly push?: AttributePush;
  /**
   * Declare the attribute in the app's user profile first (it is not one of the SP's SCIM attributes).
   * @default - not a custom attribute
   */
  readonly custom?: { readonly title?: string; readonly type?: AttributeType; readonly description?: string };
}

/**
 * The live Okta objects an integration adopts instead of creating: synth writes
 * Terraform `import` blocks for them, so the first plan changes nothing. Only
 * the app ID is required; the others are imported when given.
 */
export interface AdoptProps {
  /** The live Okta app's ID (20 characters, `0oa...`), as in the app's Admin Console URL. */
  readonly oktaAppId: string;
  /**
   * The live push group mappings, by Okta group name: the mapping ID (`okta-sso adopt` finds them).
   * Each such push group names its SP group by `targetGroupId`: the provider never reads a target
   * name back, so a name would replace the live mapping (an error).
   * @default - push groups are created
   */
  readonly pushGroupMappingIds?: Readonly<Record<string, string>>;
  /**
   * Groups this integration creates (`groups: [{ name, create: true }]`) that already exist, by name: the Okta group ID.
   * @default - created groups are created
   */
  readonly groupIds?: Readonly<Record<string, string>>;
  /**
   * The live profile mapping from Okta users to the app's users (attribute sync), by its ID (prm..., as
   * `GET /api/v1/mappings?targetId=<app ID>` lists it). Required with `attributeSync`: Okta keeps one for each app,
   * and without its ID the first plan would create it over the live one.
   * @default - none: an integration without attributeSync has no mapping to adopt
   */
  readonly profileMappingId?: string;
  /**
   * Custom attributes (`attributeSync[].custom`) that already exist in the app's user profile, by name.
   * @default - none
   */
  readonly userSchemaProperties?: readonly string[];
  /**
   * Snowflake only: the names of the security integrations and role that already exist (case-sensitive, as `SHOW INTEGRATIONS` lists them).
   * @default - Snowflake objects are created
   */
  readonly snowflake?: { readonly samlIntegration?: string; readonly scimIntegration?: string; readonly provisionerRole?: string };
}

/** The props every SP construct takes. */
export interface SsoIntegrationProps {
  /**
   * The integration's stable key: it names every Terraform resource (`okta_app_saml.<key>`), so never change it without `renamedFrom`.
   * Lowercase letters, digits and `_`, starting with a letter.
   * @default - the construct id
   */
  readonly key?: string;
  /**
   * App name shown in Okta.
   * @default - the SP's name (e.g. `Aiven`); for a generic SP, the key
   */
  readonly label?: string;
  /**
   * Okta groups assigned to the app, in priority order: a name (looked up; the plan fails unless Okta has a group of exactly that name), or `{ name, create: true }`.
   * @default - none (policy rule SSO-009 warns)
   */
  readonly groups?: ReadonlyArray<string | OktaGroupProps>;
  /**
   * The application username.
   * @default { format: 'email' }
   */
  readonly username?: UsernameProps;
  /**
   * The SAML NameID.
   * @default { format: 'emailAddress', template: '${user.userName}' }
   */
  readonly nameId?: NameIdProps;
  /**
   * Signing.
   * @default - RSA_SHA256 and SHA256, response and assertion signed
   */
  readonly signing?: SigningProps;
  /**
   * SAML attribute statements, in the order Okta sends them; each name once (the group attribute's too).
   * @default - the SP's (Atlan: firstName, lastName, email), else none
   */
  readonly attributes?: readonly AttributeStatementProps[];
  /**
   * The group attribute statement.
   * @default - the SP's (Atlan: memberOf, regex .*), else none
   */
  readonly groupAttribute?: GroupAttributeProps;
  /**
   * Show the app's tile on the Okta dashboard and in Okta Mobile.
   * @default true (false for SP-initiated-only SPs)
   */
  readonly showInDashboard?: boolean;
  /**
   * App status.
   * @default 'ACTIVE'
   */
  readonly status?: AppStatus;
  /**
   * Okta's "Honor Force Authentication": re-authenticate the user when the SP's request asks for it (the Admin Console's default for new apps is yes).
   * @default false
   */
  readonly honorForceAuthn?: boolean;
  /**
   * Recipient URL.
   * @default - the ACS URL
   */
  readonly recipient?: string;
  /**
   * Destination URL.
   * @default - the ACS URL
   */
  readonly destination?: string;
  /**
   * An Okta catalog app instead of a custom SAML 2.0 app.
   * @default - a custom SAML 2.0 app
   */
  readonly catalogApp?: CatalogAppProps;
  /**
   * SCIM or first-login provisioning, push groups, and where the token lives.
   * @default - SSO only
   */
  readonly provisioning?: ProvisioningProps;
  /**
   * Okta user attributes synced to the app's user profile (needs SCIM).
   * @default - none
   */
  readonly attributeSync?: readonly AttributeSyncProps[];
  /**
   * The SP's SAML metadata, to check the Okta side against: `SpMetadataDocument.fromFile(...)`.
   * @default - no check
   */
  readonly spMetadata?: SpMetadataDocument;
  /**
   * The key this integration had before a rename: emits `moved` blocks so nothing is replaced.
   * @default - not renamed
   */
  readonly renamedFrom?: string;
  /**
   * Rules this integration is exempt from, each with its reason.
   * @default - none
   */
  readonly suppressions?: readonly RuleSuppressionProps[];
  /**
   * Adopt the live Okta app (and its other live objects) instead of creating one: synth writes `import` blocks (Terraform >= 1.5).
   * @default - a new app is created
   */
  readonly adopt?: AdoptProps;
}

/**
 * Every prop any SP reads: what the resolver and the rules take. Each SP's props
 * interface is assignable to it (test/model/sso-props.test.ts checks).
 */
export interface AnySsoProps extends Omit<SsoIntegrationProps, 'provisioning'> {
  readonly acsUrl?: string;
  readonly audience?: string;
  readonly relayState?: string;
  /** Aiven. */
  readonly accountId?: string;
  readonly methodId?: string;
  readonly idpLoginAllowed?: boolean;
  /** Snowflake. */
  readonly account?: string;
  readonly integrationName?: string;
  readonly loginPageLabel?: string;
  readonly scim?: boolean;
  /** Generic SPs. */
  readonly idpRecord?: IdpRecordProps;
  readonly provisioning?: ProvisioningProps & { readonly connector?: ScimConnectorProps };
}

/** A generic SP's form for Okta as its IdP, field by field in the SP's words. */
export interface IdpRecordProps {
  /**
   * Where the form is in the SP's console.
   * @default "the SP's SAML / identity provider settings"
   */
  readonly where?: string;
  /**
   * The SP's fields in its order, each filled from one of Okta's values.
   * @default - sign-on URL, issuer, PEM certificate, metadata URL
   */
  readonly fields?: ReadonlyArray<{ readonly label: string; readonly from: IdpValueName }>;
}

/** Okta values an IdP record field can take. */
export type IdpValueName = 'ssoUrl' | 'issuer' | 'certificatePem' | 'certificateBase64' | 'metadataXml' | 'metadataUrl';
