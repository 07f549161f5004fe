import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { checkSamlSettings } from '../model/saml-rules';
import {
  AppStatus,
  AttributeStatement,
  CatalogApp,
  GroupAttributeStatement,
  NameIdSettings,
  SamlSettings,
  SigningSettings,
  UsernameSettings,
} from '../model/types';
import { MovedBlock } from './moved-block';
import { samlAppConfig } from './saml-app-config';

export interface SamlAppProps {
  /**
   * Stable integration key. The app's Terraform address is `okta_app_saml.<key>`,
   * independent of where the construct sits in the tree.
   */
  readonly key: string;
  /** App name shown in Okta. */
  readonly label: string;
  /** Single sign-on URL (ACS URL), as the SP shows it. */
  readonly acsUrl: string;
  /**
   * Recipient URL.
   * @default - the ACS URL
   */
  readonly recipient?: string;
  /**
   * Destination URL.
   * @default - the ACS URL
   */
  readonly destination?: string;
  /** Audience URI: the SP entity ID exactly as the SP publishes it (not always a URL). */
  readonly audience: string;
  /**
   * Default relay state for IdP-initiated sign-in.
   * @default - none
   */
  readonly relayState?: string;
  /**
   * NameID format and value.
   * @default - emailAddress, `${user.userName}`
   */
  readonly nameId?: NameIdSettings;
  /**
   * Application username format.
   * @default - email (`${source.email}`)
   */
  readonly username?: UsernameSettings;
  /**
   * Signing.
   * @default - RSA_SHA256 / SHA256, response and assertion signed
   */
  readonly signing?: SigningSettings;
  /**
   * SAML attribute statements.
   * @default - none
   */
  readonly attributes?: readonly AttributeStatement[];
  /**
   * Group attribute statement.
   * @default - none
   */
  readonly groupAttribute?: GroupAttributeStatement;
  /**
   * Show the app tile on the Okta dashboard (web and iOS).
   * @default true
   */
  readonly showInDashboard?: boolean;
  /**
   * App status.
   * @default 'ACTIVE'
   */
  readonly status?: AppStatus;
  /**
   * Okta catalog app to instantiate instead of a custom SAML 2.0 app. Changing it replaces the app.
   * @default - custom SAML 2.0 app
   */
  readonly catalogApp?: CatalogApp;
  /**
   * Integration key before a rename: emits a `moved` block so the app is not replaced.
   * @default - not renamed
   */
  readonly renamedFrom?: string;
}

const DEFAULT_SIGNING: SigningSettings = { algorithm: 'RSA_SHA256', digest: 'SHA256', responseSigned: true, assertionSigned: true };

/** Resolves optional props to the full settings the rules and Okta need. */
export function samlSettingsOf(props: SamlAppProps): SamlSettings {
  return {
    label: props.label,
    catalogApp: props.catalogApp,
    acsUrl: props.acsUrl,
    recipient: props.recipient ?? props.acsUrl,
    destination: props.destination ?? props.acsUrl,
    audience: props.audience,
    relayState: props.relayState,
    nameId: props.nameId ?? { format: 'emailAddress', template: '${user.userName}' },
    username: props.username ?? { format: 'email' },
    signing: props.signing ?? DEFAULT_SIGNING,
    attributes: props.attributes ?? [],
    groupAttribute: props.groupAttribute,
    showInDashboard: props.showInDashboard ?? true,
    status: props.status ?? 'ACTIVE',
  };
}

/**
 * One Okta SAML 2.0 app integration (`okta_app_saml`), protected by
 * `prevent_destroy`: removing it from config fails the plan instead of
 * deleting users' assignments and SCIM links.
 */
export class SamlApp extends Construct {
  /** The underlying Okta resource: its computed attributes feed the SP's IdP record. */
  public readonly app: AppSaml;
  public readonly settings: SamlSettings;

  constructor(scope: Construct, id: string, props: SamlAppProps) {
    super(scope, id);
    const s = samlSettingsOf(props);
    this.settings = s;
    this.node.addValidation({
      validate: () => checkSamlSettings(s, (v) => Token.isUnresolved(v)).map((p) => `${props.key}: ${p.field}: ${p.message}`),
    });

    this.app = new AppSaml(this, 'app', samlAppConfig(s));
    this.app.overrideLogicalId(props.key);

    if (props.renamedFrom) {
      new MovedBlock(this, 'moved', { from: `okta_app_saml.${props.renamedFrom}`, to: `okta_app_saml.${props.key}` });
    }
  }
}
