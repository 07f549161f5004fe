/**
 * Every rule the constructs enforce, by its stable ID. Each problem they report
 * carries one of these IDs. `SSO-0NN` rules are policy: a finding can be
 * suppressed per integration with a reason (`suppressions`), which is recorded
 * in cdk.tf.json and shown by review. `SSO-1NN` rules are about input that
 * cannot work at all (missing, malformed, contradictory, or refused by Okta's
 * API): they cannot be suppressed.
 */

/** Rule IDs, by what they check. IDs are never reused. */
export const RuleId = {
  HTTPS_URLS: 'SSO-001',
  SHA256_SIGNING: 'SSO-002',
  SIGNED_ASSERTIONS: 'SSO-003',
  SP_USERNAME_FORMAT: 'SSO-004',
  IMPORT_GROUPS_OFF: 'SSO-005',
  RELAY_STATE_ALLOWED: 'SSO-006',
  PREVENT_DESTROY: 'SSO-007',
  NO_SECRET_LITERAL: 'SSO-008',
  ASSIGNED_TO_GROUP: 'SSO-009',
  SP_INITIATED_ONLY: 'SSO-010',
  IDP_LOGIN_ALLOWED: 'SSO-011',
  SP_PROVISIONING_SUPPORT: 'SSO-012',
  MATCHES_SP_METADATA: 'SSO-013',
  NAME_ID_FORMAT_LISTED: 'SSO-014',
  REQUIRED: 'SSO-100',
  WELL_FORMED: 'SSO-101',
  CONSISTENT: 'SSO-102',
  UNIQUE: 'SSO-103',
  OKTA_ACCEPTS: 'SSO-104',
  UNESCAPED: 'SSO-105',
  NO_SECRET_INPUT: 'SSO-106',
} as const;
export type RuleId = (typeof RuleId)[keyof typeof RuleId];

/** error: synth fails (unless suppressed with a reason); warning: synth prints it and goes on. */
export type RuleLevel = 'error' | 'warning';

export interface RuleInfo {
  readonly id: RuleId;
  readonly level: RuleLevel;
  /** Short name for tables. */
  readonly title: string;
  /** One line: why the rule exists. */
  readonly reason: string;
  /** One line: how to comply, in the props' and config's words. */
  readonly fix: string;
  /** Whether `suppressions` may exempt an integration (policy rules), or not (input that cannot work). */
  readonly suppressible: boolean;
}

const policy = (id: RuleId, level: RuleLevel, title: string, reason: string, fix: string): RuleInfo => ({ id, level, title, reason, fix, suppressible: true });
const input = (id: RuleId, title: string, reason: string, fix: string): RuleInfo => ({ id, level: 'error', title, reason, fix, suppressible: false });

