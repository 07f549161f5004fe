import { FieldPath, forEachString } from './strings-in';

/** Whether a string is already escaped for Terraform (`$${...}`, `%%{...}`): it would be escaped again and reach Okta with a stray `$`. */
export function isPreEscaped(value: string): boolean {
  return /\$\$\{|%%\{/.test(value);
}

/**
 * Strings written already escaped for Terraform would be escaped a second time
 * and reach Okta with a stray `$`. Config holds Okta expressions exactly as the
 * Okta Admin Console shows them.
 */
export function findPreEscaped(data: unknown): FieldPath[] {
  const found: FieldPath[] = [];
  forEachString(data, (value, at) => {
    if (isPreEscaped(value)) found.push([...at]);
  });
  return found;
}

export const PRE_ESCAPED_MESSAGE =
  'contains $${ or %%{: write Okta expressions as the Okta Admin Console shows them (e.g. ${source.email}); escaping for Terraform is done for you';
