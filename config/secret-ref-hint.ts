import { SecretRef } from '../model/provisioning/secret-ref';
import { embeddedSecretKind } from '../model/secret-literals';
import { showValue } from '../model/show-value';

/** What config accepts where a secret goes, in the words of a hint. */
const ACCEPTED = 'accepted: env:NAME (an environment variable) or secret:<store path> (an entry of your secret store)';
const ENV_NAME_WORDS = 'an environment variable name is upper-case letters, digits and _, not starting with a digit';
const STORE_PATH_WORDS = 'a store path is letters, digits and _ . / : @ -, starting with a letter or digit';

const NAME = '([A-Za-z_][A-Za-z0-9_.-]*)';
/** `${NAME}` and `$NAME`: a shell's expansion, which nothing applies to a config file. */
const SHELL_VARIABLE = new RegExp(`^\\$(?:\\{\\s*${NAME}\\s*\\}|${NAME})$`);
/** `${{ secrets.NAME }}`: a GitHub Actions expression, expanded in a workflow file only. */
const ACTIONS_EXPRESSION = new RegExp(`^\\$\\{\\{\\s*(?:secrets|env|vars)\\.${NAME}\\s*\\}\\}$`);
/** `env:name`, `ENV: NAME`, `secret = path`...: a reference written in another spelling. */
const REFERENCE_LIKE = /^(env|secret)\s*[:=]\s*(.*)$/i;

/** `vault:kv/okta`, `op://vault/item`, `aws-sm:name`: a secret store's own reference syntax, where config takes `secret:<store path>`. */
const STORE_REFERENCE = /^(vault|aws|aws-sm|awssm|ssm|gcp|gsm|azure|azure-kv|akv|keyvault|op|1password|doppler|sops|infisical|bitwarden|bws)(?::\/\/|:)\S+$/i;

/** Longer than this, a "name" is text, not a name someone meant. */
const MAX_NAME = 128;

/**
 * When a value in a secret's place is a reference to where the secret lives written in a form
 * that config does not read (`${AIVEN_SCIM_TOKEN}`, `env:aiven-token`): what is wrong with it
 * and the reference it most likely means. Undefined for anything else, and for any value that
 * holds something secret-looking: such a value is never quoted.
 */
export function secretRefHint(value: string): string | undefined {
  const text = value.trim();
  if (text.length > MAX_NAME + 10 || embeddedSecretKind(text) !== undefined) return undefined;
  const shell = SHELL_VARIABLE.exec(text);
  if (shell) return expansion(text, 'shell syntax', shell[1] ?? shell[2]);
  const actions = ACTIONS_EXPRESSION.exec(text);
  if (actions) return expansion(text, 'GitHub Actions syntax', actions[1]);
  const store = STORE_REFERENCE.exec(text);
  if (store) {
    const meant = SecretRef.parse(`secret:${text}`) ? `secret:${text}` : undefined;
    return hint(`${showValue(text)} is written in a secret store's own form (${store[1]}:), which config does not read: it would be taken as the secret itself`, meant);
  }
  const ref = REFERENCE_LIKE.exec(text);
  if (!ref) return undefined;
  const [, prefix, name] = ref;
  const pasted = referenceThenText(prefix.toLowerCase(), name);
  if (pasted) return pasted;
  return prefix.toLowerCase() === 'env' ? envHint(text, name) : storeHint(text, name);
}

/**
 * A reference followed by more text (`env:TOKEN=s3cr3t`, `secret:vault/x password=...`): the `.env` habit, where what
 * follows is the secret itself. Never quoted, nor worked into a suggested reference; the reference alone is named.
 */
function referenceThenText(prefix: string, rest: string): string | undefined {
  const m = (prefix === 'env' ? /^([A-Za-z0-9_]+)[\s=:,;]+\S/ : /^([A-Za-z0-9][A-Za-z0-9_./:@-]*)[\s=,;]+\S/).exec(rest);
  if (!m) return undefined;
  const reference = `${prefix}:${m[1]}`;
  const valid = SecretRef.parse(reference) !== undefined;
  return `${valid ? `${reference} followed by more text` : 'a reference followed by more text'} (not shown: it may be the secret itself); accepted: the reference alone${valid ? `, ${reference},` : ''} with the secret kept where it points`;
}

/** What is wrong, then the reference meant when there is one, then what is accepted. */
function hint(what: string, meant: string | undefined): string {
  return meant ? `${what}; did you mean ${meant}? ${ACCEPTED}` : `${what}; ${ACCEPTED}`;
}

function expansion(text: string, syntax: string, name: string): string {
  const meant = envName(name);
  return hint(`${showValue(text)} is ${syntax}, which nothing expands in a config file: it would be taken as the secret itself`, meant && `env:${meant}`);
}

function envHint(text: string, name: string): string {
  if (SecretRef.parse(`env:${name}`)) return hint(`${showValue(text)} is not a reference as config writes it`, `env:${name}`);
  const meant = envName(name);
  return hint(`${showValue(text)}: ${showValue(name)} is not an environment variable name (${ENV_NAME_WORDS})`, meant && `env:${meant}`);
}

function storeHint(text: string, path: string): string {
  if (SecretRef.parse(`secret:${path}`)) return hint(`${showValue(text)} is not a reference as config writes it`, `secret:${path}`);
  const meant = path.replace(/\s+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9_./:@-]/g, '-');
  return hint(`${showValue(text)}: ${showValue(path)} is not a secret store path (${STORE_PATH_WORDS})`, meant && SecretRef.parse(`secret:${meant}`) ? `secret:${meant}` : undefined);
}

/** The environment variable a name most likely means (`aiven-token` -> `AIVEN_TOKEN`), if it makes a valid, non-secret-looking reference. */
function envName(name: string): string | undefined {
  const upper = name
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const meant = /^[0-9]/.test(upper) ? `_${upper}` : upper;
  return meant && SecretRef.parse(`env:${meant}`) ? meant : undefined;
}
