import { showValue } from '../show-value';
import { AivenConsole, choicesOf } from '../choices';
import { IdpRecordSpec } from '../idp-record';
import { FieldProblem, problem } from '../problem';
import { RuleId } from '../rule-catalog';
import { AnySsoProps } from '../sso-props';
import { SamlSettings } from '../types';
import { SpPreset } from './preset';

/** Aiven's consoles; the default relay state must be the one the organisation uses. */
export const AIVEN_RELAY_STATES: readonly AivenConsole[] = choicesOf(AivenConsole);

const ID_PATTERN = /^[A-Za-z0-9]+$/;

/** Aiven's SAML endpoints, as the Aiven Console shows them for an account's auth method. */
export function aivenUrls(accountId: string, methodId: string): { acsUrl: string; metadataUrl: string } {
  const base = `https://api.aiven.io/v1/sso/saml/account/${accountId}/method/${methodId}`;
  return { acsUrl: `${base}/acs`, metadataUrl: `${base}/metadata` };
}

/** Aiven's form for an IdP (Aiven Console), with the Aiven API's field names. */
export function aivenIdpRecord(props: AnySsoProps): IdpRecordSpec {
  return {
    where: 'Aiven Console: Admin > Identity providers > your Okta IdP > Configure',
    fields: [
      { id: 'idpUrl', label: 'IDP URL', from: 'ssoUrl', apiName: 'saml_idp_url' },
      { id: 'entityId', label: 'Entity ID', from: 'issuer', apiName: 'saml_entity_id' },
      { id: 'certificate', label: 'Certificate', from: 'certificatePem', apiName: 'saml_certificate' },
      { id: 'idpLoginAllowed', label: 'IdP login allowed', value: props.idpLoginAllowed ?? true, apiName: 'saml_idp_login_allowed' },
    ],
  };
}

/** A default relay state means IdP-initiated sign-in, which Aiven refuses ("Authentication failed") unless IdP login is allowed. */
function checkIdpLogin(saml: SamlSettings, props: AnySsoProps): FieldProblem[] {
  if (saml.relayState === undefined || props.idpLoginAllowed !== false) return [];
  return [
    problem(
      RuleId.IDP_LOGIN_ALLOWED,
      'idpLoginAllowed',
      `IdP login allowed is off, but the Okta app sets a default relay state (${showValue(saml.relayState)}) for IdP-initiated sign-in, which Aiven then rejects with "Authentication failed"; accepted: true`,
    ),
  ];
}

export const aiven: SpPreset = {
  name: 'aiven',
  displayName: 'Aiven',
  constructName: 'AivenSso',
  ownProps: ['accountId', 'methodId', 'idpLoginAllowed'],
  summary:
    'ACS URL and entity ID built from `aiven.accountId` and `aiven.methodId`; relay state one of the Aiven consoles (default https://console.aiven.io); IdP-initiated sign-in on; username Email.',
  signIn: 'idp-and-sp',
  allowedRelayStates: AIVEN_RELAY_STATES,
  usernameFormats: ['email'],
  permanentUsernames: false,
  provisioning: {
    methods: ['scim'],
    features: ['createUsers', 'updateAttributes', 'deactivateUsers', 'syncPassword'],
    defaultFeatures: ['createUsers', 'updateAttributes', 'deactivateUsers'],
    importGroups: 'forbidden',
    pushGroups: true,
    enhancedGroupPush: false,
    connection: 'cloud',
    tokenSource: 'an access token for user provisioning (Aiven Console: Admin > Identity providers > your IdP)',
    scimBaseUrlSource: 'Admin > Identity providers > your IdP in the Aiven Console, where user provisioning is set up and its access token is created',
    // Import Groups has its own runbook step, which says why Aiven needs it off: not repeated here.
    notes: ['Profile updates pushed from Okta cannot be changed in Aiven; deactivated users are kept in Aiven until deleted there.'],
  },
  defaults(props, isUnresolved) {
    const problems: FieldProblem[] = [];
    const accountId = props.accountId;
    const methodId = props.methodId;
    for (const [field, value, words] of [
      ['accountId', accountId, 'account ID'],
      ['methodId', methodId, 'authentication method ID'],
    ] as const) {
      if (value === undefined) {
        problems.push(problem(RuleId.REQUIRED, field, `missing required value: the Aiven ${words} (from the Aiven Console: Admin > Identity providers > your IdP)`));
      } else if (typeof value !== 'string' || (!isUnresolved(value) && !ID_PATTERN.test(value))) {
        problems.push(problem(RuleId.WELL_FORMED, field, `Aiven ${words} ${showValue(value)} is not an Aiven ID; accepted: letters and digits, e.g. a1b2c3d4e5f6`));
      }
    }
    // Without the IDs there are no URLs, but the other defaults still hold: the rest of the props is checked against them.
    const settings = { label: 'Aiven', relayState: AivenConsole.AIVEN, username: { format: 'email' as const }, showInDashboard: true };
    if (problems.length > 0 || !accountId || !methodId) return { settings, problems };
    const urls = aivenUrls(accountId, methodId);
    return { settings: { ...settings, acsUrl: urls.acsUrl, audience: urls.metadataUrl }, problems };
  },
  check: checkIdpLogin,
  idpRecord: aivenIdpRecord,
};
