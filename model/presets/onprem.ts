import { SpPreset } from './preset';

/**
 * An on-premises app provisioned through the Okta Provisioning Agent, which
 * forwards SCIM messages to a SCIM connector installed next to the app.
 */
export const onprem: SpPreset = {
  name: 'onprem',
  constructName: 'OnPremSso',
  ownProps: [],
  displayName: 'an on-premises app (Okta Provisioning Agent + SCIM connector)',
  summary:
    'Custom SAML 2.0 app for an on-premises app: you supply `acsUrl` and `audience`; provisioning goes through the Okta Provisioning Agent to the SCIM connector at `provisioning.connector.baseUrl` (SCIM version in the path, trailing slash).',
  signIn: 'idp-and-sp',
  usernameFormats: ['email', 'login', 'custom'],
  permanentUsernames: false,
  provisioning: {
    methods: ['scim'],
    features: ['createUsers', 'updateAttributes', 'deactivateUsers', 'syncPassword'],
    defaultFeatures: ['createUsers', 'updateAttributes', 'deactivateUsers'],
    importGroups: 'allowed',
    pushGroups: true,
    enhancedGroupPush: false,
    connection: 'on-prem',
    notes: [
      'The Okta Provisioning Agent must be installed, registered with this Okta org and able to reach the SCIM connector.',
      'Without a SCIM version in the connector base URL the agent speaks SCIM 1.1.',
    ],
  },
  defaults() {
    return { settings: {}, problems: [] };
  },
};
