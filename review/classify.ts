import { ownEntry } from '../model/own-entry';
import { groupAttributeChange } from './group-attribute';
import { RiskFinding, finding } from './risk';
import { resourceWords } from './words';

/** What a classifier knows about the integration beyond the attribute itself. */
export interface ChangeContext {
  readonly permanentUsernames: boolean;
  /**
   * Whether the live app deactivates users it is unassigned from: `on` when it does (Deactivate Users on and
   * provisioning connected), `if-connected` when Deactivate Users is on in its runbook but the synth output
   * cannot tell whether provisioning is connected yet; undefined otherwise.
   */
  readonly deprovisions?: keyof typeof DEPROVISIONS_NOTE;
}

/** Said on a group removal where the app deprovisions, and only there. */
export const DEPROVISIONS_NOTE = {
  'on': 'Deactivate Users is on, so provisioning deactivates the SP accounts of members who lose the app',
  'if-connected':
    "if this app's provisioning is connected already (its runbook steps done), Deactivate Users (on in its runbook) deactivates the SP accounts of members who lose the app",
  // The same change turns Deactivate Users off, which is a runbook step done by hand: the apply may come first.
  'until-turned-off':
    'Deactivate Users stays on in Okta until the runbook step that turns it off is done, so if this applies first, provisioning deactivates the SP accounts of members who lose the app',
} as const;

type Classifier = (before: unknown, after: unknown, words: string, ctx: ChangeContext) => RiskFinding;

const USERNAME: Classifier = (_b, _a, words, ctx) =>
  ctx.permanentUsernames ? finding('permanent-username', `${words} changed`) : finding('username', `${words} changed`);
const NAME_ID: Classifier = (_b, _a, words, ctx) =>
  ctx.permanentUsernames ? finding('permanent-name-id', `${words} changed`) : finding('name-id', `${words} changed`);
const ENDPOINT: Classifier = (_b, _a, words) => finding('sso-endpoint', `${words} changed`);
const RELAY: Classifier = (_b, _a, words) => finding('relay-state', `${words} changed`);

const weakerAlgorithm: Classifier = (before, after, words) =>
  /SHA1/.test(String(after)) && !/SHA1/.test(String(before ?? ''))
    ? finding('weaker-signing', `${words} weakened to SHA-1`)
    : finding('attributes', `${words} changed`);
const signedFlag: Classifier = (before, after, words) =>
  before === true && after !== true ? finding('weaker-signing', `${words} turned off`) : finding('attributes', `${words} changed`);

const BY_TYPE: Readonly<Record<string, Readonly<Record<string, Classifier>>>> = {
  okta_app_saml: {
    sso_url: ENDPOINT,
    recipient: ENDPOINT,
    destination: ENDPOINT,
    audience: ENDPOINT,
    idp_issuer: ENDPOINT,
    sp_issuer: ENDPOINT,
    default_relay_state: RELAY,
    hide_web: RELAY,
    hide_ios: RELAY,
    user_name_template: USERNAME,
    user_name_template_type: USERNAME,
    user_name_template_suffix: USERNAME,
    subject_name_id_template: NAME_ID,
    subject_name_id_format: NAME_ID,
    signature_algorithm: weakerAlgorithm,
    digest_algorithm: weakerAlgorithm,
    response_signed: signedFlag,
    assertion_signed: signedFlag,
    status: (_b, after, words) =>
      after === 'INACTIVE' ? finding('app-deactivated', 'app deactivated') : finding('access-granted', `${words} changed to ${String(after ?? 'ACTIVE')}`),
    attribute_statements: (before, after, words) => {
      const groups = groupAttributeChange(before, after);
      return groups ? finding('group-attribute', groups) : finding('attributes', `${words} changed`);
    },
  },
  okta_push_group: {
    status: (_b, after, words) => (after === 'INACTIVE' ? finding('push-groups-off', `${words} turned off`) : finding('other', `${words} changed`)),
  },
  // Renamed in place: the group keeps its members and apps, but whatever else finds it by name (another app's or stack's lookup) no longer does.
  okta_group: {
    name: () => finding('other', 'Okta group renamed in place (its members and apps stay): whatever else finds it by its old name (another stack, other tools) no longer does', 'medium'),
  },
  okta_app_connection: {
    action: (_b, after, words) => (after === 'deactivate' ? finding('deprovisioning-off', 'provisioning connection deactivated') : finding('other', `${words} changed`)),
  },
  okta_app_features: {
    capabilities: (before, after, words) =>
      countOf(JSON.stringify(after ?? null), '"ENABLED"') < countOf(JSON.stringify(before ?? null), '"ENABLED"')
        ? finding('deprovisioning-off', 'a provisioning feature (e.g. deactivation) turned off')
        : finding('other', `${words} changed`),
    status: (_b, after, words) => (after === 'DISABLED' ? finding('deprovisioning-off', 'provisioning feature disabled') : finding('other', `${words} changed`)),
  },
  snowflake_saml2_integration: {
    enabled: (_b, after, words) =>
      String(after) === 'false' ? finding('snowflake-integration-replaced', `${words} disabled: SSO into Snowflake stops`) : finding('other', `${words} changed`),
    // The provider is the account's: another one means the integration is created in another Snowflake account.
    provider: () =>
      finding('snowflake-integration-replaced', 'SAML2 integration moved to another Snowflake account: created anew there, while the old account keeps its own, no longer managed'),
  },
  snowflake_scim_integration: {
    enabled: (_b, after, words) =>
      String(after) === 'false' ? finding('deprovisioning-off', `${words} disabled: Okta can no longer provision or deprovision Snowflake users`) : finding('other', `${words} changed`),
    provider: () =>
      finding('snowflake-integration-replaced', 'SCIM integration moved to another Snowflake account: created anew there, so the SCIM token Okta holds is invalid until a new one is generated and entered'),
  },
};

