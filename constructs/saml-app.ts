import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { Construct } from 'constructs';
import { SamlSettings } from '../model/types';
import { MovedBlock } from './moved-block';
import { samlAppConfig } from './saml-app-config';

export interface SamlAppProps {
  /** Stable integration key: the app's Terraform address is `okta_app_saml.<key>`, wherever the construct sits. */
  readonly key: string;
  /** The resolved SAML settings (checked by the SP construct that owns the app). */
  readonly settings: SamlSettings;
  /**
   * Integration key before a rename: emits a `moved` block so the app is not replaced.
   * @default - not renamed
   */
  readonly renamedFrom?: string;
}

/**
 * One Okta SAML 2.0 app integration (`okta_app_saml`), protected by
 * `prevent_destroy`: removing it from config fails the plan instead of
 * deleting users' assignments and SCIM links.
 */
export class SamlApp extends Construct {
  /** The underlying Okta resource: its computed attributes feed the SP's IdP record. */
  public readonly app: AppSaml;

  constructor(scope: Construct, id: string, props: SamlAppProps) {
    super(scope, id);
    this.app = new AppSaml(this, 'app', samlAppConfig(props.settings));
    this.app.overrideLogicalId(props.key);
    if (props.renamedFrom) {
      new MovedBlock(this, 'moved', { from: `okta_app_saml.${props.renamedFrom}`, to: `okta_app_saml.${props.key}` });
    }
  }
}
