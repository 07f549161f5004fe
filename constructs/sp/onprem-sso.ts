import { Construct } from 'constructs';
import { FieldProblem } from '../../model/problem';
import { ProvisioningProps, ScimConnectorProps, SsoIntegrationProps } from '../../model/sso-props';
import { validateSsoProps } from '../../rules/validate-props';
import { SsoIntegration } from './sso-integration';

/**
 * Provisioning of an on-premises app: through the Okta Provisioning Agent to a SCIM connector. No `token`: the agent
 * authenticates with the connector's credential, and a SCIM token is for cloud SPs.
 */
export interface OnPremProvisioningProps extends Omit<ProvisioningProps, 'token'> {
  /** The SCIM connector the agent forwards to, and how it authenticates. */
  readonly connector: ScimConnectorProps;
}

export interface OnPremSsoProps extends Omit<SsoIntegrationProps, 'provisioning'> {
  /** The app's ACS URL. */
  readonly acsUrl: string;
  /** The app's SP entity ID. */
  readonly audience: string;
  /**
   * Default relay state for IdP-initiated sign-in.
   * @default - none
   */
  readonly relayState?: string;
  /**
   * SCIM provisioning through the Okta Provisioning Agent: the runbook carries
   * "Configure SCIM Connector" and its test with exact values.
   * @default - SSO only
   */
  readonly provisioning?: OnPremProvisioningProps;
}

/**
 * An on-premises app: a custom SAML 2.0 app, provisioned through the Okta
 * Provisioning Agent and a SCIM connector installed next to the app (base URL
 * with the SCIM version and a trailing slash; auth basic, header or none, the
 * credential a SecretRef). The IdP record is the generic one.
 */
export class OnPremSso extends SsoIntegration {
  constructor(scope: Construct, id: string, props: OnPremSsoProps) {
    super(scope, id, 'onprem', props);
  }
}

/** Checks on-premises app props against every rule the construct enforces at synth that the props alone decide. */
export function validateOnPremSsoProps(props: OnPremSsoProps, key = 'onprem'): readonly FieldProblem[] {
  return validateSsoProps('onprem', key, props);
}
