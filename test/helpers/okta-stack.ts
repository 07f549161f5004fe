import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { Testing, TerraformStack } from 'cdktf';

/** A stack with the okta provider, as every stack that uses Okta resources needs. */
export function oktaStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new OktaProvider(stack, 'okta', { orgName: 'acme', baseUrl: 'okta.com' });
  return stack;
}
