/**
 * Finds literals that look like secrets in config. Secrets never belong in
 * config files: they enter only as sensitive Terraform variables or references
 * to where they live. Messages name the kind of secret, never its value.
 */
import { SECRET_REF_PATTERN, secretInRefName } from './provisioning/secret-ref';
import { randomBase64, secretSpans } from './secret-scan';
import { forEachString } from './strings-in';

/** Field names whose value is a secret, unless it is a reference (`env:NAME`). */
const SECRET_FIELD = /(token|secret|password|passwd|api[-_]?key|private[-_]?key|credential)s?$/i;
/** Field names that say their value may be a key (`signingKey`): a random-looking value there is judged as one in a URL query. */
const KEY_FIELD = /(key|secret|token|password)s?$/i;
/** A reference to where a secret lives (`env:NAME`, `secret:<store path>`), not the secret itself. */
export const SECRET_REFERENCE = SECRET_REF_PATTERN;

/**
 * A whole value that is one base64 run, `=` padding anywhere (the scan takes `=` only as padding at a run's end).
 * Names made of words and numbers (`AWS-Prod-Account-123456789012-Admins`, `Team/Platform/2024`) are not tokens.
 */
function looksRandom(value: string): boolean {
  return /^[A-Za-z0-9+/=_-]+$/.test(value) && randomBase64(value);
}

/** What the text holds that looks like a secret, anywhere in it (a token inside a URL or a sentence too), or undefined. */
export function embeddedSecretKind(text: string, credential = false): string | undefined {
  return secretSpans(text, credential)[0]?.kind ?? (looksRandom(text) ? 'a random token' : undefined);
}

/** Why `value` at `fieldName` looks like a secret, or undefined. */
export function secretKind(fieldName: string | number | undefined, value: string): string | undefined {
  if (SECRET_REFERENCE.test(value)) {
    // `secret:sk_live_...` has the shape of a reference but is the secret itself.
    const kind = secretInRefName(value);
    return kind && `${kind} given as the name in a ${value.slice(0, value.indexOf(':'))}: reference (a name says where the secret lives)`;
  }
  const kind = embeddedSecretKind(value, typeof fieldName === 'string' && KEY_FIELD.test(fieldName));
  if (kind) return kind;
  if (typeof fieldName === 'string' && SECRET_FIELD.test(fieldName) && value.length > 0) return `a literal value in a field named ${JSON.stringify(fieldName)}`;
  return undefined;
}

/** What replaces a secret in a message. */
const SECRET_NOT_SHOWN = '(secret not shown)';

export interface SecretFinding {
  readonly path: ReadonlyArray<string | number>;
  readonly kind: string;
  /** The secret is a map key (an environment name, an integration key), not a value. */
  readonly isKey?: boolean;
  /** The literal itself, kept only so that messages can be scrubbed of it; never print it. */
  readonly value: string;
}

/** Replaces every secret literal (and anything the secret scan finds, inside longer text too) in `text`. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(SECRET_NOT_SHOWN);
  let redacted = '';
  let from = 0;
  for (const span of secretSpans(out)) {
    redacted += out.slice(from, span.start) + SECRET_NOT_SHOWN;
    from = span.end;
  }
  return from === 0 ? out : redacted + out.slice(from);
}

/** Walks parsed config data and reports every string that looks like a secret: values, and keys (an integration key, an environment name), which synth writes into names and outputs. */
export function findSecretLiterals(data: unknown): SecretFinding[] {
  const found: SecretFinding[] = [];
  const visit = (value: string, at: ReadonlyArray<string | number>, isKey: boolean) => {
    const kind = isKey ? embeddedSecretKind(value) : secretKind(at[at.length - 1], value);
    if (kind) found.push({ path: [...at], kind: isKey ? `${kind} as a key` : kind, value, ...(isKey ? { isKey } : {}) });
  };
  // `$schema` too: a path or URL (its host and path are never judged by their randomness), and a secret pasted there is still one.
  forEachString(data, visit, { keys: true });
  return found;
}
