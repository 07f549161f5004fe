import { FieldPath, forEachString } from './strings-in';

/** Whether a string is already escaped for Terraform (`$${...}`, `%%{...}`): it would be escaped again and reach Okta with a stray `$`. */
export function isPreEscaped(value: string): boolean {
  return /\$\$\{|%%\{/.test(value);
}

/**
 * Config text that cdktf would read as one of its own tokens (`${TfToken[...]}`,
 * and its list and map forms): config holds no tokens, and cdktf would put
 * whatever value that number names in its place, or fail inside.
 */
export function isTokenText(value: string): boolean {
  return value.includes('{TfToken[') && /[$#&]\{TfToken\[/.test(value);
}

export const TOKEN_TEXT_MESSAGE = 'contains ${TfToken[, #{TfToken[ or &{TfToken[, which cdktf reads as a reference to a value of its own; accepted: text without them';

/**
 * Config strings written as Terraform or cdktf text, in one walk: already
 * escaped for Terraform (they would be escaped a second time and reach Okta
 * with a stray `$`: config holds Okta expressions exactly as the Okta Admin
 * Console shows them), or holding cdktf's token markers.
 */
export function findTemplateText(data: unknown): Array<{ readonly at: FieldPath; readonly message: string }> {
  const found: Array<{ at: FieldPath; message: string }> = [];
  forEachString(data, (value, at) => {
    if (isPreEscaped(value)) found.push({ at: [...at], message: PRE_ESCAPED_MESSAGE });
    if (isTokenText(value)) found.push({ at: [...at], message: TOKEN_TEXT_MESSAGE });
  });
  return found;
}

export const PRE_ESCAPED_MESSAGE =
  'contains $${ or %%{: write Okta expressions as the Okta Admin Console shows them (e.g. ${source.email}); escaping for Terraform is done for you';
