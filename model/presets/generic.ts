import { SpPreset } from './preset';

export const generic: SpPreset = {
  name: 'generic',
  constructName: 'GenericSamlSso',
  ownProps: [],
  displayName: 'a generic SAML 2.0 SP',
  summary: 'Any SAML 2.0 SP: you supply `acsUrl` and `audience` (and anything else) explicitly.',
  signIn: 'idp-and-sp',
  usernameFormats: ['email', 'login', 'custom'],
  permanentUsernames: false,
  provisioning: {
    methods: ['scim'],
    features: ['createUsers', 'updateAttributes', 'deactivateUsers', 'syncPassword'],
    defaultFeatures: ['createUsers', 'updateAttributes', 'deactivateUsers'],
    importGroups: 'allowed',
    pushGroups: true,
    enhancedGroupPush: true,
    connection: 'cloud',
    notes: [],
  },
  defaults() {
    return { settings: {}, problems: [] };
  },
};
