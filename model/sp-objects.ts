import { showValue } from './show-value';
import { IntegrationModel } from './types';
import { Unresolved, isUnresolved as tokenCheck } from './unresolved';

/** One environment (one stack) and its resolved integrations. */
export interface EnvironmentIntegrations {
  /** Tells environments apart: the environment's name in config, the stack's path in an app. */
  readonly id: string;
  /** How messages name it: `environment "prod"`, `stack prod`. */
  readonly shown: string;
  readonly integrations: readonly IntegrationModel[];
}

export interface SpObjectProblem {
  /** The `id` of the environment the integration is in. */
  readonly environment: string;
  readonly integration: string;
  /** The prop that names the SP-side object: `account` (Snowflake), `methodId` (Aiven). */
  readonly prop: string;
  readonly message: string;
}

interface Claim {
  readonly environment: EnvironmentIntegrations;
  readonly integration: string;
  /** Equal for two claims of one SP-side object. */
  readonly id: string;
  /** What it is, for a message: made only for a clash (names are quoted through showValue, which is not free). */
  readonly what: () => string;
  /** Claimed once per environment, however many of its integrations use it (a stack declares it once). */
  readonly perEnvironment?: boolean;
}

interface Sp {
  readonly prop: string;
  readonly why: string;
  /** What would be accepted; `perEnvironmentClash`: an object one per environment (the Snowflake role) is among the clashes. */
  readonly accepted: (perEnvironmentClash: boolean) => string;
}

const SNOWFLAKE: Sp = {
  prop: 'account',
  why: 'two Terraform resources would manage one Snowflake object: each apply would set it to its own values (a security integration to its own Okta app, breaking sign-in or provisioning through the other), and a destroy of either would drop it',
  accepted: (role) =>
    role ? 'a Snowflake account per environment with SCIM provisioning (the OKTA_PROVISIONER role is one per account)' : 'a Snowflake account per environment, or another integrationName',
};
const AIVEN: Sp = {
  prop: 'methodId',
  why: 'an Aiven authentication method trusts one identity provider (one entity ID and certificate), so sign-in through all but one of these Okta apps would fail',
  accepted: () => 'an Aiven authentication method per integration and environment',
};

/** The objects on the SP's side that an integration's resources or IdP record point at, and which SP they are of. */
function claimsOf(environment: EnvironmentIntegrations, m: IntegrationModel, isUnresolved: Unresolved): { sp: Sp; where: () => string; claims: Claim[] } | undefined {
  if (m.snowflake) {
    const { account, integrationName, scimIntegrationName } = m.snowflake;
    // Account identifiers are case-insensitive; object names are not: the Snowflake provider quotes them.
    const accountId = `${account.organizationName}-${account.accountName}`.toUpperCase();
    // SAML2 and SCIM integrations are both security integrations, one namespace in an account; roles another.
    const object = (namespace: string, kind: string, name: string, perEnvironment?: boolean): Claim[] =>
      isUnresolved(name) ? [] : [{ environment, integration: m.key, id: `snowflake\u0000${accountId}\u0000${namespace}\u0000${name}`, what: () => `${kind} ${showValue(name)}`, perEnvironment }];
    const claims = [...object('integration', 'SAML2 integration', integrationName)];
    if (scimIntegrationName !== undefined) {
      // The role is one per account in a stack, shared by its integrations; a second stack would create it again.
      claims.push(...object('integration', 'SCIM integration', scimIntegrationName), ...object('role', 'role', 'OKTA_PROVISIONER', true));
    }
    return { sp: SNOWFLAKE, where: () => ` in Snowflake account ${showValue(account.identifier)}`, claims };
  }
  const { accountId, methodId } = m.props as { accountId?: unknown; methodId?: unknown };
  if (m.preset === 'aiven' && typeof accountId === 'string' && typeof methodId === 'string' && !isUnresolved(accountId) && !isUnresolved(methodId)) {
    const claim = { environment, integration: m.key, id: `aiven\u0000${accountId}\u0000${methodId}`, what: () => `Aiven authentication method ${showValue(methodId)} of account ${showValue(accountId)}` };
    return { sp: AIVEN, where: () => '', claims: [claim] };
  }
  return undefined;
}

/**
 * SP-side objects that two integrations claim, in one environment or across
 * environments (stacks): a Snowflake SAML2 or SCIM integration, the
 * OKTA_PROVISIONER role of an account (one per stack is fine), an Aiven
 * authentication method. Each integration with a shared object is reported
 * once, naming the objects and the others. Linear in the number of integrations.
 */
export function checkSpObjects(environments: readonly EnvironmentIntegrations[], isUnresolved: Unresolved = tokenCheck): SpObjectProblem[] {
  const byObject = new Map<string, Claim[]>();
  const all: Array<{ sp: Sp; where: () => string; claims: Claim[] }> = [];
  for (const environment of environments) {
    for (const m of environment.integrations) {
      const found = claimsOf(environment, m, isUnresolved);
      if (!found) continue;
      all.push(found);
      for (const c of found.claims) {
        const same = byObject.get(c.id);
        if (!same) byObject.set(c.id, [c]);
        else if (!(c.perEnvironment && same.some((s) => s.environment === environment))) same.push(c);
      }
    }
  }
  const problems: SpObjectProblem[] = [];
  const name = (c: Claim, from: EnvironmentIntegrations) => (c.environment === from ? `integration ${showValue(c.integration)}` : `integration ${showValue(c.integration)} of ${c.environment.shown}`);
  for (const { sp, where, claims } of all) {
    const clashes = claims.filter((c) => byObject.get(c.id)!.length > 1 && byObject.get(c.id)!.includes(c));
    if (clashes.length === 0) continue;
    const first = clashes[0];
    const others = [...new Set(clashes.flatMap((c) => byObject.get(c.id)!.filter((o) => o !== c).map((o) => name(o, first.environment))))];
    const whats = clashes.map((c) => c.what());
    const listed = whats.length === 1 ? whats[0] : `${whats.slice(0, -1).join(', ')} and ${whats[whats.length - 1]}`;
    problems.push({
      environment: first.environment.id,
      integration: first.integration,
      prop: sp.prop,
      message: `${listed} ${whats.length === 1 ? 'is' : 'are'} also claimed by ${others.join(', ')}${where()}: ${sp.why}; accepted: ${sp.accepted(clashes.some((c) => c.perEnvironment))}`,
    });
  }
  return problems;
}
