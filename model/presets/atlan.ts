import { IdpRecordSpec } from '../idp-record';
import { SpPreset } from './preset';

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
  idpRecord: () => RECORD,
};
