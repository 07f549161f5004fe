import { SpPreset } from '../model/presets';
import { isUnresolved } from '../model/unresolved';
import { RuleInfo } from '../model/rule-catalog';
import { IntegrationModel } from '../model/types';

export type { RuleLevel } from '../model/rule-catalog';

export type RuleOutcome =
  | { readonly status: 'compliant' }
  | { readonly status: 'not-applicable' }
  | { readonly status: 'non-compliant'; /** what is wrong, naming the value found */ readonly detail: string };

export const COMPLIANT: RuleOutcome = { status: 'compliant' };
export const NOT_APPLICABLE: RuleOutcome = { status: 'not-applicable' };
export function nonCompliant(detail: string): RuleOutcome {
  return { status: 'non-compliant', detail };
}

/** One resource of the synthesized stack, attributes in Terraform names, tokens resolved. */
export interface SynthBlock {
  readonly type: string;
  readonly address: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** What a rule sees of one integration: its synthesized resources and, when built from config, its model. */
export interface AppSubject {
  /** Integration key. */
  readonly key: string;
  /** The okta_app_saml resource. */
  readonly app: SynthBlock;
  /** Every resource of the integration, the app included. */
  readonly blocks: readonly SynthBlock[];
  /** The SP preset named in the app's tag, when known. */
  readonly preset?: SpPreset;
  /** Okta groups assigned to the app (okta_app_group_assignments / okta_app_group_assignment). */
  readonly groupsAssigned: number;
  /** The integration as resolved from config, when the stack was built from config. */
  readonly integration?: IntegrationModel;
}

/**
 * A policy rule in cdk-nag style, checked on the synthesized app (so escape-hatch
 * edits are seen too): stable ID, level, one-line reason and fix from the rule
 * catalog, and a pure check.
 */
export interface PolicyRule extends RuleInfo {
  check(subject: AppSubject): RuleOutcome;
}

/**
 * Whether a value of the app holds a Terraform reference, known only at apply: `${var.x}` in the synthesized JSON,
 * where a user's own `${` is escaped as `$${`, or cdktf's placeholder in the declared props. Rules judge the rest of the
 * app, not such a value.
 */
export function holdsTerraformReference(value: string): boolean {
  return isUnresolved(value) || /(?:^|[^$])\$\{/.test(value);
}
