/** One thing wrong with a config directory, located as precisely as we can. */
export interface ConfigProblem {
  /** File path as the user gave it (relative to the working directory when possible). */
  readonly file: string;
  /** Dot path of the field inside the file, e.g. `integrations.aiven.relayState`; empty for the whole file. */
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  /** What is wrong and what would be accepted. Never contains a secret value. */
  readonly message: string;
}

export function formatProblem(p: ConfigProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** Every problem in a config, reported together. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `config has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        sortProblems(problems)
          .map((p) => `  ${formatProblem(p)}`)
          .join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function sortProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort(
    (a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compare(a.path, b.path) || compare(a.message, b.message),
  );
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
