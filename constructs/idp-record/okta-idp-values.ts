import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { IdpValue } from '../../model/idp-record';
import { certificateBase64, certificatePem } from './certificate-format';

/** Okta's values for the SP, as Terraform references to the app's computed attributes. */
export type OktaIdpValues = Readonly<Record<IdpValue, string>>;

/** The values an SP's IdP record takes from one Okta SAML app: references, never copies. */
export function oktaIdpValues(app: AppSaml): OktaIdpValues {
  return {
    ssoUrl: app.httpPostBinding,
    issuer: app.entityUrl,
    certificatePem: certificatePem(app.certificate),
    certificateBase64: certificateBase64(app.certificate),
    metadataXml: app.metadata,
    metadataUrl: app.metadataUrl,
  };
}
