import { groupLogicalId } from './group-names';
import { IntegrationModel } from './types';

export interface GroupProblem {
  /** Integration whose `groups` entry is at fault. */
  readonly integration: string;
  /** Field path inside that integration, e.g. `groups.1`. */
  readonly field: string;
  readonly message: string;
}

/**
 * Groups are declared once per environment, however many apps use them, so all
 * apps must agree on each group: same spelling for one Terraform name, and the
 * same create/description settings. Symmetric: the order of apps does not matter.
 */
export function checkEnvironmentGroups(integrations: readonly IntegrationModel[]): GroupProblem[] {
  const uses = new Map<string, Array<{ integration: string; index: number; name: string; create: boolean; description?: string }>>();
  for (const integration of integrations) {
    integration.groups.forEach((g, index) => {
      const id = groupLogicalId(g.name);
      uses.set(id, [...(uses.get(id) ?? []), { integration: integration.key, index, name: g.name, create: g.create, description: g.description }]);
    });
  }
  const problems: GroupProblem[] = [];
  for (const [id, list] of uses) {
    const first = list[0];
    for (const use of list.slice(1)) {
      const at = { integration: use.integration, field: `groups.${use.index}` };
      const other = `${first.integration}.groups.${first.index}`;
      if (use.name !== first.name) {
        problems.push({ ...at, message: `Okta groups ${JSON.stringify(first.name)} (${other}) and ${JSON.stringify(use.name)} map to the same Terraform name ${id}; use one spelling` });
      } else if (use.create !== first.create) {
        problems.push({ ...at, message: `Okta group ${JSON.stringify(use.name)} has create: ${use.create} here but create: ${first.create} in ${other}; use the same setting everywhere` });
      } else if (use.create && (use.description ?? '') !== (first.description ?? '')) {
        problems.push({
          ...at,
          message: `Okta group ${JSON.stringify(use.name)} is created with description ${JSON.stringify(use.description ?? '')} here but ${JSON.stringify(first.description ?? '')} in ${other}; use one description`,
        });
      }
    }
  }
  return problems;
}
