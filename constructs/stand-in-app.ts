import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { Construct } from 'constructs';
import { INTEGRATION_KEY } from '../model/resolve-integration';

/**
 * The Okta app of an integration whose props cannot work, out of the construct tree: an escape hatch on it
 * (`oktaApp.addOverride(...)`) does nothing, and synth still fails, with every problem of every construct, instead
 * of stopping at the first construct whose app the user's code reaches for. It keeps its scope, so a reference to
 * it (`oktaApp.id` in an output) resolves in the stack, to the app's own address (`okta_app_saml.<key>`, as
 * `appId` says); being no child, it is never validated or synthesized.
 */
export function standInApp(scope: Construct, key: string): AppSaml {
  const app = new AppSaml(scope, 'stand-in-app', { label: 'stand-in' });
  // A key no construct may take (`constructor`) keeps the id above, which its validation reports.
  if (INTEGRATION_KEY.test(key)) app.overrideLogicalId(key);
  scope.node.tryRemoveChild(app.node.id);
  return app;
}
