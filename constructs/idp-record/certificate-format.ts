import { Fn } from 'cdktf';

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/**
 * Terraform expressions that put Okta's signing certificate in the format an SP
 * asks for. They work on the reference (`okta_app_saml.<key>.certificate`), so
 * the SP's copy follows the app's certificate on every apply; whether Okta
 * returns bare base64 or PEM, the armour and whitespace are stripped first.
 */
export function certificateBase64(certificate: string): string {
  // Okta leaves the certificate null while the app is INACTIVE, and replace() fails on null:
  // join("", compact([x])) is x, or "" when x is null.
  const text = Fn.join('', Fn.compact([certificate]));
  // A Terraform replace() whose pattern is wrapped in slashes is a regular expression.
  return Fn.replace(text, `/${BEGIN}|${END}|[[:space:]]/`, '');
}

/** PEM: BEGIN line, base64 in lines of 64 characters (RFC 7468), END line. */
export function certificatePem(certificate: string): string {
  return Fn.join('\n', Fn.concat([[BEGIN], Fn.regexall('.{1,64}', certificateBase64(certificate)), [END]]));
}
