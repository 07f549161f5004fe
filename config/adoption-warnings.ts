import { ADOPTED_REASON_PREFIX } from '../model/adopt';
import { cutText } from '../model/cut-text';
import { isPlainObject } from '../model/prop-strings';
import { RuleSuppression } from '../model/types';

/** The longest reason a warning quotes: adopt writes up to ~600 characters, and a reason edited by hand can be any length. */
const MAX_REASON = 800;

/**
 * The suppressions `okta-sso adopt` wrote into an integration's config (reason starting `adopted:`): a rule the live app
 * breaks, kept as live on purpose for now. Each is a warning on every validate and synth until it is fixed, at the
 * suppression's own entry (`index` in the integration's `suppressions` list, which an environment's list replaces whole).
 * Only those the integration accepts (`accepted`, its well-formed suppressions): a malformed one is a problem already.
 */
export function adoptionSuppressions(written: unknown, accepted: readonly RuleSuppression[]): Array<{ readonly index: number; readonly message: string }> {
  if (!Array.isArray(written)) return [];
  return written.flatMap((entry: unknown, index) => {
    if (!isPlainObject(entry) || typeof entry.reason !== 'string' || !entry.reason.startsWith(ADOPTED_REASON_PREFIX)) return [];
    if (!accepted.some((s) => s.rule === entry.rule && s.reason === entry.reason)) return [];
    return [{ index, message: `${String(entry.rule)} suppressed: ${cutText(entry.reason.slice(ADOPTED_REASON_PREFIX.length).trim(), MAX_REASON)}` }];
  });
}
