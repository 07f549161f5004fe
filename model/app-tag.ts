import { PRESETS } from './presets';
import { IntegrationModel } from './types';

/** What synth records on each okta_app_saml under `"//": {"okta-sso": ...}` (Terraform ignores it) for review and other offline tools. */
export interface AppTag {
  readonly integration: string;
  readonly preset: string;
  /** The SP treats usernames as permanent: a username change is high risk. */
  readonly permanentUsernames: boolean;
  /** With SCIM provisioning: whether it is connected, so that unassigning a user deactivates the SP account. */
  readonly provisioningConnected?: boolean;
}

/** The tag of one integration's app; the same for the SP construct and the rules judging a declared app. */
export function appTag(integration: IntegrationModel): AppTag {
  return {
    integration: integration.key,
    preset: integration.preset,
    permanentUsernames: PRESETS[integration.preset]?.permanentUsernames ?? false,
    ...(integration.provisioning?.method === 'scim' ? { provisioningConnected: integration.provisioning.connected } : {}),
  };
}
