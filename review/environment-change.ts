import { EnvironmentReview } from './model';
import { finding } from './risk';
import { StackIndex, indexStack } from './stack-index';

/**
 * Environments on one side only. An added one is reviewed against an empty
 * stack: everything in it is new, with its own risks. A removed one is no
 * longer synthesized, so nobody runs Terraform on its stack again: nothing is
 * destroyed, but everything in it stops being managed (critical).
 */

/** A stack with nothing in it: the base of an environment this change adds. */
export function emptyStack(name: string): StackIndex {
  return indexStack({ name, tf: {} });
}

/** Names in a list, the first few: a sentence stays readable with many. */
export function someNames(names: readonly string[], max = 5): string {
  return names.slice(0, max).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');
}

/** An environment this change removes: one critical finding naming what is left unmanaged. */
export function removedEnvironment(base: StackIndex): EnvironmentReview {
  const keys = [...base.integrations.keys()].sort();
  const apps = keys.length === 1 ? '1 integration' : `${keys.length} integrations`;
  const detail = `environment removed: Terraform no longer manages anything in its stack, ${apps}${keys.length ? ` (${someNames(keys)})` : ''} included; nothing is destroyed`;
  return {
    name: base.name,
    change: 'removed',
    counts: { added: 0, adopted: 0, changed: 0, removed: keys.length, unchanged: 0 },
    risk: 'critical',
    integrations: [],
    environment: { findings: [finding('environment-removed', detail)], settings: [], runbook: { added: [], changed: [], removed: [] }, sensitiveVariables: [] },
  };
}
