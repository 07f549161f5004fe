import { showValue, withUnseenEscaped } from '../model/show-value';
import { HIDDEN, containsSecret, looksSecret } from './redact';
import { filterTypeWords, valueWords, unescapeTerraform } from './words';

const MAX_VALUE = 160;

export function clip(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** A Terraform string literal as the user wrote it (and as Okta gets it). */
export function literal(value: unknown): string {
  // An invisible character in a value is a change a reviewer must be able to see.
  return withUnseenEscaped(unescapeTerraform(String(value ?? '')));
}

/** One attribute statement as users write it: `email = user.email`, `memberOf (groups regex ^Data)`. */
export function statement(s: any): string {
  if (s?.type === 'GROUP') return `${literal(s.name)} (groups ${filterTypeWords(String(s.filter_type ?? ''))} ${literal(s.filter_value)})`.trim();
  const values = Array.isArray(s?.values) ? s.values.map(literal).join(', ') : '';
  return `${literal(s?.name)} = ${values}`;
}

/**
 * A name or value inside a finding's text, as the user wrote it, quoted once as every message quotes config
 * text (model/show-value.ts): `group "Eng \"Ops\" ${x}"`, never the Terraform literal `$${x}` quoted again.
 */
export function quoted(text: string): string {
  return showValue(text, MAX_VALUE);
}

/** Display text of an attribute value; undefined when unset. Secrets never come back. */
export function displayValue(type: string, attribute: string, value: unknown, groupNames: ReadonlyMap<string, string>): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (containsSecret(value, attribute)) return HIDDEN;
  if (type === 'okta_push_group' && attribute === 'source_group_id' && typeof value === 'string') return groupName(value, groupNames);
  if (typeof value === 'string') return clip(withUnseenEscaped(valueWords(attribute, value)));
  if (typeof value !== 'object') return String(value);
  if (type === 'okta_app_saml' && attribute === 'attribute_statements' && Array.isArray(value)) return clip(value.map(statement).join('; ') || 'none');
  if (attribute === 'lifecycle') return (value as any).prevent_destroy === true ? 'prevent_destroy' : 'none';
  if (attribute === 'depends_on' && Array.isArray(value)) return clip(value.map(literal).join(', ') || 'none');
  if (type === 'okta_app_group_assignments' && attribute === 'group' && Array.isArray(value)) {
    return clip(value.map((g: any) => groupName(g?.id, groupNames)).join(', ') || 'none');
  }
  return clip(unescapeTerraform(JSON.stringify(value)));
}

/** An Okta object ID (`0oa` + 17 for an app, `00g` + 17 for a group), or several joined by `/` (a push group's `<app>/<mapping>`). */
const OKTA_IDS = /^[A-Za-z0-9]{20}(\/[A-Za-z0-9]{20})*$/;

/** A live ID from an import block: Okta IDs are shown (joined ones look random to the secret scan), anything else that looks secret is hidden. */
export function liveId(id: string): string {
  return OKTA_IDS.test(id) || !looksSecret(undefined, id) ? clip(id) : HIDDEN;
}

/** The Okta group name behind a Terraform reference, else the reference. */
export function groupName(ref: unknown, groupNames: ReadonlyMap<string, string>): string {
  const text = String(ref);
  if (looksSecret(undefined, text)) return HIDDEN;
  return withUnseenEscaped(groupNames.get(text) ?? text);
}

/** A push group in users' words: `push group "Analytics" -> SP group "analytics"`. */
export function pushGroupWords(body: Readonly<Record<string, unknown>>, groupNames: ReadonlyMap<string, string>): string {
  const source = body.source_group_id === undefined ? 'unknown' : groupName(body.source_group_id, groupNames);
  const target = body.target_group_name === undefined ? body.target_group_id : literal(body.target_group_name);
  return `push group ${quoted(source)} -> SP group ${target === undefined ? 'of the same name' : quoted(String(target))}`;
}

/** Text for a runbook value: token locations (env:NAME, secret:path) are shown; a secret-looking literal is not. */
export function runbookValue(label: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // A label such as "API Token" holds where the token lives, never the token: judge such values by content only.
  const field = SECRET_REFERENCE_IN_TEXT.test(text) ? undefined : label;
  return looksSecret(field, text) ? HIDDEN : clip(text);
}

/** A reference to where a secret lives, inside runbook text: `env:NAME` or `secret:<store path>`. */
export const SECRET_REFERENCE_IN_TEXT = /(?<![A-Za-z0-9_])(?:env:[A-Z_][A-Z0-9_]*|secret:[A-Za-z0-9][A-Za-z0-9_./:@-]*[A-Za-z0-9])/;
