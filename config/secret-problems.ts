import { SecretFinding, findSecretLiterals } from '../model/secret-literals';
import { ConfigFile, placeAt } from './load-files';
import { ConfigProblem } from './problems';
import { secretRefHint } from './secret-ref-hint';

/** The fields that take a reference to where a secret lives: a SCIM token, a connector's credential. */
const TAKES_REFERENCE: ReadonlySet<string> = new Set(['token', 'credential']);

/** What a config problem says of a secret literal: its kind, never its value, and where secrets go instead (none, for a field no secret belongs in). */
function secretLiteralMessage(kind: string, path: ReadonlyArray<string | number>, isKey: boolean): string {
  const head = `looks like ${kind} (value not shown); secrets never go in config files`;
  // A key is a name (an environment, an integration) that synth writes into Terraform addresses, state paths and outputs.
  if (isKey) return `${head}, and this key is a name synth writes into Terraform addresses, state paths and outputs; accepted: a name that does not look like a secret (such as dev or wiki)`;
  if (TAKES_REFERENCE.has(String(path[path.length - 1]))) return `${head}: keep it in a secret store and reference where it lives: env:NAME or secret:<store path> (e.g. env:SCIM_TOKEN)`;
  // A label, a description or a URL takes no reference: telling the user to write one there would be a wrong fix.
  return `${head}, and this field takes no reference to one: remove it (only provisioning.token and a connector's auth.credential take env:NAME or secret:<store path>)`;
}

/**
 * What a config problem says of a value found in a secret's place: a reference written in a
 * form config does not read (`${AIVEN_SCIM_TOKEN}`) gets the reference it means; anything
 * else is a secret literal, never quoted.
 */
export function secretFindingMessage(finding: SecretFinding): { readonly message: string; readonly secret: boolean } {
  const hint = secretRefHint(finding.value);
  return hint ? { message: hint, secret: false } : { message: secretLiteralMessage(finding.kind, finding.path, finding.isKey === true), secret: true };
}

/** Secret literals in parsed config files, located as validate locates them; for commands that read config without validating all of it. */
export function secretProblemsIn(files: readonly ConfigFile[]): ConfigProblem[] {
  return files.flatMap((file) => findSecretLiterals(file.data).map((s) => ({ ...placeAt(file, s.path), message: secretFindingMessage(s).message })));
}
