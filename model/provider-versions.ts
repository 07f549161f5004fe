import { OKTA_RELEASES, unlistedReleaseProbes } from './okta-releases';
import { ownEntry } from './own-entry';
import { showValue } from './show-value';
import { badCharacter } from './text-chars';
import { placeProvisioning } from './provisioning/placement';
import { IntegrationModel } from './types';

/**
 * The okta/okta version constraint the synthesized config requires unless an
 * environment sets its own: every release from 6.6.0 (push groups) through 7.x,
 * the current major, except 6.14.0 (BROKEN_RELEASES).
 */
export const DEFAULT_OKTA_PROVIDER_CONSTRAINT = '>= 6.6.0, != 6.14.0, < 8.0.0';

/** Releases never to install, with why: a constraint that admits one gets a warning. */
export const BROKEN_RELEASES: Readonly<Record<string, string>> = {
  '6.14.0': 'the provider\'s own README says "DO NOT UPGRADE to v6.14.0": an unplanned okta_trusted_origin schema break, reverted in 6.15.0',
};

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

/** One clause of a constraint: `~> 6.6` is `{ op: '~>', version: [6, 6, 0], parts: 2 }`. */
interface Clause {
  readonly op: string;
  readonly version: Version;
  /** How many parts the version was written with (`~>` lets the last one grow). */
  readonly parts: number;
}

/** The clauses of a Terraform version constraint; throws on text that is not one. */
function parseConstraint(constraint: string): Clause[] {
  return constraint.split(',').map((clause) => {
    const m = /^\s*(~>|>=|>|<=|<|!=|=)?\s*(\S+)\s*$/.exec(clause);
    const version = m && parseVersion(m[2]);
    if (!m || !version) throw new Error(`${showValue(clause.trim())} is not a version constraint clause`);
    return { op: m[1] ?? '=', version, parts: m[2].split('.').length };
  });
}

/** Whether `v` meets a clause, as Terraform reads it (`~> 6` and `~> 6.6` stay below 7.0.0, `~> 6.6.1` below 6.7.0). */
function meets(v: Version, { op, version, parts }: Clause): boolean {
  const c = compare(v, version);
  switch (op) {
    case '~>': {
      const below: Version = parts === 3 ? [version[0], version[1] + 1, 0] : [version[0] + 1, 0, 0];
      return c >= 0 && compare(v, below) < 0;
    }
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '!=':
      return c !== 0;
    default:
      return c === 0;
  }
}

/**
 * The lowest provider version a Terraform version constraint allows, or
 * undefined when it sets no lower bound; throws on text that is not a constraint.
 */
export function lowestAllowedVersion(constraint: string): Version | undefined {
  let lowest: Version | undefined;
  for (const { op, version } of parseConstraint(constraint)) {
    let bound: Version | undefined;
    if (op === '~>' || op === '>=' || op === '=') bound = version;
    else if (op === '>') bound = [version[0], version[1], version[2] + 1];
    if (bound && (!lowest || compare(bound, lowest) > 0)) lowest = bound;
  }
  return lowest;
}

/** The known okta/okta releases (model/okta-releases.ts) a constraint admits; throws on text that is not a constraint. */
export function releasesAllowed(constraint: string): string[] {
  return admitted(constraint, OKTA_RELEASES);
}

/** Whether a constraint admits a known release, or one the list may not hold yet (a newer minor or patch of the newest major). */
function admitsSomeRelease(constraint: string): boolean {
  return releasesAllowed(constraint).length > 0 || admitted(constraint, (unlisted ??= unlistedReleaseProbes())).length > 0;
}

let unlisted: string[] | undefined;

function admitted(constraint: string, versions: readonly string[]): string[] {
  const clauses = parseConstraint(constraint);
  return versions.filter((release) => clauses.every((clause) => meets(parseVersion(release)!, clause)));
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
  const bad = badCharacter(constraint);
  if (bad) return [`provider version constraint ${bad}`];
  let lowest: Version | undefined;
  try {
    lowest = lowestAllowedVersion(constraint);
    if (!admitsSomeRelease(constraint)) {
      return [`provider version constraint ${showValue(constraint)} admits no okta/okta release (known: ${releaseRange()}); accepted: a constraint some release meets, such as ${showValue(DEFAULT_OKTA_PROVIDER_CONSTRAINT)}`];
    }
  } catch (err) {
    return [`provider version constraint ${showValue(constraint)} is not valid: ${(err as Error).message}; accepted: a Terraform version constraint such as ${showValue(DEFAULT_OKTA_PROVIDER_CONSTRAINT)}`];
  }
  const problems: string[] = [];
  const byResource = new Map<string, string[]>();
  // Appended in place: copying the list for each integration made this quadratic in the integrations using a resource.
  for (const u of newerResourcesInUse(integrations)) {
    const users = byResource.get(u.resource);
    if (users) users.push(u.integration);
    else byResource.set(u.resource, [u.integration]);
  }
  for (const [resource, integrations] of [...byResource.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const min = parseVersion(MIN_PROVIDER_VERSIONS[resource])!;
    if (lowest && compare(lowest, min) >= 0) continue;
    problems.push(
      `provider version constraint ${showValue(constraint)} allows okta/okta ${lowest ? lowest.join('.') : 'any version'}, but ${resource} (used by ${integrations.join(', ')}) needs >= ${MIN_PROVIDER_VERSIONS[resource]}; accepted: a constraint whose lowest version is at least ${MIN_PROVIDER_VERSIONS[resource]}, e.g. ${showValue(`>= ${min.join('.')}, != 6.14.0, < 8.0.0`)}`,
    );
  }
  return problems;
}

/** The releases never to install (BROKEN_RELEASES) that a constraint admits, in release order; none for text that is not a constraint. */
export function brokenReleasesAllowed(constraint: string): string[] {
  try {
    return releasesAllowed(constraint).filter((release) => ownEntry(BROKEN_RELEASES, release) !== undefined);
  } catch {
    return [];
  }
}

/**
 * Warnings (messages) when a constraint admits a release never to install
 * (BROKEN_RELEASES). A constraint that is not valid gets none here: its error
 * comes from checkProviderVersion.
 */
export function providerVersionWarnings(providerVersion: string | undefined): string[] {
  const constraint = providerVersion ?? DEFAULT_OKTA_PROVIDER_CONSTRAINT;
  if (badCharacter(constraint)) return [];
  return brokenReleasesAllowed(constraint).map(
    (release) =>
      `provider version constraint ${showValue(constraint)} admits okta/okta ${release}, which ${BROKEN_RELEASES[release]}; accepted: a constraint that excludes it, e.g. add "!= ${release}" (the default is ${showValue(DEFAULT_OKTA_PROVIDER_CONSTRAINT)})`,
  );
}

/** The known releases in words: the first, and the newest of each major version. */
function releaseRange(): string {
  const newest = new Map<string, string>();
  for (const release of OKTA_RELEASES) newest.set(release.split('.')[0], release);
  return `${OKTA_RELEASES[0]} to ${OKTA_RELEASES[OKTA_RELEASES.length - 1]}; newest of each major version: ${[...newest.values()].join(', ')}`;
}
