import { OrgModel } from '../model/types';
import { evaluate } from './evaluate';
import { modelSubjects } from './model-subjects';
import { PolicyFailure, policyFailuresOf } from './policy-checks';

/**
 * The policy rules' errors in every environment, evaluated on the model (no
 * stack is built, nothing is written): what synth would refuse.
 */
export function modelPolicyFailures(model: OrgModel): PolicyFailure[] {
  return model.environments.flatMap((env) => {
    const suppressions = new Map(env.integrations.map((i) => [i.key, i.suppressions ?? []]));
    return policyFailuresOf(env.name, evaluate(modelSubjects(env), (key) => suppressions.get(key) ?? []));
  });
}
