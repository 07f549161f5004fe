import { showPath } from '../model/show-value';

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
  /** The one environment the problem is found in, when it is about one (written in shared settings or not). */
  readonly environment?: string;
}

/** The longest field path a problem line shows: a path holds the user's own keys, and a key can be any length. */
const MAX_SHOWN_PATH = 200;

export function formatProblem(p: ConfigProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  // A path holds the user's keys, and a key can be a secret pasted in the wrong place.
  return p.path ? `${where}: ${showPath(p.path, MAX_SHOWN_PATH)}: ${p.message}` : `${where}: ${p.message}`;
}

/** The most problems a command prints: 50,000 printed in full made 8 MB that nobody reads; the first ones are the ones to fix. */
export const MAX_PRINTED_PROBLEMS = 100;

/** `N problems` for a header line, which always counts every problem, printed or not. */
export function problemCount(n: number, word = 'problem'): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A problem list as every command prints it under its header: one indented
 * line each (already formatted lines pass as they are), the first `max` only,
 * then how many more there are.
 */
export function formatProblemList(problems: ReadonlyArray<ConfigProblem | string>, max: number = MAX_PRINTED_PROBLEMS): string {
  const lines = problems.slice(0, max).map((p) => `  ${typeof p === 'string' ? p : formatProblem(p)}`);
  const rest = problems.length - lines.length;
  if (rest > 0) lines.push(`  ... and ${problemCount(rest, 'more problem')} (fix these first)`);
  return lines.join('\n');
}

/** Every problem in a config, reported together. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`config has ${problemCount(problems.length)}:\n${formatProblemList(sortProblems(problems))}`);
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
