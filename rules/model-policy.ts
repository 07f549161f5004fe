import { OrgModel } from '../model/types';
import { validateSso } from '../model/validate-sso';
import { evaluateIntegration } from './evaluate-integration';
import { RULES } from './index';
import { modelSubjects } from './model-subjects';
import { PolicyFailure } from './policy-checks';
import { NOT_APPLICABLE, PolicyRule } from './rule';

/**
 * The rules as validate runs them on the model. SSO-008 (no secret literal) is
 * not applicable there: the app's arguments come only from config values, and
 * the config layer has already rejected every config string that looks like a
 * secret. Synth still runs SSO-008 on the real stack, where code could add one.
 */
const MODEL_RULES: readonly PolicyRule[] = RULES.map((rule) => (rule.id === 'SSO-008' ? { ...rule, check: () => NOT_APPLICABLE } : rule));

/**
 * The policy rules' errors in every environment, evaluated on the model (no
 * stack is built, nothing is written): what synth would refuse.
 */
export function modelPolicyFailures(model: OrgModel): PolicyFailure[] {
  return model.environments.flatMap((env) =>
    modelSubjects(env).flatMap((subject) => {
      const integration = subject.integration!;
      const evaluation = evaluateIntegration(subject, validateSso(integration.preset, integration.key, integration.props), MODEL_RULES);
      return evaluation.errors.map((e) => ({ stack: env.name, key: integration.key, rule: e.rule, props: e.props, message: e.message }));
    }),
  );
}
