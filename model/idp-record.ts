/**
 * The SP's record of Okta as its identity provider: which Okta value goes in
 * which of the SP's fields, in the SP's words and format.
 */

/** Values Okta's SAML app provides (computed attributes of `okta_app_saml`), by the names used in config. */
export const IDP_VALUES = {
  ssoUrl: "Okta's sign-on URL (HTTP-POST binding, `http_post_binding`)",
  issuer: "Okta's issuer / IdP entity ID (`entity_url`)",
  certificatePem: "Okta's signing certificate as PEM, with BEGIN/END lines (`certificate`)",
  certificateBase64: "Okta's signing certificate as base64 on one line, without BEGIN/END lines (`certificate`)",
  metadataXml: "Okta's IdP metadata XML (`metadata`)",
  metadataUrl: "Okta's IdP metadata URL (`metadata_url`)",
} as const;

export type IdpValue = keyof typeof IDP_VALUES;

export function isIdpValue(name: string): name is IdpValue {
  return Object.prototype.hasOwnProperty.call(IDP_VALUES, name);
}

/** One field of the SP's IdP form, in the SP's order. */
export interface IdpRecordField {
  /** Stable machine name (camelCase), e.g. `idpUrl`. */
  readonly id: string;
  /** The field's label in the SP's console, e.g. `IDP URL`. */
  readonly label: string;
  /** The Okta value that fills it; exactly one of `from` and `value`. */
  readonly from?: IdpValue;
  /** A fixed setting the SP needs, e.g. `IdP login allowed: true`. */
  readonly value?: string | boolean;
  /** The field's name in the SP's API or Terraform resource, when it has one. */
  readonly apiName?: string;
}

/** Where and what the SP needs to know about Okta. */
export interface IdpRecordSpec {
  /** Where the form is in the SP's console. */
  readonly where: string;
  readonly fields: readonly IdpRecordField[];
  /** Terraform resource type that holds the record when the SP has a provider, e.g. `snowflake_saml2_integration`. */
  readonly terraformResource?: string;
}

/** Terraform output that carries an integration's IdP record. */
export function idpRecordOutputName(integrationKey: string): string {
  return `idp_record_${integrationKey}`;
}

/** The command that renders an integration's IdP record after apply: `--env` is required, as each environment has its own record. */
export function idpRecordCommand(environment: string, integrationKey: string): string {
  return `okta-sso idp-record --env ${environment} --integration ${integrationKey}`;
}

/** Version of the output object's shape (schema/idp-record.schema.json). */
export const IDP_RECORD_SCHEMA_VERSION = 1;

/**
 * Whether the SP's record turns IdP-initiated sign-in off (Aiven's `IdP login allowed: off`): a sign-in started from Okta
 * then fails, whatever the relay state, so it is checked from the SP's own login page and no relay state is wanted.
 */
export function idpLoginOff(spec: IdpRecordSpec | undefined): boolean {
  return spec?.fields.some((f) => f.id === 'idpLoginAllowed' && f.value === false) ?? false;
}
