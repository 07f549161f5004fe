import { findSecretLiterals } from '../model/secret-literals';
import type { ConfigFile } from './load-files';
import { ConfigProblem } from './problems';

/** What a config problem says of a secret literal: its kind, never its value, and where secrets go instead. */
export function secretLiteralMessage(kind: string): string {
  return `looks like ${kind} (value not shown); secrets never go in config files: keep it in a secret store and reference where it lives: env:NAME or secret:<store path> (e.g. env:SCIM_TOKEN)`;
}

/** Secret literals in parsed config files, located as validate locates them; for commands that read config without validating all of it. */
export function secretProblemsIn(files: readonly ConfigFile[]): ConfigProblem[] {
  return files.flatMap((file) => findSecretLiterals(file.data).map((s) => ({ file: file.file, path: s.path.join('.'), ...file.locate(s.path), message: secretLiteralMessage(s.kind) })));
}
