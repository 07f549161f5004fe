import { Saml2Integration } from '@cdktf/provider-snowflake/lib/saml2-integration';
import { ScimIntegration } from '@cdktf/provider-snowflake/lib/scim-integration';
import { Construct } from 'constructs';
import { FieldProblem } from '../../model/problem';
import { SsoIntegrationProps } from '../../model/sso-props';
import { validateSsoProps } from '../../rules/validate-props';
import { SsoIntegration } from './sso-integration';

export interface SnowflakeSsoProps extends SsoIntegrationProps {
  /**
   * The Snowflake account identifier `orgname-account_name` (not a URL, not a legacy locator), e.g. `acme-analytics`.
   * The construct declares the `snowflake` provider for it (one per account, alias `snowflake_<org>_<account>`), which
   * reads its credentials from the `SNOWFLAKE_*` environment variables: a `SnowflakeProvider` of your own is not used.
   */
  readonly account: string;
  /**
   * Name of the `snowflake_saml2_integration` in Snowflake (the SCIM one adds `_SCIM`).
   * @default - `OKTA_<KEY>`, from the key before a rename (`renamedFrom`), so a rename never recreates it
   */
  readonly integrationName?: string;
  /**
   * Label of the SP-initiated sign-in button on Snowflake's login page.
   * @default 'Okta'
   */
  readonly loginPageLabel?: string;
  /**
   * Create the `snowflake_scim_integration` (run as OKTA_PROVISIONER, a role declared once per account).
   * @default - on when SCIM provisioning is declared
   */
  readonly scim?: boolean;
}

/**
 * Snowflake: a custom SAML 2.0 app with ACS URL and entity ID from the account,
 * and Snowflake's side as Terraform resources too: `snowflake_saml2_integration`
 * referencing the Okta app's sign-on URL, issuer and certificate, and with SCIM
 * `snowflake_scim_integration` and the account's OKTA_PROVISIONER role. Snowflake
 * provider credentials come from its environment variables (SNOWFLAKE_USER,
 * SNOWFLAKE_PRIVATE_KEY...); one aliased provider per account is added to the stack.
 */
export class SnowflakeSso extends SsoIntegration {
  constructor(scope: Construct, id: string, props: SnowflakeSsoProps) {
    super(scope, id, 'snowflake', props);
  }

  /** Snowflake's SAML2 security integration that trusts Okta, when the props can work. */
  public get saml2Integration(): Saml2Integration | undefined {
    return this.snowflakeRecord?.saml2Integration;
  }

  /** Snowflake's SCIM integration that Okta provisions through, when SCIM is on. */
  public get scimIntegration(): ScimIntegration | undefined {
    return this.snowflakeRecord?.scimIntegration;
  }
}

/** Checks Snowflake props against every rule the construct enforces at synth that the props alone decide. */
export function validateSnowflakeSsoProps(props: SnowflakeSsoProps, key = 'snowflake'): readonly FieldProblem[] {
  return validateSsoProps('snowflake', key, props);
}
