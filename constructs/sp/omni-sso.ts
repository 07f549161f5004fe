import { Construct } from 'constructs';
import { FieldProblem } from '../../model/problem';
import { ProvisioningProps, SsoIntegrationProps } from '../../model/sso-props';
import { validateSsoProps } from '../../rules/validate-props';
import { SsoIntegration } from './sso-integration';

export interface OmniSsoProps extends Omit<SsoIntegrationProps, 'showInDashboard' | 'provisioning'> {
  /** The ACS URL exactly as Omni's SAML settings page shows it, e.g. `https://acme.omniapp.co/api/auth/saml/acs`. */
  readonly acsUrl: string;
  /** Omni's SP entity ID exactly as Omni shows it: a bare hostname such as `acme.omniapp.co`, not a URL. */
  readonly audience: string;
  /**
   * Omni is SP-initiated only: a dashboard tile starts IdP-initiated sign-in, which Omni rejects (rule SSO-010).
   * @default false
   */
  readonly showInDashboard?: boolean;
  /**
   * SCIM (the token is an Omni organization API key) or `first-login` (Omni creates users at their first sign-in).
   * Omni has no password sync and no enhanced group push (rule SSO-012).
   * @default - SSO only
   */
  readonly provisioning?: ProvisioningProps;
}

/**
 * Omni: a custom SAML 2.0 app (Omni's catalog key is not published), SP-initiated
 * sign-in only (no relay state, no tile: SSO-010), SCIM or first-login
 * provisioning. The IdP record is the `idp_record_<key>` output in Omni's words
 * (Sign on URL, Issuer, Signing certificate as PEM).
 */
export class OmniSso extends SsoIntegration {
  constructor(scope: Construct, id: string, props: OmniSsoProps) {
    super(scope, id, 'omni', props);
  }
}

/** Checks Omni props against every rule the construct enforces at synth that the props alone decide. */
export function validateOmniSsoProps(props: OmniSsoProps, key = 'omni'): readonly FieldProblem[] {
  return validateSsoProps('omni', key, props);
}
