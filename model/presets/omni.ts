import { IdpRecordSpec } from '../idp-record';
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
  displayName: 'Omni',
  summary:
    "Custom SAML app (Omni's catalog key is not published); `acsUrl` and `audience` exactly as Omni's SAML settings page shows them (the entity ID is a bare hostname such as `acme.omniapp.co`); SP-initiated only: no relay state, Okta tile hidden.",
  signIn: 'sp-only',
  usernameFormats: ['email', 'login', 'custom'],
  permanentUsernames: false,
  defaults() {
    return {
      settings: { label: 'Omni', showInDashboard: false, username: { format: 'email' } },
      problems: [],
    };
  },
  idpRecord: () => RECORD,
};
