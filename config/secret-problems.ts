import { findSecretLiterals } from '../model/secret-literals';
import { loadConfigFiles } from './load-files';
import { ConfigProblem } from './problems';

/** Secret literals in a config directory's files, located as validate locates them; for commands that read config without validating all of it. */
export function secretProblems(dir: string): ConfigProblem[] {
  return loadConfigFiles(dir).files.flatMap((file) =>
    findSecretLiterals(file.data).map((s) => ({
      file: file.file,
      path: s.path.join('.'),
      ...file.locate(s.path),
      message: `looks like ${s.kind} (value not shown); secrets never go in config files: keep it in a secret store and reference where it lives: env:NAME or secret:<store path> (e.g. env:SCIM_TOKEN)`,
    })),
  );
}
