import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { TerraformStack } from 'cdktf';
import { RootConstruct } from 'constructs';

/**
 * An Okta app outside every app and stack, for an integration whose props cannot work: an escape hatch on it
 * (`oktaApp.addOverride(...)`) does nothing, and synth still fails, with every problem of every construct, instead
 * of stopping at the first construct whose app the user's code reaches for. Never synthesized or written anywhere.
 */
export function standInApp(key: string): AppSaml {
  const stack = new TerraformStack(new RootConstruct('okta-sso-stand-in'), 'stand-in');
  return new AppSaml(stack, key, { label: key });
}
