import { showValue } from './show-value';
import { EnvironmentIntegrations } from './sp-objects';

/** One environment (one stack) on an Okta org; `org` undefined when it cannot be known before apply (an environment variable, a token). */
export interface EnvironmentOnOrg extends EnvironmentIntegrations {
  readonly org: string | undefined;
}

export interface CreatedGroupClash {
  /** The `id` of the environment that creates the group second. */
  readonly environment: string;
  readonly integration: string;
  /** Its entry in the integration's props: `groups.1`. */
  readonly field: string;
  readonly message: string;
}

/**
 * Groups that two environments on one Okta org each create (`create: true`). Okta group names are unique in an org
 * (the okta provider's data_source_okta_group.go, dataSourceGroupRead: "Okta API enforces unique names on all
 * groups"), so whichever environment applies second fails on a name the other took. The first environment in the
 * order given keeps the group; each later one that creates it is one clash, at its first integration doing so.
 */
export function checkCreatedGroups(environments: readonly EnvironmentOnOrg[]): CreatedGroupClash[] {
  const creators = new Map<string, EnvironmentOnOrg>();
  const clashes: CreatedGroupClash[] = [];
  for (const env of environments) {
    const org = env.org;
    if (org === undefined) continue;
    const reported = new Set<string>();
    for (const m of env.integrations) {
      m.groups.forEach((g, index) => {
        if (!g.create) return;
        // Okta org host names are case-insensitive: `Acme` and `acme` are one org.
        const id = `${org.toLowerCase()}|${g.name}`;
        const creator = creators.get(id);
        if (creator === undefined) creators.set(id, env);
        else if (creator !== env && !reported.has(g.name)) {
          reported.add(g.name);
          clashes.push({
            environment: env.id,
            integration: m.key,
            field: `groups.${index}`,
            message:
              `Okta group ${showValue(g.name)} is also created by ${creator.shown} on the same Okta org (${org}): group names are unique in an org, ` +
              `so whichever environment applies second fails on the name; ` +
              `accepted: create: true in one environment and create: false (assign the group it creates) in the others, or a group name per environment`,
          });
        }
      });
    }
  }
  return clashes;
}
