import { SECRET_REFERENCE } from '../model/secret-literals';

/**
 * Fields that are meant to differ per environment, by preset: promote never
 * compares or copies them, and keeps the target's values. A prefix covers
 * everything under it (`aiven` covers `aiven.accountId`).
 */
/** Fields only an environment's own entry holds, which another environment never needs a value for. */
export const ADOPTED: readonly string[] = ['adopt'];

const EVERY_PRESET = [
  // Okta group names usually differ per environment (Engineering-Dev vs Engineering).
  'groups',
  // Catalog app settings hold the SP tenant (subdomain, account).
  'catalogApp.settings',
  // The SP's per-environment tenant: its ACS URL and entity ID.
  'acsUrl',
  'recipient',
  'destination',
  'audience',
  // Where IdP-initiated sign-in lands: a page of the SP's tenant (Aiven's, one of its consoles, is promoted).
  'relayState',
  // The SP's SAML metadata file and where it was fetched from: one per tenant.
  'spMetadata',
  // Provisioning endpoints of the SP's tenant.
  'provisioning.scimBaseUrl',
  'provisioning.connector.baseUrl',
  // Push groups name the environment's own Okta groups.
  'provisioning.pushGroups',
  // Whether this environment's admin has finished the runbook's provisioning steps.
  'provisioning.connected',
  // Whether the environment's app is active: an app paused in one environment (a contract pending, a retirement under
  // way) is that environment's decision, and promoting it would silently reactivate or deactivate another's live app.
  'status',
  // How users reach the SP can differ per environment (Omni: first-login in dev to save seats, SCIM
  // elsewhere); when it does, everything that depends on it is kept too (methodDependentFields).
  'provisioning.method',
  // The environment's own live Okta objects (app and group IDs) that it adopts: another org's IDs would import the wrong objects, or none.
  ...ADOPTED,
];

/**
 * Fields that only make sense with the environment's own provisioning method:
 * when source and target use different methods, these are neither compared nor
 * copied (SCIM settings and attribute sync would be invalid with first-login).
 */
export const METHOD_DEPENDENT_FIELDS: readonly string[] = ['provisioning', 'attributeSync'];

/** The provisioning method an integration's effective settings end up with (as the model resolves it). */
export function provisioningMethod(settings: { readonly provisioning?: { readonly method?: string } | null } | undefined): string {
  if (!settings?.provisioning) return 'none';
  return settings.provisioning.method ?? 'scim';
}

export const ENV_SPECIFIC_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // Aiven's account and method IDs; the ACS URL and entity ID are built from them. Whether sign-in may start at Aiven
  // (idpLoginAllowed) is a setting like any other: promoted.
  aiven: [...EVERY_PRESET.filter((f) => f !== 'relayState'), 'aiven.accountId', 'aiven.methodId'],
  omni: EVERY_PRESET,
  atlan: EVERY_PRESET,
  generic: EVERY_PRESET,
  onprem: EVERY_PRESET,
  // Snowflake's account (the ACS URL and entity ID are built from it), the names of the objects in it, and whether it
  // provisions (as provisioning.method elsewhere). The login page's label is a setting like any other: promoted.
  snowflake: [...EVERY_PRESET, 'snowflake.account', 'snowflake.integrationName', 'snowflake.scim'],
};

/** Env-specific field prefixes of a preset; a preset not in the table also keeps its own block (`<preset>:`, the SP's account). */
export function envSpecificFields(preset: string | undefined): readonly string[] {
  if (preset !== undefined && ENV_SPECIFIC_FIELDS[preset]) return ENV_SPECIFIC_FIELDS[preset];
  return preset ? [...EVERY_PRESET, preset] : EVERY_PRESET;
}

/** Where a secret lives (`env:NAME`), a token location: always env-specific, whatever the field. */
export function isSecretLocation(value: unknown): boolean {
  return typeof value === 'string' && SECRET_REFERENCE.test(value);
}

/** Whether the field at `path` (dot path inside an integration) is env-specific. */
export function isEnvSpecific(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => path === p || path.startsWith(`${p}.`));
}
