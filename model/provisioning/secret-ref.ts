import { secretSpans } from '../secret-scan';

const ENV_NAME_SOURCE = '[A-Z_][A-Z0-9_]*';
const STORE_PATH_SOURCE = '[A-Za-z0-9][A-Za-z0-9_./:@-]*';
const ENV_NAME = new RegExp(`^${ENV_NAME_SOURCE}$`);
const STORE_PATH = new RegExp(`^${STORE_PATH_SOURCE}$`);

/** `env:NAME` or `secret:<store path>` in shape: where a secret lives, unless the name is itself a secret (see secretInRefName). */
export const SECRET_REF_PATTERN = new RegExp(`^(?:env:${ENV_NAME_SOURCE}|secret:${STORE_PATH_SOURCE})$`);

export const SECRET_REF_ACCEPTED = 'a reference to where the secret lives: env:NAME (an environment variable, e.g. env:SCIM_TOKEN) or secret:<store path> (e.g. secret:vault/okta/scim-token)';

/**
 * What the name of a reference-shaped text (`secret:sk_live_...`) holds that looks
 * like a secret, or undefined: a name or path says where a secret lives, and is never one.
 */
export function secretInRefName(text: string): string | undefined {
  if (!SECRET_REF_PATTERN.test(text)) return undefined;
  const name = text.slice(text.indexOf(':') + 1);
  return text.startsWith('secret:') ? secretInStorePath(name) : secretSpans(name)[0]?.kind;
}

/**
 * What a store path holds that looks like a secret. A path of one segment (no `/`, `.`, `:` or `@`) names an entry
 * only in stores that name entries by ID, and a secret pasted in its place is one segment too: there, a random run
 * is judged as where credentials go (from 24 characters), and 40 or more hex digits (a hex token) are one.
 * A UUID stays a name: some stores (Bitwarden Secrets Manager) name entries by UUID.
 */
function secretInStorePath(path: string): string | undefined {
  if (/[/.:@]/.test(path)) return secretSpans(path)[0]?.kind;
  if (/^[0-9a-fA-F]{40,}$/.test(path)) return 'a hex token';
  return secretSpans(path, true)[0]?.kind;
}

/** What a malformed reference shows instead of its name: a mistaken name may be the secret itself. */
const HIDDEN = '(not shown)';

/**
 * Where a secret lives (an environment variable, or an entry in your secret
 * store), never the secret itself. A typed value, so that a string, which
 * could hold the secret, is not accepted where a secret is expected:
 *
 * ```ts
 * provisioning: { token: SecretRef.fromEnv('AIVEN_SCIM_TOKEN') }
 * ```
 */
export class SecretRef {
  /** The secret is in an environment variable, e.g. `AIVEN_SCIM_TOKEN` (upper-case letters, digits and `_`). */
  public static fromEnv(variableName: string): SecretRef {
    return new SecretRef('env', variableName, ENV_NAME.test(variableName) && secretSpans(variableName).length === 0);
  }

  /** The secret is an entry of your secret store, e.g. `vault/okta-sso/prod/aiven-scim-token`. */
  public static fromStore(path: string): SecretRef {
    // `secret:vault/x` is the config form; given to fromStore it would become secret:secret:vault/x.
    const prefixed = /^(?:secret|env):/.test(path);
    return new SecretRef('secret', path, STORE_PATH.test(path) && !prefixed && secretInStorePath(path) === undefined, prefixed);
  }

  /** Reads the config form, `env:NAME` or `secret:<store path>`; undefined when `text` is not a reference, or its name looks like a secret (it may be the secret itself). */
  public static parse(text: string): SecretRef | undefined {
    if (!SECRET_REF_PATTERN.test(text) || secretInRefName(text) !== undefined) return undefined;
    const colon = text.indexOf(':');
    return new SecretRef(text.slice(0, colon) as 'env' | 'secret', text.slice(colon + 1), true);
  }

  /** Whether a value is a SecretRef. */
  public static isSecretRef(value: unknown): value is SecretRef {
    return value instanceof SecretRef;
  }

  private constructor(
    /** `env` (an environment variable) or `secret` (a secret store entry). */
    public readonly kind: 'env' | 'secret',
    private readonly rawName: string,
    /** Whether the name is a well-formed variable name or store path. */
    public readonly valid: boolean,
    /** A store path given with the config form's `secret:` or `env:` in front. */
    public readonly prefixed = false,
  ) {}

  /** The variable name or the store path; hidden when malformed, since a mistaken name may be the secret itself. */
  public get name(): string {
    return this.valid ? this.rawName : HIDDEN;
  }

  /** The reference as config writes it, e.g. `env:AIVEN_SCIM_TOKEN`. */
  public get ref(): string {
    return `${this.kind}:${this.name}`;
  }

  public toString(): string {
    return this.ref;
  }

  public toJSON(): string {
    return this.ref;
  }
}

/** Where the secret lives, in words for the runbook. */
export function describeSecretRef(ref: SecretRef): string {
  return ref.kind === 'env' ? `environment variable ${ref.name} (${ref.ref}); value not shown` : `secret store entry ${ref.name} (${ref.ref}); value not shown`;
}

/** Why a reference is malformed (never showing it), or undefined when it is well formed. */
export function secretRefProblem(ref: SecretRef): string | undefined {
  if (ref.valid) return undefined;
  if (ref.kind === 'env') {
    return 'SecretRef.fromEnv was given something that is not an environment variable name (not shown: it may be the secret itself); accepted: upper-case letters, digits and _ naming the variable, never a secret-looking value, e.g. AIVEN_SCIM_TOKEN';
  }
  if (ref.prefixed) return 'SecretRef.fromStore was given a path that starts with "secret:" or "env:" (the config form); accepted: the store path alone, e.g. vault/okta-sso/prod/aiven-scim-token';
  return 'SecretRef.fromStore was given something that is not a store path (not shown: it may be the secret itself); accepted: letters, digits and _ . / : @ - naming where the secret lives, never a secret-looking value, e.g. vault/okta-sso/prod/aiven-scim-token';
}
