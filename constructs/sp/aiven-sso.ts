import { Construct } from 'constructs';
import { AivenConsole } from '../../model/choices';
import { FieldProblem } from '../../model/problem';
import { SsoIntegrationProps } from '../../model/sso-props';
import { validateSsoProps } from '../../rules/validate-props';
import { SsoIntegration } from './sso-integration';

export interface AivenSsoProps extends SsoIntegrationProps {
  /** The Aiven account ID, from the Aiven Console (Admin > Identity providers > your IdP's SAML setup), e.g. `a0b8e61f3c92`. */
  readonly accountId: string;
  /** The identity provider's (authentication method's) ID on the same page, e.g. `am0b8e61f3c93`. */
  readonly methodId: string;
  /**
   * Default relay state: the Aiven console your organisation signs in to. Aiven
   * answers "invalid relay state" to any other (rule SSO-006). `''` for none: only to
   * adopt a live app that has none, with SSO-006 suppressed until it is set.
   * @default AivenConsole.AIVEN (https://console.aiven.io)
   */
  readonly relayState?: AivenConsole | '';
  /**
   * Aiven's "IdP login allowed": must stay true while a relay state is set, or
   * Aiven answers "Authentication failed" (rule SSO-011).
   * @default true
   */
  readonly idpLoginAllowed?: boolean;
}

/**
 * Aiven: a custom SAML 2.0 app whose ACS URL and entity ID are built from the
 * account and method IDs, IdP-initiated sign-in to one of Aiven's consoles,
 * Email usernames (SSO-004), Import Groups off (SSO-005), SCIM provisioning
 * with push groups. The IdP record is the `idp_record_<key>` output in Aiven's
 * field names (IDP URL, Entity ID, Certificate, IdP login allowed).
 *
 * ```ts
 * new AivenSso(this, 'aiven', { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93', groups: ['Engineering'] });
 * ```
 */
export class AivenSso extends SsoIntegration {
  constructor(scope: Construct, id: string, props: AivenSsoProps) {
    super(scope, id, 'aiven', props);
  }
}

/** Checks Aiven props against every rule the construct enforces at synth that the props alone decide (its SP's rules and the policy rules on the app as declared); `key` as the construct would use it. */
export function validateAivenSsoProps(props: AivenSsoProps, key = 'aiven'): readonly FieldProblem[] {
  return validateSsoProps('aiven', key, props);
}
