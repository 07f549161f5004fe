import { NameIdFormat } from './choices';

/** Okta's NameID format URNs for the short names used in config. */
export const NAME_ID_FORMAT_URN: Readonly<Record<NameIdFormat, string>> = {
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  x509SubjectName: 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
};

const BY_NAME = new Map(Object.keys(NAME_ID_FORMAT_URN).map((name) => [name.toLowerCase(), name as NameIdFormat]));
const FORMAT_URN = /^urn:oasis:names:tc:SAML:(?:1\.1|2\.0):nameid-format:([A-Za-z0-9]+)$/;

/**
 * The Okta NameID format a format URN names, or undefined for one Okta cannot send (kerberos, entity, a vendor's own).
 * Read by its last segment, case aside, under either SAML version: SP metadata often writes
 * `urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress` for the 1.1 URN Okta sends, and means the same format.
 */
export function oktaNameIdFormat(urn: string): NameIdFormat | undefined {
  const name = FORMAT_URN.exec(urn.trim())?.[1];
  return name === undefined ? undefined : BY_NAME.get(name.toLowerCase());
}
