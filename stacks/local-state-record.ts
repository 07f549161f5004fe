import { ownEntry } from '../model/own-entry';

/**
 * The contract between synth and review for a local state backend. In cdk.tf.json the backend's `path` is
 * relative to the stack directory and climbs to the config directory (`../../../acme/state/dev.tfstate`), so it
 * also names where the config directory is. A stack synthesized from a config directory therefore records the
 * path as written in config (`backend.path`, relative to the config directory) beside it, at the top-level
 * `"//"` that Terraform ignores and cdktf uses for its own metadata:
 * `"//": {"okta-sso": {"backend": {"local": {"pathInConfigDir": "state/dev.tfstate"}}}}`.
 * A user's own cdktf app (no config directory) records nothing. No cdktf import here: the review reads this too.
 */
export const LOCAL_STATE_RECORD = ['//', 'okta-sso', 'backend', 'local', 'pathInConfigDir'] as const;

/** The recorded local state path of a parsed cdk.tf.json, or undefined when there is none (older output, a user's app, another backend). */
export function recordedLocalStatePath(tf: unknown): string | undefined {
  let at: unknown = tf;
  for (const key of LOCAL_STATE_RECORD) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = ownEntry(at as Record<string, unknown>, key);
  }
  return typeof at === 'string' ? at : undefined;
}
