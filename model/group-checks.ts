import { GroupRegistry } from './group-registry';
import { IntegrationModel } from './types';

export interface GroupProblem {
  /** Integration whose `groups` entry is at fault. */
  readonly integration: string;
  /** Field path inside that integration, e.g. `groups.1`. */
  readonly field: string;
  readonly message: string;
}

/** Every disagreement about a group among one environment's integrations (GroupRegistry, in integration order). */
export function checkEnvironmentGroups(integrations: readonly IntegrationModel[]): GroupProblem[] {
  const registry = new GroupRegistry();
  const problems: GroupProblem[] = [];
  for (const integration of integrations) {
    integration.groups.forEach((g, index) => {
      const message = registry.declare(g, { integration: integration.key, index });
      if (message) problems.push({ integration: integration.key, field: `groups.${index}`, message });
    });
  }
  return problems;
}
