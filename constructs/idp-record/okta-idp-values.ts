import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { IdpValue } from '../../model/idp-record';
import { certificateBase64, certificatePem } from './certificate-format';

/** Okta's values for the SP, as Terraform references to the app's computed attributes. */
export type OktaIdpValues = Readonly<Record<IdpValue, string>>;

/**
 * The values an SP's IdP record takes from one Okta SAML app: references, never copies.
 * Written as Terraform references (`${okta_app_saml.<key>.<attribute>}`) from the
 * app's address, not through the binding's attribute getters: each getter call
 * is a cdktf token that captures a stack trace, thousands at organisation scale.
 * The output is the same; each value is built on first read (a record uses two to four).
 */
export function oktaIdpValues(app: AppSaml): OktaIdpValues {
  // Read when a value is built, after the app's logical ID is final.
  const attribute = (name: string) => `${app.terraformResourceType}.${app.friendlyUniqueId}.${name}`;
  const build: Record<IdpValue, () => string> = {
    ssoUrl: () => `\${${attribute('http_post_binding')}}`,
    issuer: () => `\${${attribute('entity_url')}}`,
    certificatePem: () => certificatePem(attribute('certificate')),
    certificateBase64: () => certificateBase64(attribute('certificate')),
    metadataXml: () => `\${${attribute('metadata')}}`,
    metadataUrl: () => `\${${attribute('metadata_url')}}`,
  };
  const values = {} as Record<IdpValue, string>;
  for (const name of Object.keys(build) as IdpValue[]) {
    let value: string | undefined;
    Object.defineProperty(values, name, { enumerable: true, get: () => (value ??= build[name]()) });
  }
  return values;
}
