/**
 * Terraform name of an Okta group, stable for a given group name: the name's
 * letters and digits, lower-cased and joined by `_`. Names with none get a hex
 * form, so every name has a usable, stable address.
 */
export function groupLogicalId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `group_${slug || `x${Buffer.from(name, 'utf8').toString('hex')}`}`;
}
