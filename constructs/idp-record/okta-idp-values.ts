import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { IdpValue } from '../../model/idp-record';
import { certificateBase64, certificatePem } from './certificate-format';

/** Okta's values for the SP, as Terraform references to the app's computed attributes. */
export type OktaIdpValues = Readonly<Record<IdpValue, string>>;

/**
 * The values an SP's IdP record takes from one Okta SAML app: references, never copies.
 * Each is built on first read: a record uses two to four of them, and each
 * reference is a cdktf token that captures a stack trace.
 */
export function oktaIdpValues(app: AppSaml): OktaIdpValues {
  // Read when a value is built, after the app's logical ID is final.
  const certificate = () => `${app.terraformResourceType}.${app.friendlyUniqueId}.certificate`;
  const build: Record<IdpValue, () => string> = {
    ssoUrl: () => app.httpPostBinding,
    issuer: () => app.entityUrl,
    certificatePem: () => certificatePem(certificate()),
    certificateBase64: () => certificateBase64(certificate()),
    metadataXml: () => app.metadata,
    metadataUrl: () => app.metadataUrl,
  };
  const values = {} as Record<IdpValue, string>;
  for (const name of Object.keys(build) as IdpValue[]) {
    let value: string | undefined;
    Object.defineProperty(values, name, { enumerable: true, get: () => (value ??= build[name]()) });
  }
  return values;
}
