import { ConfigProblem, sortProblems } from '../config/problems';
import { OrgModel } from '../model/types';

/**
 * Everything `validate` checks: the config (schema, presets, secrets, references)
 * and then the policy rules of every environment, each policy error located at
 * the integration's config. Loads its modules on use (other commands should not pay).
 */
/** A problem; policy errors also say which environment's stack they are about. */
export type CheckedProblem = ConfigProblem & { readonly environment?: string };

export function checkConfig(dir: string): { readonly model?: OrgModel; readonly problems: readonly CheckedProblem[] } {
  const { readConfig } = require('../config/load-config') as typeof import('../config/load-config');
  const { model, problems, locate } = readConfig(dir);
  if (!model || !locate) return { problems };
  const { modelPolicyFailures } = require('../rules/model-policy') as typeof import('../rules/model-policy');
  const policy = modelPolicyFailures(model).map((f) => ({
    ...locate(f.stack, f.key!, f.props),
    message: `in environment ${JSON.stringify(f.stack)}: ${f.message}`,
    environment: f.stack,
  }));
  return policy.length ? { problems: sortProblems(policy) } : { model, problems: [] };
}
