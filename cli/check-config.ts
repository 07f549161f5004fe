import { ConfigProblem, sortProblems } from '../config/problems';
import type { LoadResult } from '../config/load-config';
import { OrgModel } from '../model/types';
import type { PolicyFailure } from '../rules/policy-checks';

export interface CheckedConfig {
  /** The config's model, when it has no problem. */
  readonly model?: OrgModel;
  readonly problems: readonly ConfigProblem[];
  /** What works but should not be (policy warnings such as SSO-009, a suppression not needed, config warnings): never a reason to fail. */
  readonly warnings: readonly ConfigProblem[];
  /** Every integration key the config defines, enabled in an environment or not (LoadResult.integrationKeys). */
  readonly integrationKeys: readonly string[];
}

/**
 * Everything `validate` checks: the config (schema, presets, secrets, references)
 * and then the policy rules of every environment, each policy finding located at
 * the integration's config (one finding at a line that several environments share
 * is one, naming them). Loads its modules on use (other commands should not pay).
 */
export function checkConfig(dir: string): CheckedConfig {
  const { UNUSED_PREFIX, readConfig } = require('../config/load-config') as typeof import('../config/load-config');
  const { model, problems, warnings: configWarnings, checked, locate, drafts, integrationKeys } = readConfig(dir);
  // The integrations without a problem are judged even when others have one, and those with one as far as they resolve:
  // every independent problem in one run.
  const { draftPolicyErrors, modelPolicyFindings } = require('../rules/model-policy') as typeof import('../rules/model-policy');
  const findings = modelPolicyFindings(checked);
  const located = (list: readonly PolicyFailure[]) => locatePolicyFindings(locate, list);
  const draftErrors = draftPolicyErrors(drafts);
  const inNoEnvironment = draftErrors.filter((f) => f.stack === undefined).map((f) => ({ ...locate(undefined, f.key!, f.props), message: `${UNUSED_PREFIX}${f.message}` }));
  const inEnvironment = draftErrors.filter((f): f is PolicyFailure => f.stack !== undefined);
  const all = [...problems, ...located([...findings.errors, ...inEnvironment]), ...inNoEnvironment];
  const warnings = sortProblems([...configWarnings, ...located(findings.warnings)]);
  return model && all.length === 0 ? { model, problems: [], warnings, integrationKeys } : { problems: sortProblems(all), warnings, integrationKeys };
}

/**
 * Policy findings about integrations, each at the integration's config (the first of its props
 * that config writes), one per place and message however many environments have it.
 */
export function locatePolicyFindings(locate: LoadResult['locate'], findings: readonly PolicyFailure[]): ConfigProblem[] {
  const { mergeEnvironments } = require('../config/environment-problems') as typeof import('../config/environment-problems');
  return mergeEnvironments(findings.map((f) => ({ ...locate(f.stack, f.key!, f.props), message: f.message, environment: f.stack, named: true })));
}
