import { stringsIn } from './strings-in';

/** Whether a string is already escaped for Terraform (`$${...}`, `%%{...}`): it would be escaped again and reach Okta with a stray `$`. */
export function isPreEscaped(value: string): boolean {
  return /\$\$\{|%%\{/.test(value);
}

/**
 * Strings written already escaped for Terraform would be escaped a second time
 * and reach Okta with a stray `$`. Config holds Okta expressions exactly as the
 * Okta Admin Console shows them.
 */
export function findPreEscaped(data: unknown): Array<ReadonlyArray<string | number>> {
  return stringsIn(data)
    .filter(({ value }) => isPreEscaped(value))
    .map(({ path }) => path);
}

export const PRE_ESCAPED_MESSAGE =
  'contains $${ or %%{: write Okta expressions as the Okta Admin Console shows them (e.g. ${source.email}); escaping for Terraform is done for you';
