import { IntegrationIndex } from './stack-index';
import { RunbookStep } from './synth-dir';

/**
 * What a live app's provisioning does to users, read from synth output alone. Where Okta's API applies
 * provisioning, `okta_app_features` says it. Elsewhere the runbook says what an admin sets (`Deactivate Users`
 * on), and whether the admin has done it shows in what synth emits around `provisioning.connected`
 * (model/provisioning/placement.ts, runbook/steps.ts): until it is set, the runbook waits with steps that
 * "let Terraform push groups / sync attributes once provisioning works", and push groups and attribute
 * mappings are Terraform resources only from then on.
 */

const ON = /^(on|yes|true|enabled?)\b/i;

/** Whether a runbook value reads on (`on`, `Enable`, `true`...). */
export const isOn = (v: string | undefined): boolean => v !== undefined && ON.test(v.trim());

/** Whether any step has a value whose label matches `label` and reads on. */
export function labelOn(steps: ReadonlyMap<string, RunbookStep>, label: RegExp): boolean {
  for (const step of steps.values()) {
    for (const [l, value] of Object.entries(step.values ?? {})) if (label.test(l) && isOn(String(value))) return true;
  }
  return false;
}

/** Whether any step has a value whose label matches `label`, whatever it reads. */
export function hasLabel(steps: ReadonlyMap<string, RunbookStep>, label: RegExp): boolean {
  for (const step of steps.values()) for (const l of Object.keys(step.values ?? {})) if (label.test(l)) return true;
  return false;
}

export const DEACTIVATE_LABEL = /^deactivate users$/i;

/** Steps that wait for provisioning to be connected (`<key>.push-groups`, `<key>.attribute-sync`): present only while it is not. */
const WAITS_FOR_CONNECTION = /\.(push-groups|attribute-sync)$/;

/** Resources synth emits for an app provisioned by hand only once its provisioning is connected. */
const ONCE_CONNECTED: ReadonlySet<string> = new Set(['okta_push_group', 'okta_profile_mapping', 'okta_app_user_schema_property']);

export function hasFeaturesResource(i: IntegrationIndex): boolean {
  for (const b of i.blocks.values()) if (b.type === 'okta_app_features') return true;
  return false;
}

/**
 * Whether the app deactivates users it is unassigned from: `on` when Terraform's okta_app_features enables
 * deactivation, or the runbook has Deactivate Users on and provisioning shows as connected; `if-connected`
 * when the runbook has it on and nothing in the output tells whether provisioning is connected yet (no push
 * groups or attribute mappings either way); undefined when it does not, or not yet (the runbook still waits).
 */
export function deprovisioningOf(i: IntegrationIndex): 'on' | 'if-connected' | undefined {
  for (const b of i.blocks.values()) {
    const body = b.body as Record<string, any>;
    if (b.type === 'okta_app_features' && body.status !== 'DISABLED' && body.capabilities?.update?.lifecycle_deactivate?.status === 'ENABLED') return 'on';
  }
  if (!labelOn(i.steps, DEACTIVATE_LABEL)) return undefined;
  // Recorded by synth since provisioning.connected existed; older output is read from its shape below.
  if (i.provisioningConnected !== undefined) return i.provisioningConnected ? 'on' : undefined;
  for (const id of i.steps.keys()) if (WAITS_FOR_CONNECTION.test(id)) return undefined;
  for (const b of i.blocks.values()) if (ONCE_CONNECTED.has(b.type)) return 'on';
  return 'if-connected';
}
