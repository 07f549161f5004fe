import { ConfigProblem, formatProblem, formatProblemList, problemCount } from '../config/problems';

/** How a policy warning is accepted in config, said once under the warnings; not for a rule that is suppressed already (on adoption). */
const POLICY_WARNING = /\bSSO-0\d\d \(warning\)/;
const SUPPRESS_HINT = 'to accept a policy warning on purpose, add to the integration: suppressions: [{ rule: SSO-0NN, reason: "why it is exempt" }]';

/** What synth's warning count says (as `doNotFail`): the stacks are written all the same. */
export const SYNTH_DOES_NOT_FAIL = 'written anyway; warnings do not fail synth';

/** Warnings as validate and synth print them: a count, one located line each, and how to accept one; nothing when there are none. */
export function warningList(warnings: readonly ConfigProblem[], doNotFail: string): string {
  if (warnings.length === 0) return '';
  const lines = formatProblemList(warnings.map((w) => `warning: ${formatProblem(w)}`));
  const hint = warnings.some((w) => POLICY_WARNING.test(w.message)) ? `  (${SUPPRESS_HINT})\n` : '';
  return `${problemCount(warnings.length, 'warning')} (${doNotFail})\n${lines}\n${hint}`;
}
