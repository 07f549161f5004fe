import { showValue } from './show-value';
/**
 * Snowflake account identifiers in the preferred `orgname-account_name` form
 * (Snowflake docs, "Account identifiers"). The legacy locator form is not
 * accepted: the Snowflake Terraform provider 2.x needs the organization and
 * account names, which a locator does not give.
 */
export interface SnowflakeAccount {
  /** The identifier as written in config, e.g. `acme-analytics_prod`. */
  readonly identifier: string;
  readonly organizationName: string;
  readonly accountName: string;
  /**
   * Host label for URLs that Okta uses: lowercase, `_` replaced by `-`, because
   * Okta SSO and SCIM reject underscores (Snowflake docs).
   */
  readonly hostLabel: string;
}

// Organization names are letters and digits; account names add underscores, not at the end.
const ACCOUNT_IDENTIFIER = /^([A-Za-z][A-Za-z0-9]*)-([A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]|[A-Za-z])$/;
const MAX_LENGTH = 63;

export const SNOWFLAKE_ACCOUNT_ACCEPTED =
  'an account identifier orgname-account_name (letters, digits and _ in the account name, starting with a letter, not ending with _, at most 63 characters), e.g. acme-analytics_prod';

/** Parses an account identifier, or says why it is not one. */
export function parseSnowflakeAccount(identifier: string): SnowflakeAccount | { readonly problem: string } {
  const shown = showValue(identifier);
  if (identifier.includes('.snowflakecomputing.com') || identifier.includes('://')) {
    return { problem: `Snowflake account ${shown} is a URL; write the account identifier only; accepted: ${SNOWFLAKE_ACCOUNT_ACCEPTED}` };
  }
  if (identifier.length > MAX_LENGTH) return { problem: `Snowflake account ${shown} is ${identifier.length} characters long; accepted: ${SNOWFLAKE_ACCOUNT_ACCEPTED}` };
  const m = ACCOUNT_IDENTIFIER.exec(identifier);
  if (!m) {
    const hint = /^[A-Za-z0-9]+(\.[A-Za-z0-9-]+)+$/.test(identifier) || /^[A-Za-z]{2}\d{5}$/.test(identifier) ? ' (this looks like a legacy account locator)' : '';
    return { problem: `Snowflake account ${shown} is not a valid account identifier${hint}; accepted: ${SNOWFLAKE_ACCOUNT_ACCEPTED}` };
  }
  return { identifier, organizationName: m[1], accountName: m[2], hostLabel: identifier.toLowerCase().replace(/_/g, '-') };
}

/**
 * Snowflake's endpoints for an account, as Okta must be configured with them:
 * SAML ACS URL and entity ID, and the SCIM base URL (`/scim/v2/` on the
 * account URL, for SCIM access tokens; Snowflake docs, "SCIM user API
 * reference"), all on the hyphenated host Okta accepts.
 */
export function snowflakeUrls(account: SnowflakeAccount): { acsUrl: string; entityId: string; scimBaseUrl: string } {
  const base = `https://${account.hostLabel}.snowflakecomputing.com`;
  return { acsUrl: `${base}/fed/login`, entityId: base, scimBaseUrl: `${base}/scim/v2/` };
}
