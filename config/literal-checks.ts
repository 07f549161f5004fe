/**
 * Strings written already escaped for Terraform (`$${...}`) would be escaped a
 * second time and reach Okta with a stray `$`. Config holds Okta expressions
 * exactly as the Okta Admin Console shows them.
 */
export function findPreEscaped(data: unknown, at: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> {
  if (typeof data === 'string') return /\$\$\{|%%\{/.test(data) ? [at] : [];
  if (Array.isArray(data)) return data.flatMap((v, i) => findPreEscaped(v, [...at, i]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => findPreEscaped(v, [...at, k]));
  return [];
}

export const PRE_ESCAPED_MESSAGE =
  'contains $${ or %%{: write Okta expressions as the Okta Admin Console shows them (e.g. ${source.email}); escaping for Terraform is done for you';
