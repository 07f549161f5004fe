/**
 * Finds literals that look like secrets in config. Secrets never belong in
 * config files: they enter only as sensitive Terraform variables or references
 * to where they live. Messages name the kind of secret, never its value.
 */
import { SECRET_REF_PATTERN } from './provisioning/secret-ref';
import { stringsIn } from './strings-in';

interface SecretPattern {
  readonly kind: string;
  readonly pattern: RegExp;
}

const VALUE_PATTERNS: readonly SecretPattern[] = [
  { kind: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { kind: 'an Okta API token', pattern: /^00[A-Za-z0-9_-]{40}$/ },
  { kind: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/ },
  { kind: 'an AWS access key ID', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { kind: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/ },
  { kind: 'a bearer token', pattern: /^Bearer\s+\S{16,}$/i },
];

/** Field names whose value is a secret, unless it is a reference (`env:NAME`). */
const SECRET_FIELD = /(token|secret|password|passwd|api[-_]?key|private[-_]?key|credential)s?$/i;
/** A reference to where a secret lives (`env:NAME`, `secret:<store path>`), not the secret itself. */
export const SECRET_REFERENCE = SECRET_REF_PATTERN;

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** Long unbroken random-looking strings: tokens and keys from any vendor. */
function looksRandom(value: string): boolean {
  if (value.length < 32 || !/^[A-Za-z0-9+/=_-]+$/.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return entropy(value) >= 4.2;
}

/** Why `value` at `fieldName` looks like a secret, or undefined. */
export function secretKind(fieldName: string | number | undefined, value: string): string | undefined {
  if (SECRET_REFERENCE.test(value)) return undefined;
  for (const { kind, pattern } of VALUE_PATTERNS) if (pattern.test(value)) return kind;
  if (typeof fieldName === 'string' && SECRET_FIELD.test(fieldName) && value.length > 0) return `a literal value in a field named ${JSON.stringify(fieldName)}`;
  if (looksRandom(value)) return 'a random-looking token';
  return undefined;
}

export interface SecretFinding {
  readonly path: ReadonlyArray<string | number>;
  readonly kind: string;
  /** The literal itself, kept only so that messages can be scrubbed of it; never print it. */
  readonly value: string;
}

/** Replaces every secret literal (and anything matching a secret pattern) in `text`. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('(secret not shown)');
  for (const { pattern } of VALUE_PATTERNS) {
    const global = new RegExp(pattern.source.replace(/^\^|\$$/g, ''), pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    out = out.replace(global, '(secret not shown)');
  }
  return out;
}

/** Walks parsed config data and reports every string that looks like a secret. */
export function findSecretLiterals(data: unknown): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const { path, value } of stringsIn(data, '$schema')) {
    const kind = secretKind(path[path.length - 1], value);
    if (kind) found.push({ path, kind, value });
  }
  return found;
}
