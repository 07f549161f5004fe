import { AttributeNameFormat, GroupFilterType, NameIdFormat, UsernameFormat } from '../model/types';

/** Okta's NameID format URNs for the short names used in config. */
export const NAME_ID_FORMAT_URN: Readonly<Record<NameIdFormat, string>> = {
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  x509SubjectName: 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
};

export const ATTRIBUTE_NAMESPACE: Readonly<Record<AttributeNameFormat, string>> = {
  unspecified: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
  uri: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
  basic: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
};

export const GROUP_FILTER_TYPE: Readonly<Record<GroupFilterType, string>> = {
  regex: 'REGEX',
  startsWith: 'STARTS_WITH',
  equals: 'EQUALS',
  contains: 'CONTAINS',
};

/** Okta's built-in username templates; `custom` uses the configured template. */
export const USERNAME_TEMPLATE: Readonly<Record<Exclude<UsernameFormat, 'custom'>, string>> = {
  email: '${source.email}',
  login: '${source.login}',
};

/** Okta requires an authentication context for custom SAML apps. */
export const PASSWORD_PROTECTED_TRANSPORT = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';
