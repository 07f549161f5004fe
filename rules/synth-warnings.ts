import { POLICY_TAG } from './policy-checks';

/** The policy warnings recorded in one synthesized stack (cdk.tf.json shape), one line each, by app key. */
export function policyWarningsOf(stack: string, tf: Readonly<Record<string, any>>): string[] {
  const apps = tf.resource?.okta_app_saml ?? {};
  const out: string[] = [];
  for (const app of Object.keys(apps).sort()) {
    for (const w of apps[app]?.['//']?.[POLICY_TAG]?.warnings ?? []) out.push(`${stack}: warning: ${w}`);
  }
  return out;
}
