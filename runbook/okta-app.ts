import { SamlSettings } from '../model/types';

/**
 * The Okta app's settings as the runbook states them: what Terraform applies. These are the props' values unless
 * code changed one past the props (an escape hatch on the app or the stack): an admin who checks the app, or sets up
 * the SP to match it, must see the value Terraform applies.
 */
export interface RunbookApp extends Pick<SamlSettings, 'label' | 'acsUrl' | 'audience' | 'relayState' | 'username'> {
  /** The okta_app_saml arguments whose value an escape hatch changed, in the order the runbook shows them; empty when none did. */
  readonly overridden: readonly string[];
}

const NONE: readonly string[] = [];

/** The app as its props declare it, when nothing overrides them (the config path has no escape hatch). */
export function declaredApp(saml: SamlSettings): RunbookApp {
  return { label: saml.label, acsUrl: saml.acsUrl, audience: saml.audience, relayState: saml.relayState, username: saml.username, overridden: NONE };
}
