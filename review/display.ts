import { HIDDEN, containsSecret, looksSecret } from './redact';
import { valueWords, unescapeTerraform } from './words';

const MAX_VALUE = 160;

function clip(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** One attribute statement as users write it: `email = user.email`, `memberOf (groups, regex ^Data)`. */
function statement(s: any): string {
  if (s?.type === 'GROUP') return `${s.name} (groups ${String(s.filter_type ?? '').toLowerCase()} ${s.filter_value ?? ''})`.trim();
  const values = Array.isArray(s?.values) ? s.values.map((v: unknown) => unescapeTerraform(String(v))).join(', ') : '';
  return `${s?.name} = ${values}`;
}

/** Display text of an attribute value; undefined when unset. Secrets never come back. */
export function displayValue(type: string, attribute: string, value: unknown, groupNames: ReadonlyMap<string, string>): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (containsSecret(value, attribute)) return HIDDEN;
  if (typeof value === 'string') return clip(valueWords(attribute, value));
  if (typeof value !== 'object') return String(value);
  if (type === 'okta_app_saml' && attribute === 'attribute_statements' && Array.isArray(value)) return clip(value.map(statement).join('; ') || 'none');
  if (type === 'okta_app_saml' && attribute === 'lifecycle') return (value as any).prevent_destroy === true ? 'prevent_destroy' : 'none';
  if (type === 'okta_app_group_assignments' && attribute === 'group' && Array.isArray(value)) {
    return clip(value.map((g: any) => groupName(g?.id, groupNames)).join(', ') || 'none');
  }
  return clip(unescapeTerraform(JSON.stringify(value)));
}

/** The Okta group name behind a Terraform reference, else the reference. */
export function groupName(ref: unknown, groupNames: ReadonlyMap<string, string>): string {
  const text = String(ref);
  if (looksSecret(undefined, text)) return HIDDEN;
  return groupNames.get(text) ?? text;
}
