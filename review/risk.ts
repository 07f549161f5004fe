/**
 * Risk levels and the risk classes the review knows (DESIGN.md, "Risk classes
 * the review must know"). Each class carries one line saying what happens to
 * users, written for the reviewer of a pull request.
 */

/** Ordered from least to most severe; `--fail-on` compares against this order. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

export function maxRisk(levels: Iterable<RiskLevel>): RiskLevel | undefined {
  let best: RiskLevel | undefined;
  for (const l of levels) if (best === undefined || riskRank(l) > riskRank(best)) best = l;
  return best;
}

export function isRiskLevel(value: string): value is RiskLevel {
  return (RISK_LEVELS as readonly string[]).includes(value);
}

export interface RiskClass {
  readonly title: string;
  readonly level: RiskLevel;
  /** One line: what would happen to users if this merged. */
  readonly impact: string;
  /** The line for a finding raised at another level than the class's own (e.g. an unknown resource removed: other at medium). */
  readonly impactAt?: Partial<Record<RiskLevel, string>>;
}

export const RISK_CLASSES = {
  'app-replaced': {
    title: 'Okta app replaced or destroyed',
    level: 'critical',
    impact: 'Okta destroys the app (or destroys it and creates a new one): all its assignments and SCIM links are lost, and users must be re-assigned and re-linked in the SP',
  },
  'environment-removed': {
    title: 'Environment removed',
    level: 'critical',
    impact:
      "its stack is no longer synthesized, so Terraform stops managing everything in it: its Okta apps (and SP resources such as Snowflake integrations) stay live with their users and SCIM links, but nobody reviews or applies their changes any more, and its state is left behind. Retire it on purpose: decide before merging whether its apps are deleted (terraform destroy in its stack, after removing prevent_destroy) or kept",
  },
  'org-changed': {
    title: 'Okta org changed',
    level: 'critical',
    impact: 'Terraform would manage a different Okta org: every app is created anew there and the old org keeps the old apps',
  },
  // Username and name ID apart: a reviewer reads which of the two values Okta sends changes, not one said for the other.
  'permanent-username': {
    title: 'Username changed on an SP with permanent usernames',
    level: 'critical',
    impact: 'the username Okta sends changes on an SP with permanent usernames: existing SP accounts no longer match, users get new empty accounts or cannot sign in',
  },
  'permanent-name-id': {
    title: 'Name ID changed on an SP with permanent usernames',
    level: 'critical',
    impact: 'the SAML NameID Okta sends (its format or value) changes on an SP with permanent usernames: existing SP accounts no longer match, users get new empty accounts or cannot sign in',
  },
  'secret-exposed': {
    title: 'Secret exposed',
    level: 'critical',
    impact: 'a secret value is in the synthesized configuration (or a sensitive variable lost its protection): rotate it and keep it in a sensitive variable',
  },
  'sso-endpoint': {
    title: 'ACS URL, audience or issuer changed',
    level: 'high',
    impact: 'SSO outage until the SP side changes too: sign-in fails with a recipient or audience mismatch',
  },
  'weaker-signing': {
    title: 'Weaker signing',
    level: 'high',
    impact: 'assertions become easier to forge, and SPs that require SHA-256 or signed assertions reject every sign-in',
  },
  'import-groups-on': {
    title: 'Import Groups turned on',
    level: 'high',
    impact: 'Import Groups on: SP groups are imported into Okta and can duplicate or shadow Okta groups',
  },
  'app-deactivated': {
    title: 'App deactivated',
    level: 'high',
    impact: 'users lose the app: sign-in through Okta stops and the tile leaves their dashboard until the app is activated again',
  },
  'deprovisioning-off': {
    title: 'Deprovisioning or user push turned off',
    level: 'high',
    impact: 'users deactivated or removed in Okta stay active in the SP and keep their access (Deactivate Users off), or new users no longer get an SP account (user push off)',
  },
  'push-groups-off': {
    title: 'Push group removed or turned off',
    level: 'high',
    impact: 'the SP group stops following the Okta group: people added to or removed from the Okta group are no longer added to or removed from the SP group, which keeps its current members unless it is deleted with the mapping',
  },
  'group-removal': {
    title: 'Group assignment or group mapping removed',
    level: 'high',
    // Deactivation in the SP is said per app, on the finding, only where the app deprovisions: not every app provisions.
    impact: 'members lose the app when no other group assigned to it still gives it to them',
  },
  'group-attribute': {
    // Not a removal: a changed filter may let more groups through, or fewer; the finding says the old and new filter.
    title: 'Groups sent in the SAML assertion changed',
    level: 'medium',
    impact: 'the groups sent to the SP in the SAML assertion change: SP group mappings may add or drop users at their next sign-in',
  },
  'group-lookup-unguarded': {
    title: 'Group lookup without an exact-name check',
    level: 'high',
    impact:
      'Okta finds a group by name with a starts-with search and, when only one group matches, returns it even if its name differs: without the check that the group found has exactly the configured name, the plan does not fail and the app is assigned to (or pushes) that other group, e.g. Engineering-Dev for Engineering, whose members then get access',
  },
  'resource-replaced': {
    title: 'Resource replaced',
    level: 'high',
    impact: 'Terraform destroys and re-creates the resource: what hangs off it in Okta or the SP (push-group targets, mappings) is deleted first',
  },
  'snowflake-integration-replaced': {
    title: 'Snowflake security integration replaced, destroyed or disabled',
    level: 'critical',
    impact: 'SSO into Snowflake breaks while the SAML2 security integration is gone or disabled (every sign-in through Okta fails), and a new SCIM security integration makes the SCIM token Okta holds invalid: provisioning to Snowflake fails until a new token is generated and entered in Okta',
  },
  'protection-removed': {
    title: 'Destroy protection removed',
    level: 'high',
    impact: 'prevent_destroy removed: a later change could delete the app with every assignment and SCIM link',
  },
  'backend-changed': {
    title: 'State backend changed',
    level: 'high',
    impact: 'Terraform state moves: migrate it first (terraform init -migrate-state), or the next apply tries to create every app again',
  },
  'provider-version': {
    title: 'Provider version constraint changed',
    level: 'medium',
    impact: 'terraform init may install another provider release than the one in use: read the plan for changes the new release makes to existing resources before applying',
    impactAt: {
      high: 'terraform init may install okta/okta 6.14.0, whose own README says "DO NOT UPGRADE to v6.14.0" (an unplanned okta_trusted_origin schema break, reverted in 6.15.0): exclude it with != 6.14.0, as the default constraint does',
    },
  },
  'adopted-id-changed': {
    title: 'Adopted app or resource ID changed',
    level: 'high',
    impact: 'the import block now names another live Okta app or object: if the old one is not in Terraform state yet, apply takes over the new one and changes it to match the config; if it is, Terraform ignores the import and keeps managing the old one. Check which ID is the live one users depend on (Okta Admin Console, or the SP for a Snowflake integration) and which one `terraform state show <address>` holds',
  },
  'adoption-added': {
    title: 'Adoption added to an existing integration',
    level: 'medium',
    impact:
      'an environment that has not created this resource yet takes over the live object the import names and changes it to match the config; one that has ignores the import and keeps managing its own. Check that the ID is the live one users depend on',
  },
  'adoption-removed': {
    title: 'Adoption removed (import block)',
    level: 'medium',
    impact:
      "an environment that has not applied the import yet creates a new resource beside the live one on its next apply: users stay on the live app, which the config no longer manages. Remove adopt only once every environment that has it has applied",
  },
  'preset-changed': {
    title: 'SP preset changed',
    level: 'medium',
    impact:
      "the old SP's own rules no longer guard the integration (Atlan's permanent usernames, Omni's SP-initiated sign-in only, Aiven's relay states) and the new SP's defaults apply: check the settings that change with it, and that the SP behind the app is really the new one",
  },
  'username': {
    title: 'Username changed',
    level: 'medium',
    impact: 'the SP may match users to different accounts at their next sign-in; check which value the SP matches on',
  },
  'name-id': {
    title: 'Name ID changed',
    level: 'medium',
    impact: 'the SAML NameID Okta sends (its format or value) changes: the SP may match users to different accounts at their next sign-in; check which value the SP matches on',
  },
  'relay-state': {
    title: 'Relay state or IdP-initiated sign-in changed',
    level: 'medium',
    impact: 'users who start from the Okta dashboard may see "invalid relay state" or "Authentication failed", or land on another page',
  },
  'runbook-steps': {
    title: 'New or changed manual runbook steps',
    level: 'medium',
    impact: 'an admin must do these steps in the Okta Admin Console or the SP after merge, or SSO/SCIM stays incomplete',
  },
  'policy-suppressed': {
    title: 'Policy rule suppressed',
    level: 'medium',
    impact: 'a policy rule no longer guards this integration: check that the reason holds',
  },
  'secret-moved': {
    title: 'Secret moved',
    level: 'medium',
    impact: 'a secret now comes from another place: set it there before apply, or provisioning stops',
  },
  'secret-new': {
    title: 'New secret to set',
    level: 'medium',
    impact:
      "a secret nothing read before (such as a new integration's SCIM token, read from a sensitive Terraform variable) must be set where Terraform runs, as TF_VAR_<variable> from the token's location: without it, plan stops for want of its value",
  },
  'secret-unused': {
    title: 'Secret no longer used',
    level: 'low',
    impact:
      'nothing reads this secret any more (such as the SCIM token of a removed integration): once applied, remove it from where Terraform runs (TF_VAR_<variable>) and revoke it at the SP, so that a token no one uses cannot be used',
  },
  'rename-record-removed': {
    title: 'Rename record removed (renamedFrom)',
    level: 'high',
    impact:
      "an environment whose state still holds a resource under its old key (not applied since the rename) destroys it and creates a new one on its next apply. prevent_destroy does not stop that: Terraform applies it only to resources still declared, and the old address no longer is. For an Okta app, users lose its assignments and SCIM links. Remove renamedFrom only once every environment has applied the rename, or keep it",
  },
  'config-dir-moved': {
    title: 'Config directory at another path',
    level: 'low',
    impact:
      'local state lives in the config directory (backend.path, default state/<env>.tfstate): if this pull request moves the config directory, move its state/ directory with it before the next plan, or Terraform finds no state and plans to create every app again; if only the checkouts or synth output directories are at other paths, nothing changes',
  },
  'attributes': {
    title: 'SAML attributes or app settings changed',
    level: 'low',
    impact: 'the SP receives different attributes or the Okta tile changes; sign-in keeps working',
  },
  'access-granted': {
    title: 'App added or access granted',
    level: 'low',
    impact: 'more users get the app; nobody loses access',
  },
  'other': {
    title: 'Other changes',
    level: 'low',
    impact: 'no known effect on users',
    impactAt: {
      medium: 'a resource Terraform manages is destroyed or left unmanaged: check what in Okta or the SP depends on it',
    },
  },
} as const satisfies Record<string, RiskClass>;

export type RiskClassId = keyof typeof RISK_CLASSES;

/** What happens to users for a finding of class `cls` raised at `level`. */
export function impactOf(cls: RiskClassId, level: RiskLevel): string {
  const c: RiskClass = RISK_CLASSES[cls];
  return c.impactAt?.[level] ?? c.impact;
}

/** One reason an integration (or environment) is risky. Never holds a secret value. */
export interface RiskFinding {
  readonly class: RiskClassId;
  readonly level: RiskLevel;
  /** What triggered it, e.g. `ACS URL changed` or `group "SRE" unassigned`. */
  readonly detail: string;
}

export function finding(cls: RiskClassId, detail: string, level: RiskLevel = RISK_CLASSES[cls].level): RiskFinding {
  return { class: cls, level, detail };
}
