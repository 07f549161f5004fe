import { Fn } from 'cdktf';

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/**
 * Terraform expressions that put Okta's signing certificate in the format an SP
 * asks for. They work on the reference (e.g. `okta_app_saml.<key>.certificate`),
 * so the SP's copy follows the app's certificate on every apply; whether Okta
 * returns bare base64 or PEM, the armour and whitespace are stripped first.
 * Written as Terraform text around the certificate's address rather than with
 * cdktf's `Fn` functions: every `Fn` call is a token that captures a stack trace,
 * and at 1,000 apps x 3 environments the PEM expressions cost ~2.3 s of CPU.
 */
export function certificateBase64(certificateAddress: string): string {
  return `\${${base64Of(certificateAddress)}}`;
}

/** PEM: BEGIN line, base64 in lines of 64 characters (RFC 7468), END line. */
export function certificatePem(certificateAddress: string): string {
  return `\${join("\\n", concat(["${BEGIN}"], regexall(".{1,64}", ${base64Of(certificateAddress)}), ["${END}"]))}`;
}

function base64Of(certificateAddress: string): string {
  // Okta leaves the certificate null while the app is INACTIVE, and replace() fails on null:
  // join("", compact([x])) is x, or "" when x is null.
  // A Terraform replace() whose pattern is wrapped in slashes is a regular expression.
  return `replace(join("", compact([${certificateAddress}])), "/${BEGIN}|${END}|[[:space:]]/", "")`;
}

/**
 * The same two forms built with cdktf's functions on the certificate's token:
 * what an integration hands out for users to wire onward, which cdktf can then
 * carry into another stack (text references cannot cross stacks). Built only
 * when read, so the config path pays no token for it.
 */
export function certificateTokens(certificate: string): { readonly base64: string; readonly pem: string } {
  const base64 = Fn.replace(Fn.join('', Fn.compact([certificate])), `/${BEGIN}|${END}|[[:space:]]/`, '');
  return { base64, pem: Fn.join('\n', Fn.concat([[BEGIN], Fn.regexall('.{1,64}', base64), [END]])) };
}
