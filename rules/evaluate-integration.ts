import { describeProblem } from '../model/problem';
import { RuleId, RuleLevel } from '../model/rule-catalog';
import { SsoValidation } from '../model/validate-sso';
import { SuppressionRecord, evaluate, formatFinding } from './evaluate';
import { RULES } from './index';
import { AppSubject, PolicyRule } from './rule';
import { RULE_PROPS } from './rule-props';

/** One thing wrong with an integration, wherever it was found. */
export interface IntegrationFinding {
  readonly rule: RuleId;
  readonly level: RuleLevel;
  /** Props it is about, most likely first (a policy finding on the synthesized app names its rule's props). */
  readonly props: readonly string[];
  /** What is wrong, the bad value (never a secret) and what is accepted. */
  readonly message: string;
  /** `props`: judged from the props; `synthesized`: a policy rule on the synthesized app. */
  readonly source: 'props' | 'synthesized';
  /** What the rule found, alone (without the rule's why and fix that `message` adds). */
  readonly detail?: string;
}

/** What the `"//"."okta-sso-policy"` note on the app records: suppressions with what each rule found, and warnings. */
export interface PolicyNote {
  readonly suppressions?: ReadonlyArray<{ readonly rule: string; readonly reason: string; readonly outcome: SuppressionRecord['outcome'] }>;
  readonly warnings?: readonly string[];
}

export interface IntegrationEvaluation {
  readonly errors: readonly IntegrationFinding[];
  readonly warnings: readonly IntegrationFinding[];
  readonly note?: PolicyNote;
}

/**
 * Every rule on one integration: the props' findings (its SP's rules, the
 * common SAML rules, secrets, escaping) and the policy rules on its synthesized
 * app, suppressions applied. A rule found at the props is not reported again by
 * the policy rules. Used by the SP constructs' validation (on their real
 * resources) and by `validate` (on the app the model synthesizes to).
 */
export function evaluateIntegration(subject: AppSubject | undefined, validation: SsoValidation, rules: readonly PolicyRule[] = RULES): IntegrationEvaluation {
  const errors: IntegrationFinding[] = validation.problems.map((p) => ({ rule: p.rule, level: 'error', props: [p.field], message: describeProblem(p), source: 'props' }));
  const warnings: IntegrationFinding[] = [];
  if (!subject) return { errors, warnings };

  const result = evaluate(
    [subject],
    () => validation.suppressions,
    validation.rulesFound.size > 0 ? rules.filter((r) => !validation.rulesFound.has(r.id)) : rules,
  );
  for (const f of result.errors) errors.push({ rule: f.rule.id, level: 'error', props: RULE_PROPS[f.rule.id] ?? [], message: formatFinding(f), source: 'synthesized', detail: f.detail });
  if (validation.suppressions.length === 0 && result.warnings.length === 0) return { errors, warnings };

  // Every suppression's record, in rule ID order: what its rule found at the props or on the app.
  const onApp = new Map((result.suppressions.get(subject.key) ?? []).map((r) => [r.rule, r.outcome]));
  const records = [...validation.suppressions]
    .sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
    .map((s) => ({ rule: s.rule, reason: s.reason, outcome: validation.rulesFound.has(s.rule as RuleId) ? ('non-compliant' as const) : onApp.get(s.rule) ?? ('compliant' as const) }));
  const notes: string[] = [];
  for (const r of records) {
    if (r.outcome === 'non-compliant') continue;
    const message = `${subject.key}: suppression of ${r.rule} is not needed (the rule is ${r.outcome}); remove it`;
    notes.push(message);
    warnings.push({ rule: r.rule as RuleId, level: 'warning', props: ['suppressions'], message, source: 'props' });
  }
  for (const f of result.warnings) {
    const message = formatFinding(f);
    notes.push(message);
    warnings.push({ rule: f.rule.id, level: 'warning', props: RULE_PROPS[f.rule.id] ?? [], message, source: 'synthesized' });
  }
  const note: PolicyNote | undefined =
    records.length || notes.length ? { ...(records.length ? { suppressions: records } : {}), ...(notes.length ? { warnings: notes } : {}) } : undefined;
  return { errors, warnings, note };
}
