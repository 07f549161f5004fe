/**
 * The typed model: what the config layer produces and the constructs consume.
 * Everything here is plain data, already merged (shared settings + environment
 * overrides) and defaulted by the SP preset.
 */

/** How Okta builds the username it sends to the SP. */
export type UsernameFormat = 'email' | 'login' | 'custom';

/** SAML NameID formats, in the short names used in config. */
export type NameIdFormat = 'unspecified' | 'emailAddress' | 'persistent' | 'transient' | 'x509SubjectName';

export type SignatureAlgorithm = 'RSA_SHA256' | 'RSA_SHA1';
export type DigestAlgorithm = 'SHA256' | 'SHA1';

export type AppStatus = 'ACTIVE' | 'INACTIVE';

/** Okta group attribute statement filter types, in config words. */
export type GroupFilterType = 'regex' | 'startsWith' | 'equals' | 'contains';

export type AttributeNameFormat = 'unspecified' | 'uri' | 'basic';

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
  /** SP preset name (`aiven`, `omni`, `atlan`, `generic`). */
  readonly preset: string;
  /** Key this integration had before a rename; emits a `moved` block. */
  readonly renamedFrom?: string;
  readonly saml: SamlSettings;
  readonly groups: readonly GroupAssignment[];
  /** Policy rules this integration is exempt from. */
  readonly suppressions?: readonly RuleSuppression[];
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
