import { Construct } from 'constructs';
import { FieldProblem } from '../../model/problem';
import { SsoIntegrationProps } from '../../model/sso-props';
import { validateSsoProps } from '../../rules/validate-props';
import { SsoIntegration } from './sso-integration';

export interface AtlanSsoProps extends SsoIntegrationProps {
  /** The Single sign-on URL exactly as Atlan shows it (Atlan publishes no pattern). */
  readonly acsUrl: string;
  /** The Audience URI (SP entity ID) exactly as Atlan shows it. */
  readonly audience: string;
  /**
   * Default relay state for IdP-initiated sign-in.
   * @default - none
   */
  readonly relayState?: string;
}

/**
 * Atlan: a custom SAML 2.0 app with the attributes Atlan reads (firstName,
 * lastName, email) and a `memberOf` group statement (narrow its regex filter with
 * `groupAttribute`). Usernames are permanent in Atlan once provisioned: never
 * change the username format afterwards. The IdP record is Okta's metadata XML.
 */
export class AtlanSso extends SsoIntegration {
  constructor(scope: Construct, id: string, props: AtlanSsoProps) {
    super(scope, id, 'atlan', props);
  }
}

/** Checks Atlan props against every rule the construct enforces at synth that the props alone decide. */
export function validateAtlanSsoProps(props: AtlanSsoProps, key = 'atlan'): readonly FieldProblem[] {
  return validateSsoProps('atlan', key, props);
}
