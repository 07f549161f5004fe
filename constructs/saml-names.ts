import { AttributeNameFormat, GroupFilterType, UsernameFormat } from '../model/types';

export { NAME_ID_FORMAT_URN } from '../model/name-id-formats';

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
