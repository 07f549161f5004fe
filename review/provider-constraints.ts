import { BROKEN_RELEASES, brokenReleasesAllowed } from '../model/provider-versions';
import { ownEntry } from '../model/own-entry';
import { SettingChange } from './model';
import { RiskFinding, finding } from './risk';
import { isObject } from './synth-dir';

/**
 * The providers a stack requires (`terraform.required_providers`): a changed version constraint or source
 * lets `terraform init` install another release than before (medium). An okta/okta constraint that admits a
 * release never to install (model/provider-versions.ts BROKEN_RELEASES: 6.14.0, whose README says "DO NOT
 * UPGRADE") is high, and so is one removed, which admits every release. In an added environment the
 * constraints are shown as settings, and only such a constraint is a risk.
 */

/** The stack's `terraform.required_providers`, by local name. */
export type RequiredProviders = Readonly<Record<string, unknown>>;

const ATTRIBUTES = [
  ['source', 'source'],
  ['version', 'version constraint'],
] as const;

/** Terraform reads `>=6.6.0,!=6.14.0` as `>= 6.6.0, != 6.14.0`: spacing is no change. */
const spacing = (v: string | undefined) => v?.replace(/\s+/g, '');

function attribute(required: RequiredProviders, name: string, key: string): string | undefined {
  const entry = ownEntry(required, name);
  const value = isObject(entry) ? ownEntry(entry, key) : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Releases never to install that an okta/okta constraint admits (any, when there is none); none for a constraint that is not valid. */
function brokenAdmitted(constraint: string | undefined): string[] {
  return constraint === undefined ? Object.keys(BROKEN_RELEASES) : brokenReleasesAllowed(constraint);
}

export function providerConstraintChanges(base: RequiredProviders, head: RequiredProviders, added: boolean): { findings: RiskFinding[]; settings: SettingChange[] } {
  const findings: RiskFinding[] = [];
  const settings: SettingChange[] = [];
  for (const name of [...new Set([...Object.keys(base), ...Object.keys(head)])].sort()) {
    const provider = attribute(head, name, 'source') ?? attribute(base, name, 'source') ?? name;
    for (const [key, words] of ATTRIBUTES) {
      // Added: base is the empty stack, so `before` is undefined and only what head sets is shown.
      const before = attribute(base, name, key);
      const after = attribute(head, name, key);
      // A new environment shows each constraint (its source is in the setting's name), as it shows its org and backend.
      if (spacing(before) === spacing(after) || (added && key === 'source')) continue;
      const setting = `${provider} provider ${words}`;
      settings.push({ resource: 'terraform', setting, attribute: `required_providers.${name}.${key}`, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
      const broken = key === 'version' && provider === 'okta/okta' ? brokenAdmitted(after) : [];
      if (broken.length) {
        // Why such a release must not be installed is the class's impact, said once in the Risks list.
        const releases = broken.map((r) => `okta/okta ${r}`).join(', ');
        findings.push(finding('provider-version', after === undefined ? `${setting} removed: every release is admitted, ${releases} too` : `${setting} admits ${releases}`, 'high'));
      } else if (!added) findings.push(finding('provider-version', `${setting} changed`));
    }
  }
  return { findings, settings };
}
