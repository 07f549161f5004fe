import {
  AppStatus,
  AttributeNameFormat,
  DigestAlgorithm,
  GroupFilterType,
  NameIdFormat,
  SignatureAlgorithm,
  UsernameFormat,
} from './types';

/**
 * Integration settings as written in config (shared block merged with the
 * environment's override), before preset defaults. Mirrors
 * `schema/okta-sso.schema.json#/$defs/integrationFields`.
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
  readonly groups?: ReadonlyArray<string | { readonly name: string; readonly create?: boolean; readonly description?: string }>;
  /** Policy rules this integration is exempt from, each with its reason. */
  readonly suppressions?: ReadonlyArray<{ readonly rule: string; readonly reason: string }>;
  /** Aiven's own identifiers, from the Aiven Console's SAML setup page. */
  readonly aiven?: { readonly accountId?: string; readonly methodId?: string };
  /** Any further preset block; presets read their own. */
  readonly [presetBlock: string]: unknown;
}

/** A problem found in an integration's settings, located by field path. */
export interface FieldProblem {
  /** Dot path inside the integration settings, e.g. `relayState` or `signing.algorithm`. */
  readonly field: string;
  readonly message: string;
}
