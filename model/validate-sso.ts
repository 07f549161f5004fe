import { showValue } from './show-value';
import { FieldProblem, problem } from './problem';
import { RULE_CATALOG, RuleId, SUPPRESSIBLE_RULES, isRuleId } from './rule-catalog';
import { ResolvedIntegration, resolveIntegration } from './resolve-integration';
import { AnySsoProps } from './sso-props';
import { IntegrationModel, RuleSuppression } from './types';
import { isUnresolved } from './unresolved';
import { checkPropShapes } from './prop-shapes';
import { closest } from './suggest';

/** One SP integration's props, checked: what the construct builds and what it reports. */
export interface SsoValidation {
  /** The resolved integration; absent when input cannot work (a problem of an SSO-1NN rule). */
  readonly model?: IntegrationModel;
  /** Problems left after suppressions: each fails synth (warnings are the policy rules' own). */
  readonly problems: readonly FieldProblem[];
  /** Policy findings that a suppression accepted, by rule. */
  readonly suppressed: readonly FieldProblem[];
  /** The well-formed suppressions (rule and reason), in props order. */
  readonly suppressions: readonly RuleSuppression[];
  /** Rules with a finding at the props, suppressed or not: the policy rules on the synthesized app do not report them again. */
  readonly rulesFound: ReadonlySet<RuleId>;
  /** When there is no model: the integration as far as it resolves, for the policy rules on what it gives (ResolvedIntegration.draft). */
  readonly draft?: IntegrationModel;
}

/**
 * The last validation of each props object, with the preset and key it was for. One entry, not a map by preset and key:
 * a props object is validated under one key (the config layer, then the construct built from the same props), and
 * validate keeps one for each integration in each environment until its policy rules have run (30,000 at 10,000 x 3).
 */
const CACHE = new WeakMap<object, { readonly preset: string | undefined; readonly key: string; readonly result: SsoValidation }>();

/**
 * Checks one integration's props against every rule that can be judged from
 * them: its SP's rules, the common SAML rules, secrets and escaping, then
 * applies its suppressions. The one implementation that the SP constructs
 * register as their validation and that the config layer calls first; pure,
 * and cached per props object, so the construct built from the same props does
 * the work once.
 */
export function validateSso(preset: string | undefined, key: string, props: AnySsoProps, options: ValidateOptions = {}): SsoValidation {
  const cached = CACHE.get(props);
  if (cached && cached.preset === preset && cached.key === key) return cached.result;
  // A value of another shape is reported and left out: nothing after reads it.
  const shapes = options.shapesChecked ? { props, problems: [] } : checkPropShapes(props);
  const refused = shapes.problems.length > 0 ? new Set(shapes.problems.map((p) => p.field)) : NO_STRINGS;
  const result = applySuppressions(resolveIntegration(preset, key, shapes.props, isUnresolved, shapes.problems), shapes.props, refused);
  CACHE.set(props, { preset, key, result });
  return result;
}

export interface ValidateOptions {
  /**
   * The props were built from config files that passed the config JSON Schema: every value already has its shape.
   * @default false
   */
  readonly shapesChecked?: boolean;
}

function applySuppressions(resolved: ResolvedIntegration, props: AnySsoProps, refusedShapes: ReadonlySet<string>): SsoValidation {
  const problems: FieldProblem[] = [];
  const suppressions: RuleSuppression[] = [];
  (props.suppressions ?? []).forEach((s, i) => {
    const at = `suppressions.${i}`;
    // Its rule or reason refused for its shape: that problem says it; read as missing, it would be said again.
    if (refusedShapes.has(`${at}.rule`) || refusedShapes.has(`${at}.reason`)) return;
    const rule = typeof s?.rule === 'string' ? s.rule : String(s?.rule);
    if (!isRuleId(rule)) {
      const meant = closest(rule, [...SUPPRESSIBLE_RULES]);
      problems.push(problem(RuleId.WELL_FORMED, `${at}.rule`, `suppression of unknown rule ${showValue(rule)}${meant ? ` (did you mean ${meant}?)` : ''}; accepted: ${SUPPRESSIBLE_RULES.join(', ')}`));
    } else if (!RULE_CATALOG[rule].suppressible) {
      problems.push(
        problem(RuleId.CONSISTENT, `${at}.rule`, `${rule} (${RULE_CATALOG[rule].title}) cannot be suppressed: it finds input that cannot work; fix the input instead; suppressible rules: ${SUPPRESSIBLE_RULES.join(', ')}`),
      );
    } else if (typeof s.reason !== 'string' || s.reason.trim() === '') {
      problems.push(problem(RuleId.REQUIRED, `${at}.reason`, `suppression of ${rule} has no reason; accepted: a non-empty reason saying why this integration is exempt`));
    } else if (suppressions.some((x) => x.rule === rule)) {
      problems.push(problem(RuleId.UNIQUE, `${at}.rule`, `${rule} is suppressed twice; accepted: each rule once`));
    } else {
      suppressions.push({ rule, reason: s.reason });
    }
  });
  const suppressedRules: ReadonlySet<string> = suppressions.length > 0 ? new Set(suppressions.map((s) => s.rule)) : NO_STRINGS;
  const suppressed: FieldProblem[] = [];
  const rulesFound = new Set<RuleId>();
  for (const rule of resolved.covered ?? []) rulesFound.add(rule);
  for (const p of resolved.problems) {
    rulesFound.add(p.rule);
    if (suppressedRules.has(p.rule)) suppressed.push(p);
    else problems.push(p);
  }
  // The model resolveIntegration has just made, and no one else holds: the field is added to it rather than to a copy of it
  // (the same keys in the same order as a spread would give: the model has no `suppressions` of its own).
  const withSuppressions = (m: IntegrationModel | undefined) => m && Object.assign(m, { suppressions: suppressions.length ? suppressions : undefined });
  const model = withSuppressions(resolved.model);
  const draft = withSuppressions(resolved.draft);
  // Most integrations have none of these: they share one empty list and set, instead of four new ones kept for each
  // integration in each environment while validate's policy rules have yet to run (the cache above holds them).
  return {
    model,
    problems: orNone(problems),
    suppressed: orNone(suppressed),
    suppressions: orNone(suppressions),
    rulesFound: rulesFound.size > 0 ? rulesFound : NO_RULES,
    ...(draft ? { draft } : {}),
  };
}

const NONE: readonly never[] = Object.freeze([]);
const NO_RULES: ReadonlySet<RuleId> = new Set();
const NO_STRINGS: ReadonlySet<string> = new Set();

function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length > 0 ? list : NONE;
}
