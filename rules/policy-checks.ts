import { IntegrationModel } from '../model/types';
import { Evaluation, evaluate, formatFinding, subjectsOf } from './evaluate';

/** Key under the app's `"//"` comment where suppressions and warnings are recorded in cdk.tf.json. */
export const POLICY_TAG = 'okta-sso-policy';

/** One policy error: the integration it is about, the rule (unless the suppression itself is wrong), the message. */
export interface PolicyFailure {
  readonly stack: string;
  readonly key: string;
  readonly rule?: string;
  readonly message: string;
}

/** Policy errors of one stack: synth stops before the stack is written. */
export class PolicyError extends Error {
  readonly errors: readonly string[];
  constructor(
    readonly stackName: string,
    readonly failures: readonly PolicyFailure[],
  ) {
    const errors = failures.map((f) => f.message);
    super(`policy rules failed in stack ${stackName} (${errors.length} error${errors.length === 1 ? '' : 's'}); nothing written:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.errors = errors;
    this.name = 'PolicyError';
  }
}

/** Policy errors of every stack of an app, collected so that one run reports them all. */
export class PolicyErrors extends Error {
  readonly failures: readonly PolicyFailure[];
  constructor(readonly stacks: readonly PolicyError[]) {
    super(stacks.map((s) => s.message).join('\n'));
    this.failures = stacks.flatMap((s) => s.failures);
    this.name = 'PolicyErrors';
  }
}

/** The errors of one stack's evaluation: rule errors, then suppressions that cannot be honoured. */
export function policyFailuresOf(stack: string, result: Evaluation): PolicyFailure[] {
  return [
    ...result.errors.map((f) => ({ stack, key: f.key, rule: f.rule.id, message: formatFinding(f) })),
    ...result.invalid.map((i) => ({ stack, key: i.key, message: `${i.key}: ${i.message}` })),
  ];
}

/**
 * Runs the policy rules over a stack's synthesized configuration (the resolved
 * cdk.tf.json object, before it is written). Throws PolicyError on errors;
 * otherwise records, on each app's `"//"` comment, its suppressions (rule,
 * reason, what the rule found) and its warnings, and returns the configuration.
 * Runs on the one serialization synth makes anyway, so it adds no second
 * resolution of the construct tree.
 */
export function applyPolicy(stack: string, tf: Record<string, any>, integrations: readonly IntegrationModel[] = []): Record<string, any> {
  const models = new Map(integrations.map((i) => [i.key, i]));
  const subjects = subjectsOf(tf, models);
  const result = evaluate(subjects, (key) => models.get(key)?.suppressions ?? []);
  const failures = policyFailuresOf(stack, result);
  if (failures.length) throw new PolicyError(stack, failures);

  const notes = new Map<string, { suppressions?: unknown[]; warnings?: string[] }>();
  const noteOf = (address: string) => notes.get(address) ?? notes.set(address, {}).get(address)!;
  const addressOf = new Map(subjects.map((s) => [s.key, s.app.address]));
  for (const [key, records] of result.suppressions) {
    noteOf(addressOf.get(key)!).suppressions = records.map((r) => ({ rule: r.rule, reason: r.reason, outcome: r.outcome }));
    for (const r of records) {
      if (r.outcome !== 'non-compliant') (noteOf(addressOf.get(key)!).warnings ??= []).push(`${key}: suppression of ${r.rule} is not needed (the rule is ${r.outcome}); remove it`);
    }
  }
  for (const w of result.warnings) (noteOf(w.address).warnings ??= []).push(formatFinding(w));
  for (const [address, note] of notes) {
    const body = tf.resource.okta_app_saml[address.slice('okta_app_saml.'.length)];
    body['//'] = { ...(body['//'] ?? {}), [POLICY_TAG]: note };
  }
  return tf;
}
