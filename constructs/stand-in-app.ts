import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { TerraformStack } from 'cdktf';
import { RootConstruct } from 'constructs';

/**
 * An Okta app outside every app and stack, for an integration whose props cannot work: an escape hatch on it
 * (`oktaApp.addOverride(...)`) does nothing, and synth still fails, with every problem of every construct, instead
 * of stopping at the first construct whose app the user's code reaches for. Never synthesized or written anywhere.
 */
export function standInApp(): AppSaml {
  // Ids of its own: the integration's key may be one no construct can take (`constructor`), which its validation reports.
  const stack = new TerraformStack(new RootConstruct('okta-sso-stand-in'), 'stand-in');
  return new AppSaml(stack, 'app', { label: 'stand-in' });
}