export const RULE_CATALOG: Readonly<Record<RuleId, RuleInfo>> = {
  'SSO-001': policy(
    'SSO-001',
    'error',
    'https-only URLs',
    'SAML assertions sent over plain http can be read and replayed on the way',
    'use https:// for acsUrl, recipient, destination and relayState, exactly as the SP publishes them',
  ),
  'SSO-002': policy('SSO-002', 'error', 'SHA-256 signing', 'SHA-1 signatures can be forged, and SPs are dropping SHA-1', 'set signing.algorithm: RSA_SHA256 and signing.digest: SHA256 (the defaults)'),
  'SSO-003': policy(
    'SSO-003',
    'error',
    'signed assertions',
    'an unsigned assertion can be forged when the response is unsigned too, and swapped (XML signature wrapping) inside a signed response by SPs that check only the outer signature',
    'set signing.assertionSigned: true (the default)',
  ),
  'SSO-004': policy(
    'SSO-004',
    'error',
    'Email username where the SP requires it',
    'the SP identifies users by email: any other username format fails sign-in or creates duplicate accounts',
    'set username.format: email (or remove username) for this integration',
  ),
  'SSO-005': policy(
    'SSO-005',
    'error',
    'Import Groups off',
    "Import Groups copies the SP's groups into Okta, where they shadow or duplicate Okta groups (the SP vendors say keep it off)",
    'set provisioning.importGroups: false',
  ),
  'SSO-006': policy(
    'SSO-006',
    'error',
    "relay state in the SP's allow-list",
    'the SP rejects IdP-initiated sign-in with "invalid relay state" unless the default relay state is one it accepts',
    "set relayState to one of the values the SP accepts (see the preset's table)",
  ),
  'SSO-007': policy(
    'SSO-007',
    'error',
    'prevent_destroy on apps',
    'destroying an Okta app loses every assignment and SCIM link; the plan must fail instead',
    'keep lifecycle.prevent_destroy on every okta_app_saml (the SP constructs always set it; do not override it)',
  ),
  'SSO-008': policy(
    'SSO-008',
    'error',
    'no secret literal',
    'a secret in the synthesized JSON ends up in git, CI logs and Terraform plans',
    'pass secrets as sensitive Terraform variables or env:NAME references, never as values in config or code',
  ),
  'SSO-009': policy(
    'SSO-009',
    'warning',
    'app assigned to at least one group',
    'an app with no group is usable by nobody, or gets assigned by hand outside review',
    'add the Okta groups that should have the app under groups:',
  ),
  'SSO-010': policy(
    'SSO-010',
    'error',
    'SP-initiated sign-in only where the SP requires it',
    'the SP rejects IdP-initiated sign-in: a default relay state or an Okta dashboard tile starts a sign-in that fails',
    'remove relayState and keep showInDashboard: false (the default for such SPs)',
  ),
  'SSO-011': policy(
    'SSO-011',
    'error',
    'Aiven IdP login allowed with a relay state',
    'Aiven answers "Authentication failed" to IdP-initiated sign-in when IdP login is not allowed, and a default relay state starts exactly that',
    'keep idpLoginAllowed (aiven.idpLoginAllowed) true, the default, or remove relayState',
  ),
  'SSO-012': policy(
    'SSO-012',
    'error',
    'provisioning the SP supports',
    'Okta then pushes what the SP refuses or cannot undo: provisioning fails or leaves accounts half made',
    'use only the provisioning methods and features the SP supports (docs/provisioning.md)',
  ),
  'SSO-013': policy(
    'SSO-013',
    'error',
    'Okta app matches the SP metadata',
    'an ACS URL or entity ID that differs from the SP metadata fails every sign-in',
    "take acsUrl and audience from the SP's metadata, or save its metadata again if the SP changed it",
  ),
  'SSO-014': policy(
    'SSO-014',
    'warning',
    'NameID format the SP metadata lists',
    'an SP that enforces the NameID formats its metadata lists rejects any other (many accept any format, hence a warning)',
    "set nameId.format to one of the formats the SP's metadata lists",
  ),
  'SSO-100': input('SSO-100', 'required value', 'the app cannot be declared without it', 'set the value (the message says where the SP shows it)'),
  'SSO-101': input('SSO-101', 'well-formed value', 'Okta, Terraform or the SP cannot use a malformed value', 'write the value in the form the message accepts'),
  'SSO-102': input('SSO-102', 'consistent settings', 'settings that contradict each other cannot both be applied', 'keep one of the two settings the message names'),
  'SSO-103': input('SSO-103', 'each item once', 'a duplicate is declared twice in Terraform or in the SP', 'remove the duplicate'),
  'SSO-104': input('SSO-104', "what Okta's API accepts", "Okta's API refuses it, so the apply would fail halfway", 'use what the message accepts; the runbook carries what Okta has no API for'),
  'SSO-105': input(
    'SSO-105',
    'Okta expressions written unescaped',
    'a pre-escaped $${...} is escaped again and reaches Okta with a stray $',
    'write Okta expressions as the Okta Admin Console shows them (e.g. ${source.email}); escaping for Terraform is done for you',
  ),
  'SSO-106': input(
    'SSO-106',
    'no secret in props or config',
    'a secret written into props or a config file ends up in git, CI logs, the synthesized JSON and Terraform plans; no suppression can take it back out',
    'keep the secret in a secret store and pass where it lives: SecretRef.fromEnv / SecretRef.fromStore in code, env:NAME or secret:<store path> in config',
  ),
};

/** Rule IDs that `suppressions` may name, in ID order. */
export const SUPPRESSIBLE_RULES: readonly RuleId[] = Object.values(RULE_CATALOG)
  .filter((r) => r.suppressible)
  .map((r) => r.id);

export function isRuleId(text: string): text is RuleId {
  return Object.prototype.hasOwnProperty.call(RULE_CATALOG, text);
}
