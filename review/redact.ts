import { isPlainObject } from '../model/prop-strings';
import { embeddedSecretKind, secretKind } from '../model/secret-literals';

/** What the review prints instead of a secret. */
export const HIDDEN = '(secret, not shown)';

/** A whole-string Terraform reference such as `${var.scim_token}`: names where a value lives, not the value. */
const REFERENCE = /^\$\{[^{}]*\}$/;

/** Fields that hold a public X.509 certificate (e.g. `saml2_x509_cert`, `single_logout_certificate`). */
const CERTIFICATE_FIELD = /(^|_)(x509_)?cert(ificate)?$/i;

/** Whether the string at `field` looks like a secret value, or holds one (never a Terraform reference). */
export function looksSecret(field: string | undefined, value: string): boolean {
  if (REFERENCE.test(value)) return false;
  // Certificates are public, though their base64 looks random; a private key never is.
  if (!/PRIVATE KEY/.test(value) && (/-----BEGIN CERTIFICATE-----/.test(value) || (field !== undefined && CERTIFICATE_FIELD.test(field)))) return false;
  // The one secret scan: the whole value, and tokens inside it (a URL query, a sentence).
  if (secretKind(field, value) !== undefined) return true;
  // JSON held in a string attribute (app_settings_json): check its fields by name too.
  if (/^\s*[[{]/.test(value)) {
    try {
      if (containsSecret(JSON.parse(value))) return true;
    } catch {
      // not JSON: the scan above has looked at every token in it
    }
  }
  return false;
}

/** Deeper than this, JSON held in a string is not walked but taken for a secret: no real value nests so deep, and walking it could exhaust the stack. */
const MAX_JSON_DEPTH = 64;

/** Whether any string inside `value` (walked with its field names) looks like a secret. */
export function containsSecret(value: unknown, field?: string, depth = 0): boolean {
  if (typeof value === 'string') return looksSecret(field, value);
  if (depth > MAX_JSON_DEPTH) return true;
  if (Array.isArray(value)) return value.some((v) => containsSecret(v, field, depth + 1));
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== '//' && containsSecret(v, k, depth + 1)) return true;
  }
  return false;
}

/**
 * Dot paths (under `prefix`) of secret-looking strings inside `value`: plain
 * data only (a class instance, such as an unresolved cdktf token, holds no
 * literal of the user's and may lead anywhere in the construct tree).
 * `keysAndComments`: also map keys (a secret as a key is reported at its parent,
 * `<path> (a key)`, never printed) and what `//` comments hold: all of it reaches cdk.tf.json.
 */
export function secretPaths(value: unknown, prefix: string, options: { readonly keysAndComments?: boolean } = {}): string[] {
  const out: string[] = [];
  const walk = (node: unknown, at: string, field: string | undefined): void => {
    if (typeof node === 'string') {
      if (looksSecret(field, node)) out.push(at);
    } else if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${at}[${i}]`, field));
    } else if (isPlainObject(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (options.keysAndComments && embeddedSecretKind(k) !== undefined) out.push(at ? `${at} (a key)` : '(a key)');
        else if (k !== '//' || options.keysAndComments) walk(v, at ? `${at}.${k}` : k, k);
      }
    }
  };
  walk(value, prefix, undefined);
  return out;
}
