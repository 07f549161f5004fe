/**
 * The closed sets users pick from, each as a constant an editor completes
 * (`NameIdFormat.EMAIL_ADDRESS`) and as the type of the values it holds.
 * Config files use the same values.
 */

/** How Okta builds the username it sends to the SP (the app's "Application username format"). */
export const UsernameFormat = {
  /** `${source.email}` (Okta's "Email"). */
  EMAIL: 'email',
  /** `${source.login}` (Okta's "Okta username"). */
  LOGIN: 'login',
  /** Your own Okta expression in `username.template`. */
  CUSTOM: 'custom',
} as const;
export type UsernameFormat = (typeof UsernameFormat)[keyof typeof UsernameFormat];

/** SAML NameID formats, by the short names Okta's Admin Console shows. */
export const NameIdFormat = {
  UNSPECIFIED: 'unspecified',
  EMAIL_ADDRESS: 'emailAddress',
  PERSISTENT: 'persistent',
  TRANSIENT: 'transient',
  X509_SUBJECT_NAME: 'x509SubjectName',
} as const;
export type NameIdFormat = (typeof NameIdFormat)[keyof typeof NameIdFormat];

export const SignatureAlgorithm = { RSA_SHA256: 'RSA_SHA256', RSA_SHA1: 'RSA_SHA1' } as const;
export type SignatureAlgorithm = (typeof SignatureAlgorithm)[keyof typeof SignatureAlgorithm];

export const DigestAlgorithm = { SHA256: 'SHA256', SHA1: 'SHA1' } as const;
export type DigestAlgorithm = (typeof DigestAlgorithm)[keyof typeof DigestAlgorithm];

export const AppStatus = { ACTIVE: 'ACTIVE', INACTIVE: 'INACTIVE' } as const;
export type AppStatus = (typeof AppStatus)[keyof typeof AppStatus];

/** Okta's group attribute statement filters. */
export const GroupFilterType = { REGEX: 'regex', STARTS_WITH: 'startsWith', EQUALS: 'equals', CONTAINS: 'contains' } as const;
export type GroupFilterType = (typeof GroupFilterType)[keyof typeof GroupFilterType];

/** SAML attribute name formats. */
export const AttributeNameFormat = { UNSPECIFIED: 'unspecified', URI: 'uri', BASIC: 'basic' } as const;
export type AttributeNameFormat = (typeof AttributeNameFormat)[keyof typeof AttributeNameFormat];

/** How users reach the SP: pushed by SCIM, created at their first SAML sign-in, or not provisioned. */
export const ProvisioningMethod = { SCIM: 'scim', FIRST_LOGIN: 'first-login', NONE: 'none' } as const;
export type ProvisioningMethod = (typeof ProvisioningMethod)[keyof typeof ProvisioningMethod];

/** How the Okta Provisioning Agent authenticates to an on-premises SCIM connector (ScimConnectorAuthProps' `type`). */
export const ConnectorAuthType = { NONE: 'none', BASIC: 'basic', HEADER: 'header' } as const;
export type ConnectorAuthType = (typeof ConnectorAuthType)[keyof typeof ConnectorAuthType];

/** When a synced attribute is sent: on create and every update, or only when the user is created. */
export const AttributePush = { ALWAYS: 'always', ON_CREATE: 'on-create' } as const;
export type AttributePush = (typeof AttributePush)[keyof typeof AttributePush];

/** Types of a custom attribute added to the app's user profile. */
export const AttributeType = { STRING: 'string', BOOLEAN: 'boolean', NUMBER: 'number', INTEGER: 'integer' } as const;
export type AttributeType = (typeof AttributeType)[keyof typeof AttributeType];

/** The Aiven consoles; an Aiven app's default relay state must be the one the organisation signs in to. */
export const AivenConsole = {
  /** Aiven Console. */
  AIVEN: 'https://console.aiven.io',
  /** Aiven on the Google Cloud Marketplace. */
  GCP_MARKETPLACE: 'https://console.gcp.aiven.io/',
  /** Aiven on the AWS Marketplace. */
  AWS_MARKETPLACE: 'https://console.aws.aiven.io/',
} as const;
export type AivenConsole = (typeof AivenConsole)[keyof typeof AivenConsole];

/** Every value of a choice constant, in declaration order (for messages and schemas). */
export function choicesOf<T extends Readonly<Record<string, string>>>(choice: T): Array<T[keyof T]> {
  return Object.values(choice) as Array<T[keyof T]>;
}
