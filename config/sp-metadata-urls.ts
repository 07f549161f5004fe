import { httpsUrlProblem } from '../model/saml-rules';
import { isPlainObject } from '../model/prop-strings';
import { showValue } from '../model/show-value';

type FieldPath = ReadonlyArray<string | number>;

/**
 * Every `spMetadata.url` a config file writes that `okta-sso fetch-metadata` would refuse
 * (not an absolute https URL), at the line that writes it: validate says so before the
 * fetch does. Shared entries and environment overrides alike; values of the wrong type
 * are the schema's.
 */
export function spMetadataUrlProblems(data: unknown): Array<{ readonly at: FieldPath; readonly message: string }> {
  const found: Array<{ at: FieldPath; message: string }> = [];
  const check = (entries: unknown, at: FieldPath) => {
    if (!isPlainObject(entries)) return;
    for (const key of Object.keys(entries)) {
      const entry = entries[key];
      const url = isPlainObject(entry) && isPlainObject(entry.spMetadata) ? entry.spMetadata.url : undefined;
      if (typeof url !== 'string' || url === '') continue;
      const why = httpsUrlProblem(url);
      if (why) found.push({ at: [...at, key, 'spMetadata', 'url'], message: `spMetadata.url ${showValue(url)} ${why}; accepted: an absolute https:// URL (fetch-metadata downloads SP metadata only over https)` });
    }
  };
  if (!isPlainObject(data)) return found;
  check(data.integrations, ['integrations']);
  if (isPlainObject(data.environments)) {
    for (const name of Object.keys(data.environments)) {
      const env = data.environments[name];
      if (isPlainObject(env)) check(env.integrations, ['environments', name, 'integrations']);
    }
  }
  return found;
}
