import { RuleId } from '../model/rule-catalog';
import { IntegrationModel, OrgModel } from '../model/types';
import { validateSso } from '../model/validate-sso';
import { evaluateIntegration } from './evaluate-integration';
import { DECLARED_RULES, declaredSubject, modelSubjects } from './model-subjects';
import { PolicyFailure } from './policy-checks';

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
      const integration = subject.integration!;
      const evaluation = evaluateIntegration(subject, validateSso(integration.preset, integration.key, integration.props), DECLARED_RULES);
      for (const [findings, into] of [
        [evaluation.errors, errors],
        [evaluation.warnings, warnings],
      ] as const) {
        for (const f of findings) into.push({ stack: env.name, key: integration.key, rule: f.rule, props: f.props, message: f.message });
      }
    }
  }
  return { errors, warnings };
}

/** The policy rules' errors in every environment: what synth would refuse. */
export function modelPolicyFailures(model: OrgModel): PolicyFailure[] {
  return [...modelPolicyFindings(model).errors];
}

/** A policy error of a draft: an integration with problems in an environment, or one that no environment enables (no `environment`). */
export type DraftFailure = Omit<PolicyFailure, 'stack'> & { readonly environment?: string };

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
  return drafts.flatMap(({ environment, integration }) =>
    evaluateIntegration(declaredSubject(integration), validateSso(integration.preset, integration.key, integration.props), DRAFT_RULES)
      .errors.filter((e) => e.source === 'synthesized')
      .map((e) => ({ environment, key: integration.key, rule: e.rule, props: e.props, message: e.message })),
  );
}
