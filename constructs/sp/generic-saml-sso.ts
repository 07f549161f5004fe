import { Construct } from 'constructs';
import { FieldProblem } from '../../model/problem';
import { IdpRecordProps, SsoIntegrationProps } from '../../model/sso-props';
import { validateSsoProps } from '../../rules/validate-props';
import { SsoIntegration } from './sso-integration';

export interface GenericSamlSsoProps extends SsoIntegrationProps {
  /**
   * The SP's ACS URL.
   * @default - the default HTTP-POST AssertionConsumerService of `spMetadata`; required without it
   */
  readonly acsUrl?: string;
  /**
   * The SP entity ID, exactly as the SP publishes it (a URI, not always a URL).
   * @default - the entityID of `spMetadata`; required without it
   */
  readonly audience?: string;
  /**
   * Default relay state for IdP-initiated sign-in.
   * @default - none
   */
  readonly relayState?: string;
  /**
   * The SP's form for Okta as its IdP, field by field in its words.
   * @default - sign-on URL, issuer, PEM certificate, metadata URL
   */
  readonly idpRecord?: IdpRecordProps;
}

/**
 * Any SAML 2.0 SP (with SCIM 2.0 if it has it): the values given explicitly, or
 * taken from the SP's metadata (`spMetadata: SpMetadataDocument.fromFile(...)`),
 * which the Okta app is then checked against (rule SSO-013).
 */
export class GenericSamlSso extends SsoIntegration {
  constructor(scope: Construct, id: string, props: GenericSamlSsoProps) {
    super(scope, id, 'generic', props);
  }
}

/** Checks generic SP props against every rule the construct enforces at synth that the props alone decide. */
export function validateGenericSamlSsoProps(props: GenericSamlSsoProps, key = 'generic'): readonly FieldProblem[] {
  return validateSsoProps('generic', key, props);
}
