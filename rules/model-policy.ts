import { OrgModel } from '../model/types';
import { validateSso } from '../model/validate-sso';
import { evaluateIntegration } from './evaluate-integration';
import { DECLARED_RULES, modelSubjects } from './model-subjects';
import { PolicyFailure } from './policy-checks';

/**
 * The policy rules' errors in every environment, evaluated on the model (no
 * stack is built, nothing is written): what synth would refuse.
 */
export function modelPolicyFailures(model: OrgModel): PolicyFailure[] {
  return model.environments.flatMap((env) =>
    modelSubjects(env).flatMap((subject) => {
      const integration = subject.integration!;
      const evaluation = evaluateIntegration(subject, validateSso(integration.preset, integration.key, integration.props), DECLARED_RULES);
      return evaluation.errors.map((e) => ({ stack: env.name, key: integration.key, rule: e.rule, props: e.props, message: e.message }));
    }),
  );
}
