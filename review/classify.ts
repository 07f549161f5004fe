import { RiskFinding, finding } from './risk';

/** What a classifier knows about the integration beyond the attribute itself. */
export interface ChangeContext {
  readonly permanentUsernames: boolean;
}

type Classifier = (before: unknown, after: unknown, words: string, ctx: ChangeContext) => RiskFinding;

const USERNAME: Classifier = (_b, _a, words, ctx) =>
  ctx.permanentUsernames ? finding('permanent-username', `${words} changed`) : finding('username', `${words} changed`);
const ENDPOINT: Classifier = (_b, _a, words) => finding('sso-endpoint', `${words} changed`);
const RELAY: Classifier = (_b, _a, words) => finding('relay-state', `${words} changed`);

const weakerAlgorithm: Classifier = (before, after, words) =>
  /SHA1/.test(String(after)) && !/SHA1/.test(String(before ?? ''))
    ? finding('weaker-signing', `${words} weakened to SHA-1`)
    : finding('attributes', `${words} changed`);
const signedFlag: Classifier = (before, after, words) =>
  before === true && after !== true ? finding('weaker-signing', `${words} turned off`) : finding('attributes', `${words} changed`);

function groupStatements(value: unknown): string {
  return JSON.stringify(Array.isArray(value) ? value.filter((s) => (s as any)?.type === 'GROUP') : []);
}

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
    subject_name_id_template: USERNAME,
    subject_name_id_format: USERNAME,
    signature_algorithm: weakerAlgorithm,
    digest_algorithm: weakerAlgorithm,
    response_signed: signedFlag,
    assertion_signed: signedFlag,
    status: (_b, after, words) =>
      after === 'INACTIVE' ? finding('deprovisioning-off', 'app deactivated') : finding('access-granted', `${words} changed to ${String(after ?? 'ACTIVE')}`),
    lifecycle: (before, after, words) =>
      (before as any)?.prevent_destroy === true && (after as any)?.prevent_destroy !== true
        ? finding('protection-removed', 'prevent_destroy removed')
        : finding('other', `${words} changed`),
    attribute_statements: (before, after, words) =>
      groupStatements(before) !== groupStatements(after)
        ? finding('group-removal', 'group attribute statement changed: the groups sent to the SP change, SP group mappings may drop users', 'medium')
        : finding('attributes', `${words} changed`),
  },
  okta_push_group: {
    status: (_b, after, words) => (after === 'INACTIVE' ? finding('deprovisioning-off', 'group push turned off') : finding('other', `${words} changed`)),
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
};

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

const VAR_REF = /\$\{var\.[A-Za-z0-9_-]+\}/;

/** The risk of one attribute change on a resource that stays in place. */
export function classifyChange(type: string, attribute: string, before: unknown, after: unknown, words: string, ctx: ChangeContext): RiskFinding {
  const specific = BY_TYPE[type]?.[attribute];
  if (specific) return specific(before, after, words, ctx);
  // A changed reference to a Terraform variable: the secret or value now lives elsewhere.
  if (VAR_REF.test(JSON.stringify(before ?? '')) || VAR_REF.test(JSON.stringify(after ?? ''))) return finding('secret-moved', `${words} now read from another variable`);
  return finding(type === 'okta_app_saml' ? 'attributes' : 'other', `${words} changed`);
}

/** The risk of a resource disappearing from an integration that stays. */
export function classifyRemoval(type: string, words: string): RiskFinding {
  switch (type) {
    case 'okta_app_saml':
      return finding('app-replaced', 'Okta app destroyed');
    case 'okta_app_group_assignments':
    case 'okta_app_group_assignment':
      return finding('group-removal', 'all group assignments removed');
    case 'okta_push_group':
      return finding('deprovisioning-off', 'push group removed');
    case 'okta_app_features':
    case 'okta_app_connection':
      return finding('deprovisioning-off', `${words} removed`);
    default:
      return finding('other', `${words} removed`, 'medium');
  }
}
