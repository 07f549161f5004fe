import { IdpRecordSpec } from '../idp-record';
import { FieldProblem, problem } from '../problem';
import { RuleId } from '../rule-catalog';
import { showValue } from '../show-value';
import { isUnresolved } from '../unresolved';
import { SpPreset } from './preset';

const RECORD: IdpRecordSpec = {
  where: 'Omni: Settings > Authentication > SAML',
  fields: [
    { id: 'signOnUrl', label: 'Sign on URL', from: 'ssoUrl' },
    { id: 'issuer', label: 'Issuer', from: 'issuer' },
    { id: 'signingCertificate', label: 'Signing certificate', from: 'certificatePem' },
  ],
};

export const omni: SpPreset = {
  name: 'omni',
  constructName: 'OmniSso',
  ownProps: [],
  displayName: 'Omni',
  summary:
    "Custom SAML app (Omni's catalog key is not published); `acsUrl` and `audience` exactly as Omni's SAML settings page shows them (the entity ID is a bare hostname such as `acme.omniapp.co`); SP-initiated only: no relay state, Okta tile hidden.",
  signIn: 'sp-only',
  usernameFormats: ['email', 'login', 'custom'],
  permanentUsernames: false,
  provisioning: {
    methods: ['scim', 'first-login'],
    // Omni does not support password sync.
    features: ['createUsers', 'updateAttributes', 'deactivateUsers'],
    defaultFeatures: ['createUsers', 'updateAttributes', 'deactivateUsers'],
    importGroups: 'allowed',
    pushGroups: true,
    enhancedGroupPush: false,
    connection: 'cloud',
    tokenSource: 'an organization API key (an Omni admin creates it); Omni uses it as the SCIM token',
    firstLoginSetup: 'open Settings > Authentication (SAML settings) and turn on creating users at their first SAML sign-in',
    notes: ['Reactivating a user in Okta creates a new Omni user with a new external ID.'],
  },
  // Omni's own limit, whether users are pushed by SCIM or created at their first sign-in.
  signInNotes: ['Omni sessions expire after 24 hours, which is not configurable: users then sign in again through Okta.'],
  defaults() {
    return {
      settings: { label: 'Omni', showInDashboard: false, username: { format: 'email' } },
      problems: [],
    };
  },
  check(saml) {
    const problems: FieldProblem[] = [];
    // Omni's SP entity ID is the bare hostname its SAML settings page shows: a URL there is another entity ID, and Omni refuses the assertion.
    if (!isUnresolved(saml.audience) && /[/:]/.test(saml.audience)) {
      const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(saml.audience)?.[1];
      problems.push(
        problem(
          RuleId.WELL_FORMED,
          'audience',
          `audience ${showValue(saml.audience)} is a URL, but Omni's SP entity ID is the bare hostname its SAML settings page shows; accepted: ${host ? `the hostname alone (${showValue(host)})` : 'a hostname such as acme.omniapp.co'}`,
        ),
      );
    }
    return problems;
  },
  idpRecord: () => RECORD,
};
