import type {
  AppStatus,
  AttributeNameFormat,
  DigestAlgorithm,
  GroupFilterType,
  NameIdFormat,
  ProvisioningFeature,
  ProvisioningMethod,
  SignatureAlgorithm,
  UsernameFormat,
} from '../model/types';

/**
 * Integration settings as written in config (shared block merged with the
 * environment's override). Mirrors `schema/okta-sso.schema.json#/$defs/integrationFields`.
 * The config layer turns them into an SP's props (config/to-props.ts).
 */
export interface IntegrationSettings {
  readonly preset?: string;
  readonly label?: string;
  readonly renamedFrom?: string;
  readonly catalogApp?: { readonly key?: string; readonly settings?: Record<string, string | number | boolean> };
  readonly acsUrl?: string;
  readonly recipient?: string;
  readonly destination?: string;
  readonly audience?: string;
  readonly relayState?: string;
  readonly nameId?: { readonly format?: NameIdFormat; readonly template?: string };
  readonly username?: { readonly format?: UsernameFormat; readonly template?: string };
  readonly signing?: {
    readonly algorithm?: SignatureAlgorithm;
    readonly digest?: DigestAlgorithm;
    readonly responseSigned?: boolean;
    readonly assertionSigned?: boolean;
  };
  readonly attributes?: ReadonlyArray<{ readonly name: string; readonly values: readonly string[]; readonly nameFormat?: AttributeNameFormat }>;
  readonly groupAttribute?: {
    readonly name?: string;
    readonly filter?: { readonly type?: GroupFilterType; readonly value?: string };
    readonly nameFormat?: AttributeNameFormat;
  };
  readonly showInDashboard?: boolean;
  readonly status?: AppStatus;
  readonly honorForceAuthn?: boolean;
  readonly groups?: ReadonlyArray<string | { readonly name: string; readonly create?: boolean; readonly description?: string; readonly priority?: number }>;
  /** Policy rules this integration is exempt from, each with its reason. */
  readonly suppressions?: ReadonlyArray<{ readonly rule: string; readonly reason: string }>;
  /** Aiven's own identifiers, from the Aiven Console's SAML setup page. */
  readonly aiven?: { readonly accountId?: string; readonly methodId?: string; readonly idpLoginAllowed?: boolean };
  /** Snowflake preset: the account (per environment) and the Snowflake objects' names. */
  readonly snowflake?: { readonly account?: string; readonly integrationName?: string; readonly loginPageLabel?: string; readonly scim?: boolean };
  /** The SP's SAML metadata XML, saved in the config dir, to cross-check the Okta side against. */
  readonly spMetadata?: { readonly file?: string; readonly url?: string };
  /** Generic SPs: the SP's IdP form, field by field, in the SP's words. */
  readonly idpRecord?: { readonly where?: string; readonly fields?: ReadonlyArray<{ readonly label: string; readonly from: string }> };
  /** This environment's live Okta objects, adopted instead of created (environment entries only). */
  readonly adopt?: {
    readonly oktaAppId?: string;
    readonly pushGroupMappingIds?: Readonly<Record<string, string>>;
    readonly groupIds?: Readonly<Record<string, string>>;
    readonly profileMappingId?: string;
    readonly userSchemaProperties?: readonly string[];
    readonly snowflake?: { readonly samlIntegration?: string; readonly scimIntegration?: string; readonly provisionerRole?: string };
  };
  /** Provisioning intent: SCIM or first-login, features, push groups, where the token lives. */
  readonly provisioning?: ProvisioningSettings;
  /** Okta user attributes synced to the app's user profile. */
  readonly attributeSync?: ReadonlyArray<AttributeSyncSettings>;
  /** Any further preset block; presets read their own. */
  readonly [presetBlock: string]: unknown;
}

/** `provisioning:` as written in config. Mirrors `$defs/provisioning` in the schema. */
export interface ProvisioningSettings {
  readonly method?: ProvisioningMethod;
  readonly scimBaseUrl?: string;
  readonly token?: string;
  readonly features?: Partial<Record<ProvisioningFeature, boolean>>;
  readonly importGroups?: boolean;
  readonly enhancedGroupPush?: boolean;
  readonly pushGroups?: ReadonlyArray<{ readonly group: string; readonly target?: string; readonly targetGroupId?: string; readonly deleteTargetGroupOnDestroy?: boolean }>;
  readonly terraformManaged?: boolean;
  readonly connected?: boolean;
  readonly connector?: {
    readonly baseUrl?: string;
    readonly auth?: { readonly type?: 'basic' | 'header' | 'none'; readonly headerName?: string; readonly credential?: string };
    readonly uniqueUserField?: string;
  };
}

/** One `attributeSync:` entry as written in config. */
export interface AttributeSyncSettings {
  readonly attribute: string;
  readonly from: string;
  readonly push?: 'always' | 'on-create';
  readonly custom?: { readonly title?: string; readonly type?: 'string' | 'boolean' | 'number' | 'integer'; readonly description?: string };
}
