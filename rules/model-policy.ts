import { atOrUnder } from '../model/dot-path';
import { RuleId } from '../model/rule-catalog';
import { judgesPresence } from '../model/problem';
import { setsProp } from './validate-props';
import { IntegrationModel, OrgModel } from '../model/types';
import { validateSso } from '../model/validate-sso';
import { IntegrationEvaluation, IntegrationFinding, evaluateIntegration } from './evaluate-integration';
import { DECLARED_RULES, declaredSubject, modelSubjects } from './model-subjects';
import { PolicyFailure } from './policy-checks';
import { AppSubject, PolicyRule } from './rule';

/** What the policy rules find in every environment: errors stop synth; warnings are printed and synth goes on. */
export interface ModelPolicyFindings {
  readonly errors: readonly PolicyFailure[];
  readonly warnings: readonly PolicyFailure[];
}

/**
 * The policy rules' findings in every environment, evaluated on the model (no
 * stack is built, nothing is written): what synth would refuse, and what it
 * would warn about.
 */
export function modelPolicyFindings(model: OrgModel): ModelPolicyFindings {
  const errors: PolicyFailure[] = [];
  const warnings: PolicyFailure[] = [];
  for (const env of model.environments) {
    for (const subject of modelSubjects(env)) {
      const evaluation = evaluateDeclared(subject, DECLARED_RULES);
      errors.push(...evaluation.errors.map((f) => failureOf(env.name, subject.key, f)));
      warnings.push(...evaluation.warnings.map((f) => failureOf(env.name, subject.key, f)));
    }
  }
  return { errors, warnings };
}

/** Every rule on a declared subject: its integration's props' findings, then `rules` on its app. */
function evaluateDeclared(subject: AppSubject, rules: readonly PolicyRule[]): IntegrationEvaluation {
  const { preset, key, props } = subject.integration!;
  return evaluateIntegration(subject, validateSso(preset, key, props), rules);
}

/** A finding about integration `key` in `stack`, as a policy failure. */
function failureOf<S extends string | undefined>(stack: S, key: string, f: IntegrationFinding): Omit<PolicyFailure, 'stack'> & { readonly stack: S } {
  return { stack, key, rule: f.rule, props: f.props, message: f.message };
}

/** A policy error of a draft: an integration with problems in an environment, or one that no environment enables (no `stack`). */
type DraftFailure = Omit<PolicyFailure, 'stack'> & { readonly stack?: string };

/**
 * The rules on a draft: SSO-001 is left to the props' own check of the same URLs, which skips a missing ACS URL's stand-in
 * and checks the URLs an SP metadata file gives too (reported at `spMetadata.file`, enabled or not).
 */
const DRAFT_RULES = DECLARED_RULES.filter((r) => r.id !== RuleId.HTTPS_URLS);

/**
 * The policy rules' errors on integrations that cannot be built yet (a missing value) or that
 * no environment enables: what the rules on the app find in what they do give (SHA-1 signing
 * beside a missing account ID). Their props' problems are reported already, and warnings wait
 * until the integration can be built in an environment.
 */
export function draftPolicyErrors(drafts: ReadonlyArray<{ readonly environment?: string; readonly integration: IntegrationModel }>): DraftFailure[] {
  return drafts.flatMap(({ environment, integration }) => {
    const { errors } = evaluateDeclared(declaredSubject(integration), DRAFT_RULES);
    // A rule's finding whose props the props' own check already found wrong (at them or above them) is about the same values.
    // One that also judges a prop found right (SSO-002: SHA-1 signing beside a refused digest) is a problem of its own.
    const problemAt = new Set(errors.filter((e) => e.source === 'props').flatMap((e) => e.props));
    const saidAlready = (prop: string) => atOrUnder(prop, problemAt);
    const judged = (e: IntegrationFinding) => {
      const set = e.props.filter((prop) => setsProp(integration.props, prop));
      return set.length > 0 ? set : e.props;
    };
    return errors
      .filter((e) => e.source === 'synthesized' && (judgesPresence(e) || !judged(e).every(saidAlready)))
      .map((e) => failureOf(environment, integration.key, e));
  });
}
