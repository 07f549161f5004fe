import { SecretRef } from '../types';

/** `env:NAME` or `secret:<store path>`: where a secret lives, never the secret. */
export const SECRET_REF_PATTERN = /^(?:env:[A-Z_][A-Z0-9_]*|secret:[A-Za-z0-9][A-Za-z0-9_./:@-]*)$/;

export const SECRET_REF_ACCEPTED = 'a reference to where the secret lives: env:NAME (an environment variable, e.g. env:SCIM_TOKEN) or secret:<store path> (e.g. secret:vault/okta/scim-token)';

/** Parses a secret reference; undefined when `text` is not one (then it may be the secret itself). */
export function parseSecretRef(text: string): SecretRef | undefined {
  if (!SECRET_REF_PATTERN.test(text)) return undefined;
  const colon = text.indexOf(':');
  return { kind: text.slice(0, colon) as SecretRef['kind'], name: text.slice(colon + 1), ref: text };
}

/** Where the secret lives, in words for the runbook. */
export function describeSecretRef(ref: SecretRef): string {
  return ref.kind === 'env' ? `environment variable ${ref.name} (${ref.ref}); value not shown` : `secret store entry ${ref.name} (${ref.ref}); value not shown`;
}
