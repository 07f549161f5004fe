import { secretKind } from '../config/secrets';

/** What the review prints instead of a secret. */
export const HIDDEN = '(secret, not shown)';

/** A whole-string Terraform reference such as `${var.scim_token}`: names where a value lives, not the value. */
const REFERENCE = /^\$\{[^{}]*\}$/;

/** Whether the string at `field` looks like a secret value (never a Terraform reference). */
export function looksSecret(field: string | undefined, value: string): boolean {
  if (REFERENCE.test(value)) return false;
  return secretKind(field, value) !== undefined;
}

/** Whether any string inside `value` (walked with its field names) looks like a secret. */
export function containsSecret(value: unknown, field?: string): boolean {
  if (typeof value === 'string') return looksSecret(field, value);
  if (Array.isArray(value)) return value.some((v) => containsSecret(v, field));
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== '//' && containsSecret(v, k)) return true;
  }
  return false;
}

/** Dot paths (under `prefix`) of secret-looking strings inside `value`. */
export function secretPaths(value: unknown, prefix: string, field?: string, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (looksSecret(field, value)) out.push(prefix);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => secretPaths(v, `${prefix}[${i}]`, field, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== '//') secretPaths(v, prefix ? `${prefix}.${k}` : k, k, out);
  }
  return out;
}
