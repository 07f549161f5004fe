import { SecretFinding, findSecretLiterals } from '../model/secret-literals';
import { ConfigFile, placeAt } from './load-files';
import { ConfigProblem } from './problems';
import { secretRefHint } from './secret-ref-hint';

/** What a config problem says of a secret literal: its kind, never its value, and where secrets go instead. */
function secretLiteralMessage(kind: string): string {
  return `looks like ${kind} (value not shown); secrets never go in config files: keep it in a secret store and reference where it lives: env:NAME or secret:<store path> (e.g. env:SCIM_TOKEN)`;
}

/**
 * What a config problem says of a value found in a secret's place: a reference written in a
 * form config does not read (`${AIVEN_SCIM_TOKEN}`) gets the reference it means; anything
 * else is a secret literal, never quoted.
 */
export function secretFindingMessage(finding: SecretFinding): { readonly message: string; readonly secret: boolean } {
  const hint = secretRefHint(finding.value);
  return hint ? { message: hint, secret: false } : { message: secretLiteralMessage(finding.kind), secret: true };
}

/** Secret literals in parsed config files, located as validate locates them; for commands that read config without validating all of it. */
export function secretProblemsIn(files: readonly ConfigFile[]): ConfigProblem[] {
  return files.flatMap((file) => findSecretLiterals(file.data).map((s) => ({ ...placeAt(file, s.path), message: secretFindingMessage(s).message })));
}
