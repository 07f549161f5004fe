import { placeProvisioning } from './provisioning/placement';
import { IntegrationModel } from './types';

/** The okta/okta version constraint the synthesized config requires unless an environment sets its own. */
export const DEFAULT_OKTA_PROVIDER_CONSTRAINT = '~> 6.6';

/**
 * First okta/okta release with each resource (or attribute) this project may
 * emit that the 4.20.0 bindings lack; from the provider's CHANGELOG and source
 * at v6.5.0, v6.6.0, v6.9.0, v6.11.0 (docs/provider-compatibility.md).
 */
export const MIN_PROVIDER_VERSIONS: Readonly<Record<string, string>> = {
  okta_app_connection: '6.5.0',
  okta_app_features: '6.5.0',
  okta_push_group: '6.6.0',
  'okta_push_group.app_config.type': '6.11.0',
  'okta_app_saml.skip_authentication_policy': '6.9.0',
};

type Version = [number, number, number];

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * The lowest provider version a Terraform version constraint allows, or
 * undefined when it sets no lower bound; throws on text that is not a constraint.
 */
export function lowestAllowedVersion(constraint: string): Version | undefined {
  let lowest: Version | undefined;
  for (const clause of constraint.split(',')) {
    const m = /^\s*(~>|>=|>|<=|<|!=|=)?\s*(\S+)\s*$/.exec(clause);
    const version = m && parseVersion(m[2]);
    if (!m || !version) throw new Error(`${JSON.stringify(clause.trim())} is not a version constraint clause`);
    const op = m[1] ?? '=';
    let bound: Version | undefined;
    if (op === '~>' || op === '>=' || op === '=') bound = version;
    else if (op === '>') bound = [version[0], version[1], version[2] + 1];
    if (bound && (!lowest || compare(bound, lowest) > 0)) lowest = bound;
  }
  return lowest;
}

/** Resources (or attributes) from MIN_PROVIDER_VERSIONS that a stack's integrations emit, with the integration using each. */
export function newerResourcesInUse(integrations: readonly IntegrationModel[]): Array<{ resource: string; integration: string }> {
  const used: Array<{ resource: string; integration: string }> = [];
  for (const integration of integrations) {
    const placement = placeProvisioning(integration);
    if (!placement) continue;
    if (placement.connection === 'terraform') used.push({ resource: 'okta_app_connection', integration: integration.key });
    if (placement.features === 'terraform') used.push({ resource: 'okta_app_features', integration: integration.key });
    if (placement.pushGroups === 'terraform' && integration.provisioning!.pushGroups.length > 0) used.push({ resource: 'okta_push_group', integration: integration.key });
  }
  return used;
}

/**
 * Problems (messages) when a stack's okta/okta version constraint allows a
 * version older than a resource its integrations use needs.
 */
export function checkProviderVersion(providerVersion: string | undefined, integrations: readonly IntegrationModel[]): string[] {
  const constraint = providerVersion ?? DEFAULT_OKTA_PROVIDER_CONSTRAINT;
  let lowest: Version | undefined;
  try {
    lowest = lowestAllowedVersion(constraint);
  } catch (err) {
    return [`provider version constraint ${JSON.stringify(constraint)} is not valid: ${(err as Error).message}; accepted: a Terraform version constraint such as ~> 6.6`];
  }
  const problems: string[] = [];
  const byResource = new Map<string, string[]>();
  for (const u of newerResourcesInUse(integrations)) byResource.set(u.resource, [...(byResource.get(u.resource) ?? []), u.integration]);
  for (const [resource, integrations] of [...byResource.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const min = parseVersion(MIN_PROVIDER_VERSIONS[resource])!;
    if (lowest && compare(lowest, min) >= 0) continue;
    problems.push(
      `provider version constraint ${JSON.stringify(constraint)} allows okta/okta ${lowest ? lowest.join('.') : 'any version'}, but ${resource} (used by ${integrations.join(', ')}) needs >= ${MIN_PROVIDER_VERSIONS[resource]}; accepted: a constraint whose lowest version is at least ${MIN_PROVIDER_VERSIONS[resource]}, e.g. ~> ${min[0]}.${min[1]}`,
    );
  }
  return problems;
}
