import { secretKind } from '../model/secret-literals';

/** What the review prints instead of a secret. */
export const HIDDEN = '(secret, not shown)';

/** A whole-string Terraform reference such as `${var.scim_token}`: names where a value lives, not the value. */
const REFERENCE = /^\$\{[^{}]*\}$/;

/** Fields that hold a public X.509 certificate (e.g. `saml2_x509_cert`, `single_logout_certificate`). */
const CERTIFICATE_FIELD = /(^|_)(x509_)?cert(ificate)?$/i;

/** Pieces of a longer string that could be a token on their own (JSON inside a string, a URL query). */
const TOKEN_LIKE = /[A-Za-z0-9+=_-]{32,}/g;

/** Whether the string at `field` looks like a secret value, or holds one (never a Terraform reference). */
export function looksSecret(field: string | undefined, value: string): boolean {
  if (REFERENCE.test(value)) return false;
  // Certificates are public, though their base64 looks random; a private key never is.
  if (!/PRIVATE KEY/.test(value) && (/-----BEGIN CERTIFICATE-----/.test(value) || (field !== undefined && CERTIFICATE_FIELD.test(field)))) return false;
  if (secretKind(field, value) !== undefined) return true;
  // JSON held in a string attribute (app_settings_json): check its fields by name too.
  if (/^\s*[[{]/.test(value)) {
    try {
      if (containsSecret(JSON.parse(value))) return true;
    } catch {
      // not JSON: the token scan below still applies
    }
  }
  for (const token of value.match(TOKEN_LIKE) ?? []) if (token !== value && secretKind(undefined, token) !== undefined) return true;
  return false;
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
