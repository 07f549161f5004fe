import { IdpRecordSpec } from '../idp-record';
import { problem } from '../problem';
import { RuleId } from '../rule-catalog';
import { SpPreset } from './preset';

/** The attribute statements Atlan reads a user's profile from (DESIGN.md's SP catalog). */
const ATLAN_ATTRIBUTES = ['firstName', 'lastName', 'email'] as const;

const RECORD: IdpRecordSpec = {
  where: "Atlan: the SSO setup page for Okta (SAML): upload Okta's IdP metadata",
  fields: [{ id: 'idpMetadata', label: 'IdP metadata XML', from: 'metadataXml' }],
};

export const atlan: SpPreset = {
  name: 'atlan',
  constructName: 'AtlanSso',
  ownProps: [],
  displayName: 'Atlan',
  summary:
    'Custom SAML 2.0 app; `acsUrl` (Single sign-on URL) and `audience` (Audience URI) exactly as Atlan shows them; attributes firstName, lastName, email; group attribute `memberOf` with a regex filter (default `.*`). Usernames are permanent in Atlan.',
  signIn: 'idp-and-sp',
  usernameFormats: ['email', 'login', 'custom'],
  permanentUsernames: true,
  provisioning: {
    methods: ['scim'],
    features: ['createUsers', 'updateAttributes', 'deactivateUsers'],
    defaultFeatures: ['createUsers', 'updateAttributes', 'deactivateUsers'],
    importGroups: 'allowed',
    pushGroups: true,
    enhancedGroupPush: false,
    connection: 'cloud',
    tokenSource: 'a SCIM token (SCIM provisioning is an Atlan premium feature)',
    notes: [
      'Atlan usernames are permanent once provisioned: never change the Okta username format or template afterwards.',
      'Atlan groups mapped to Okta groups follow Okta membership: users missing from the Okta group are removed from the Atlan group.',
    ],
  },
  defaults() {
    return {
      settings: {
        label: 'Atlan',
        username: { format: 'email' },
        attributes: [
          { name: 'firstName', values: ['user.firstName'] },
          { name: 'lastName', values: ['user.lastName'] },
          { name: 'email', values: ['user.email'] },
        ],
        groupAttribute: { name: 'memberOf', filter: { type: 'regex', value: '.*' } },
      },
      problems: [],
    };
  },
  check(saml, props) {
    // A catalog app decides its own attributes; a custom app given other attributes replaces the preset's, without them.
    if (props.catalogApp !== undefined) return [];
    const missing = ATLAN_ATTRIBUTES.filter((name) => !saml.attributes.some((a) => a.name === name));
    if (missing.length === 0) return [];
    return [
      problem(
        RuleId.REQUIRED,
        'attributes',
        `Atlan reads each user's profile from the attribute statements ${ATLAN_ATTRIBUTES.join(', ')}, and attributes replaces the preset's; missing: ${missing.join(', ')}; ` +
          'accepted: attributes that include them (firstName from user.firstName, lastName from user.lastName, email from user.email), then your own',
      ),
    ];
  },
  idpRecord: () => RECORD,
};
