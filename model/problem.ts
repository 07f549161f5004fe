import { RULE_CATALOG, RuleId } from './rule-catalog';

/** A problem found in an integration's props, located by prop path. */
export interface FieldProblem {
  /** Dot path inside the props, e.g. `relayState`, `signing.algorithm` or `provisioning.pushGroups.0.group`. */
  readonly field: string;
  /** What is wrong, naming the bad value (never a secret) and what would be accepted. */
  readonly message: string;
  /** The rule it breaks. */
  readonly rule: RuleId;
  /**
   * Other props its judgement rests on (`provisioning.method` for a setting that only SCIM takes): where config
   * gave one of them a value its schema refused, the problem is a follow-on of that one and is not reported.
   */
  readonly reads?: readonly string[];
}

/** A problem of one rule at one prop. */
export function problem(rule: RuleId, field: string, message: string, reads?: readonly string[]): FieldProblem {
  return reads ? { field, message, rule, reads } : { field, message, rule };
}

/** Rules about a prop being set at all, or set beside another: a value refused for its form does not make them moot. */
const PRESENCE_RULES: ReadonlySet<RuleId> = new Set<RuleId>([RuleId.REQUIRED, RuleId.CONSISTENT, RuleId.SP_INITIATED_ONLY, RuleId.IDP_LOGIN_ALLOWED, RuleId.SP_PROVISIONING_SUPPORT]);

/** Whether a problem (or a policy finding, by its rule) is about a prop being set, not about its value. */
export function judgesPresence(p: { readonly rule: RuleId | string }): boolean {
  return PRESENCE_RULES.has(p.rule as RuleId);
}

/** Whether a problem leaves nothing to build: input that cannot work. A policy finding does not, since a suppression may accept it. */
export function blocksModel(p: FieldProblem): boolean {
  return !RULE_CATALOG[p.rule].suppressible;
}

/** A problem as printed after its location: a policy finding names its rule, so that it can be suppressed with a reason. */
export function describeProblem(p: FieldProblem): string {
  return RULE_CATALOG[p.rule].suppressible ? `${p.message} [${p.rule}]` : p.message;
}
