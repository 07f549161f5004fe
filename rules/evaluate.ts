import { ownEntry } from '../model/own-entry';
import { PRESETS } from '../model/presets';
import { IntegrationModel, RuleSuppression } from '../model/types';
import { RULES } from './index';
import { AppSubject, PolicyRule, RuleOutcome, SynthBlock } from './rule';

/** Builds one subject per Okta SAML app from a resolved stack (cdk.tf.json shape). */
export function subjectsOf(tf: Readonly<Record<string, any>>, integrations: ReadonlyMap<string, IntegrationModel> = new Map()): AppSubject[] {
  // Loaded on use: validate judges the model's own subjects (rules/model-subjects.ts) and never reads a stack.
  const { indexStack } = require('../review/stack-index') as typeof import('../review/stack-index');
  const index = indexStack({ name: '', tf });
  const subjects: AppSubject[] = [];
  for (const i of [...index.integrations.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    if (!i.appAddress) continue;
    const blocks = [...i.blocks.values()].filter((b) => !b.address.startsWith('data.'));
    const groupsAssigned = groupsAssignedIn(blocks);
    const preset = ownEntry(PRESETS, i.preset);
    subjects.push({
      key: i.key,
      app: i.blocks.get(i.appAddress)!,
      blocks,
      ...(preset ? { preset } : {}),
      groupsAssigned,
      ...(integrations.has(i.key) ? { integration: integrations.get(i.key) } : {}),
    });
  }
  return subjects;
}

/** Okta groups assigned to the app by an integration's resources (okta_app_group_assignments / okta_app_group_assignment). */
export function groupsAssignedIn(blocks: readonly SynthBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'okta_app_group_assignments' && Array.isArray(b.body.group)) n += b.body.group.length;
    if (b.type === 'okta_app_group_assignment') n += 1;
  }
  return n;
}

export interface RuleFinding {
  readonly rule: PolicyRule;
  readonly key: string;
  /** Terraform address of the app. */
  readonly address: string;
  readonly detail: string;
}

export interface SuppressionRecord {
  readonly rule: string;
  readonly reason: string;
  /** What the rule found: a suppression of a compliant rule is not needed. */
  readonly outcome: RuleOutcome['status'];
}

export interface Evaluation {
  readonly errors: readonly RuleFinding[];
  readonly warnings: readonly RuleFinding[];
  /** Per integration key, its suppressions and what each rule found. */
  readonly suppressions: ReadonlyMap<string, readonly SuppressionRecord[]>;
}

/**
 * Runs every rule on every subject; a suppression turns a finding into a
 * record. Suppressions are taken as given: validateSso checks them (known rule,
 * suppressible, with a reason) before they get here.
 */
export function evaluate(
  subjects: readonly AppSubject[],
  suppressionsOf: (key: string) => readonly RuleSuppression[] = () => [],
  rules: readonly PolicyRule[] = RULES,
): Evaluation {
  const errors: RuleFinding[] = [];
  const warnings: RuleFinding[] = [];
  const suppressions = new Map<string, SuppressionRecord[]>();
  for (const subject of subjects) {
    const given = suppressionsOf(subject.key);
    const valid = given.length > 0 ? new Map<string, RuleSuppression>(given.map((s) => [s.rule, s])) : NO_SUPPRESSIONS;
    const records: SuppressionRecord[] = [];
    for (const rule of rules) {
      const outcome = checkSafely(rule, subject);
      const suppression = valid.get(rule.id);
      if (suppression) records.push({ rule: rule.id, reason: suppression.reason, outcome: outcome.status });
      if (outcome.status !== 'non-compliant' || suppression) continue;
      (rule.level === 'error' ? errors : warnings).push({ rule, key: subject.key, address: subject.app.address, detail: outcome.detail });
    }
    if (records.length) suppressions.set(subject.key, records);
  }
  return { errors, warnings, suppressions };
}

const NO_SUPPRESSIONS: ReadonlyMap<string, RuleSuppression> = new Map();

/** A rule that throws on an unexpected shape (an escape-hatch edit) reports that instead of stopping synth with an internal error. */
function checkSafely(rule: PolicyRule, subject: AppSubject): RuleOutcome {
  try {
    return rule.check(subject);
  } catch (err) {
    return { status: 'non-compliant', detail: `the rule could not check ${subject.app.address} (${(err as Error).message}); check its arguments` };
  }
}

/** One line per finding: ID, level, integration, what is wrong, why, and the fix. */
export function formatFinding(f: RuleFinding): string {
  return `${f.rule.id} (${f.rule.level}) ${f.key}: ${f.detail}. Why: ${f.rule.reason}. Fix: ${f.rule.fix}; or, if it is intended, suppress ${f.rule.id} for this integration with a reason (suppressions)`;
}
