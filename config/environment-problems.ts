import { showValue } from '../model/show-value';
import { ConfigProblem } from './problems';

/** A problem found while checking one environment, before those found at one place in several environments are merged. */
export interface EnvironmentProblem extends ConfigProblem {
  readonly environment: string;
  /**
   * Whether the message names its environments: always for a finding about the environment
   * (a group another integration of it declares otherwise), else only when the problem is
   * written outside the environment's own entries (an integration's shared settings) and
   * some environments that use them do not have it.
   */
  readonly named: boolean;
  /** The environments that use the place the problem is written at; the problem is theirs alone when it is found in each. */
  readonly sharedBy?: readonly string[];
}

/** `in environment "dev"`, `in environments "dev", "prod"`. */
export function inEnvironments(names: readonly string[]): string {
  return `in environment${names.length === 1 ? '' : 's'} ${names.map((n) => showValue(n)).join(', ')}`;
}

/**
 * One problem per place and message, naming the environments it is found in: settings shared
 * by several environments give one problem for the one line to fix, not one per environment.
 * A problem found in one environment only keeps its `environment`.
 */
export function mergeEnvironments(problems: readonly EnvironmentProblem[]): ConfigProblem[] {
  const groups = new Map<string, EnvironmentProblem[]>();
  for (const p of problems) {
    const key = `${p.file}\u0000${p.path}\u0000${p.message}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((group) => {
    const names = [...new Set(group.map((p) => p.environment))].sort();
    const { environment: _e, named: _n, sharedBy, ...first } = group[0];
    const everyUser = sharedBy !== undefined && sharedBy.every((e) => names.includes(e));
    const message = group.some((p) => p.named) || (sharedBy !== undefined && !everyUser) ? `${inEnvironments(names)}: ${first.message}` : first.message;
    return { ...first, message, ...(names.length === 1 ? { environment: names[0] } : {}) };
  });
}