/** Any resource: prevent_destroy removed. */
const lifecycle: Classifier = (before, after, words) =>
  (before as any)?.prevent_destroy === true && (after as any)?.prevent_destroy !== true
    ? finding('protection-removed', `prevent_destroy removed from ${words}`)
    : finding('other', `${words} destroy protection changed`);

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

const VAR_REF = /\$\{var\.[A-Za-z0-9_-]+\}/;

/** The risk of one attribute change on a resource that stays in place. */
export function classifyChange(type: string, attribute: string, before: unknown, after: unknown, words: string, ctx: ChangeContext): RiskFinding {
  const specific = ownEntry(ownEntry(BY_TYPE, type) ?? {}, attribute);
  if (specific) return specific(before, after, words, ctx);
  if (attribute === 'lifecycle') return lifecycle(before, after, resourceWords(type), ctx);
  // A changed reference to a Terraform variable: the secret or value now lives elsewhere.
  if (VAR_REF.test(JSON.stringify(before ?? '')) || VAR_REF.test(JSON.stringify(after ?? ''))) return finding('secret-moved', `${words} now read from another variable`);
  return finding(type === 'okta_app_saml' ? 'attributes' : 'other', `${words} changed`);
}

/**
 * The risk of a resource disappearing. `words` names the resource (for a push
 * group: its Okta group and SP group); `body` is its base configuration.
 */
export function classifyRemoval(type: string, words: string, body: Readonly<Record<string, unknown>> = {}): RiskFinding {
  switch (type) {
    case 'okta_app_saml':
      return finding('app-replaced', 'Okta app destroyed');
    case 'okta_app_group_assignments':
    case 'okta_app_group_assignment':
      return finding('group-removal', 'all group assignments removed');
    case 'okta_push_group':
      return finding('push-groups-off', `${words} removed${body.delete_target_group_on_destroy === true ? ' (the SP group is deleted with it)' : ' (the SP group stays, no longer managed)'}`);
    case 'okta_app_features':
    case 'okta_app_connection':
      return finding('deprovisioning-off', `${words} removed`);
    case 'snowflake_saml2_integration':
      return finding('snowflake-integration-replaced', `${words} destroyed: SSO into Snowflake breaks (prevent_destroy does not stop a resource taken out of the stack)`);
    case 'snowflake_scim_integration':
      return finding('snowflake-integration-replaced', `${words} destroyed: the SCIM token Okta uses becomes invalid (prevent_destroy does not stop a resource taken out of the stack)`);
    default:
      return finding('other', `${words} removed`, 'medium');
  }
}

/** The risk of Terraform replacing a resource (destroy, then create) because `attributes` changed. */
export function classifyReplacement(type: string, words: string, attributes: string): RiskFinding {
  switch (type) {
    case 'okta_app_saml':
      return finding('app-replaced', `Okta app replaced (${attributes} changed)`);
    case 'snowflake_saml2_integration':
      return finding('snowflake-integration-replaced', `${words} replaced (${attributes} changed): SSO into Snowflake breaks`);
    case 'snowflake_scim_integration':
      return finding('snowflake-integration-replaced', `${words} replaced (${attributes} changed): the SCIM token Okta uses becomes invalid`);
    default:
      return finding('resource-replaced', `${words} replaced (${attributes} changed)`);
  }
}
