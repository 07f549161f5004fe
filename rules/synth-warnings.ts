import * as fs from 'fs';
import * as path from 'path';
import { POLICY_TAG } from './policy-checks';

/** Policy warnings recorded in each stack's cdk.tf.json under `<outdir>/stacks`, one line each, by stack. */
export function synthWarnings(outdir: string): string[] {
  const stacksDir = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacksDir)) return [];
  const out: string[] = [];
  for (const name of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, name, 'cdk.tf.json');
    if (!fs.existsSync(file)) continue;
    const apps = JSON.parse(fs.readFileSync(file, 'utf8')).resource?.okta_app_saml ?? {};
    for (const app of Object.keys(apps).sort()) {
      for (const w of apps[app]?.['//']?.[POLICY_TAG]?.warnings ?? []) out.push(`${name}: warning: ${w}`);
    }
  }
  return out;
}
