/**
 * One case per rule: the same mistake made from code (an SP construct's props)
 * and from config (an integration in YAML), with where each path must report
 * it. Plain data, so that the pack-and-install test can replay the code cases
 * against the installed package (test/support/rule-case-runner.js).
 *
 * In code props, `{ $env: NAME }` and `{ $store: path }` stand for
 * SecretRef.fromEnv / fromStore, and `{ $spMetadataXml: xml }` for
 * SpMetadataDocument.fromXml.
 */
import { fixture } from '../fixture-files';

export interface CodeCase {
  /** An exported SP construct class. */
  readonly construct: string;
  readonly id: string;
  readonly props: Record<string, unknown>;
  /** An escape-hatch edit of the Okta app after construction. */
  readonly escapeHatch?: { readonly path: string; readonly value: unknown };
}

export interface ConfigCase {
  /** The integration as written in `integrations.yaml` (config words), under the case's key. */
  readonly integration: Record<string, unknown>;
  /** Extra files in the config directory. */
  readonly files?: Record<string, string>;
  /** The field path where the finding must be located. */
  readonly field: string;
  /**
   * The file it is located in.
   * @default 'integrations.yaml'
   */
  readonly file?: string;
}

export interface RuleCase {
  readonly rule: string;
  /** Which mistake, for test names. */
  readonly what: string;
  readonly code: CodeCase;
  /** The prop the construct names; undefined for a finding about the synthesized resources alone. */
  readonly prop?: string;
  /** Part of the message both paths print. */
  readonly text: string;
  /** `warning`: synth goes on and prints it. */
  readonly level?: 'warning';
  /** The same mistake in config, or why config cannot make it. */
  readonly config: ConfigCase | { readonly none: string };
}

const WIKI = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com/saml', groups: ['Everyone'] };
const AIVEN_IDS = { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93', groups: ['Engineering'] };
const AIVEN_CONFIG = { preset: 'aiven', aiven: { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93' }, groups: ['Engineering'] };
const OMNI = { acsUrl: 'https://acme.omniapp.co/api/auth/saml/acs', audience: 'acme.omniapp.co', groups: ['Analytics'] };
/** A GitHub token shape: secret-looking wherever it is written. */
const LEAKED = `ghp_${'x7Kq2mP9vR4tW8yZ1bN6cD3fG5hJ0kL2'}abcd`;
const WIKI_METADATA = fixture('sp-metadata/default-namespace.xml');

export const RULE_CASES: readonly RuleCase[] = [
  {
    rule: 'SSO-001',
    what: 'an http ACS URL',
    code: { construct: 'GenericSamlSso', id: 'wiki', props: { ...WIKI, acsUrl: 'http://wiki.example.com/saml/acs' } },
    prop: 'acsUrl',
    text: 'ACS URL "http://wiki.example.com/saml/acs" uses http, not https; accepted: an absolute https:// URL [SSO-001]',
    config: { integration: { preset: 'generic', ...WIKI, acsUrl: 'http://wiki.example.com/saml/acs' }, field: 'integrations.wiki.acsUrl' },
  },
  {
    rule: 'SSO-002',
    what: 'SHA-1 signing',
    code: { construct: 'GenericSamlSso', id: 'wiki', props: { ...WIKI, signing: { algorithm: 'RSA_SHA1' } } },
    prop: 'signing.algorithm',
    text: 'SSO-002 (error) wiki: signature algorithm "RSA_SHA1", not SHA-256',
    config: { integration: { preset: 'generic', ...WIKI, signing: { algorithm: 'RSA_SHA1' } }, field: 'integrations.wiki.signing.algorithm' },
  },
  {
    rule: 'SSO-003',
    what: 'an unsigned assertion',
    code: { construct: 'GenericSamlSso', id: 'wiki', props: { ...WIKI, signing: { assertionSigned: false } } },
    prop: 'signing.assertionSigned',
    text: 'SSO-003 (error) wiki: signed assertion is false',
    config: { integration: { preset: 'generic', ...WIKI, signing: { assertionSigned: false } }, field: 'integrations.wiki.signing.assertionSigned' },
  },
  {
    rule: 'SSO-004',
    what: 'login usernames on Aiven',
    code: { construct: 'AivenSso', id: 'aiven', props: { ...AIVEN_IDS, username: { format: 'login' } } },
    prop: 'username.format',
    text: 'username format "login" is not allowed by Aiven; accepted: email [SSO-004]',
    config: { integration: { ...AIVEN_CONFIG, username: { format: 'login' } }, field: 'integrations.aiven.username.format' },
  },
  {
    rule: 'SSO-005',
    what: 'Import Groups on for Aiven',
    code: { construct: 'AivenSso', id: 'aiven', props: { ...AIVEN_IDS, provisioning: { token: { $store: 'vault/aiven' }, importGroups: true } } },
    prop: 'provisioning.importGroups',
    text: 'Import Groups must stay off for Aiven',
    config: { integration: { ...AIVEN_CONFIG, provisioning: { token: 'secret:vault/aiven', importGroups: true } }, field: 'integrations.aiven.provisioning.importGroups' },
  },
  {
    rule: 'SSO-006',
    what: "a relay state outside Aiven's consoles",
    code: { construct: 'AivenSso', id: 'aiven', props: { ...AIVEN_IDS, relayState: 'https://console.aiven.io/projects' } },
    prop: 'relayState',
    text: 'relay state "https://console.aiven.io/projects" is not accepted by Aiven; accepted: https://console.aiven.io, https://console.gcp.aiven.io/, https://console.aws.aiven.io/ [SSO-006]',
    config: { integration: { ...AIVEN_CONFIG, relayState: 'https://console.aiven.io/projects' }, field: 'integrations.aiven.relayState' },
  },
  {
    rule: 'SSO-007',
    what: 'prevent_destroy removed with an escape hatch',
    code: { construct: 'GenericSamlSso', id: 'wiki', props: WIKI, escapeHatch: { path: 'lifecycle.prevent_destroy', value: false } },
    text: 'SSO-007 (error) wiki: okta_app_saml.wiki has no lifecycle.prevent_destroy',
    config: { none: 'config has no escape hatch: every app it declares has prevent_destroy' },
  },
  {
    rule: 'SSO-008',
    what: 'a secret put into the synthesized app with an escape hatch',
    code: { construct: 'GenericSamlSso', id: 'wiki', props: WIKI, escapeHatch: { path: 'app_settings_json', value: JSON.stringify({ apiToken: LEAKED }) } },
    text: 'SSO-008 (error) wiki: a secret-looking value (not shown) in okta_app_saml.wiki app_settings_json',
    config: { none: 'config has no escape hatch, and every config string is checked for secrets first (SSO-106)' },
  },
  {
    rule: 'SSO-009',
    what: 'an app assigned to no group',
    code: { construct: 'GenericSamlSso', id: 'wiki', props: { ...WIKI, groups: undefined } },
    prop: 'groups',
    text: 'SSO-009 (warning) wiki: no Okta group is assigned',
    level: 'warning',
    config: { integration: { preset: 'generic', acsUrl: WIKI.acsUrl, audience: WIKI.audience }, field: 'integrations.wiki' },
  },
  {
    rule: 'SSO-010',
    what: 'an Okta tile for SP-initiated-only Omni',
    code: { construct: 'OmniSso', id: 'omni', props: { ...OMNI, showInDashboard: true } },
    prop: 'showInDashboard',
    text: 'Omni supports SP-initiated sign-in only; an Okta dashboard tile starts IdP-initiated sign-in, which fails; accepted: false [SSO-010]',
    config: { integration: { preset: 'omni', ...OMNI, showInDashboard: true }, field: 'integrations.omni.showInDashboard' },
  },
  {
    rule: 'SSO-011',
    what: 'Aiven IdP login off with a relay state',
    code: { construct: 'AivenSso', id: 'aiven', props: { ...AIVEN_IDS, idpLoginAllowed: false } },
    prop: 'idpLoginAllowed',
    text: 'IdP login allowed is off, but the Okta app sets a default relay state ("https://console.aiven.io")',
    config: { integration: { ...AIVEN_CONFIG, aiven: { ...AIVEN_CONFIG.aiven, idpLoginAllowed: false } }, field: 'integrations.aiven.aiven.idpLoginAllowed' },
  },
  {
    rule: 'SSO-012',
    what: 'password sync for Omni',
    code: { construct: 'OmniSso', id: 'omni', props: { ...OMNI, provisioning: { token: { $env: 'OMNI_API_KEY' }, features: { syncPassword: true } } } },
    prop: 'provisioning.features.syncPassword',
    text: 'Sync Password (syncPassword) is not supported by Omni',
    config: { integration: { preset: 'omni', ...OMNI, provisioning: { token: 'env:OMNI_API_KEY', features: { syncPassword: true } } }, field: 'integrations.omni.provisioning.features.syncPassword' },
  },
  {
    rule: 'SSO-013',
    what: "an ACS URL the SP's metadata does not list",
    code: {
      construct: 'GenericSamlSso',
      id: 'grafana',
      props: { acsUrl: 'https://grafana.acme.example/saml/other', groups: ['Everyone'], spMetadata: { $spMetadataXml: WIKI_METADATA } },
    },
    prop: 'acsUrl',
    text: 'ACS URL, recipient and destination "https://grafana.acme.example/saml/other" do not match the SP metadata',
    config: {
      integration: { preset: 'generic', acsUrl: 'https://grafana.acme.example/saml/other', groups: ['Everyone'], spMetadata: { file: 'sp.xml' } },
      files: { 'sp.xml': WIKI_METADATA },
      field: 'integrations.grafana.acsUrl',
    },
  },
  {
    rule: 'SSO-014',
    what: "a NameID format the SP's metadata does not list",
    code: { construct: 'GenericSamlSso', id: 'wiki', props: { groups: ['Everyone'], spMetadata: { $spMetadataXml: WIKI_METADATA } } },
    prop: 'spMetadata',
    text: 'SSO-014 (warning) wiki: NameID format "emailAddress" is not one the SP metadata',
    level: 'warning',
    config: { integration: { preset: 'generic', groups: ['Everyone'], spMetadata: { file: 'sp.xml' } }, files: { 'sp.xml': WIKI_METADATA }, field: 'integrations.wiki.spMetadata.file' },
  },
  {
    rule: 'SSO-100',
    what: "Atlan without its Audience URI",
    code: { construct: 'AtlanSso', id: 'atlan', props: { acsUrl: 'https://acme.atlan.com/saml/acs', groups: ['Data'] } },
    prop: 'audience',
    text: 'missing required field audience (the SP entity ID as Atlan shows it)',
    // Not written anywhere: located at the integration's entry in the environment.
    config: { integration: { preset: 'atlan', acsUrl: 'https://acme.atlan.com/saml/acs', groups: ['Data'] }, file: 'environments.yaml', field: 'environments.prod.integrations.atlan.audience' },
  },
  {
    rule: 'SSO-101',
    what: 'a malformed Aiven account ID',
    code: { construct: 'AivenSso', id: 'aiven', props: { ...AIVEN_IDS, accountId: 'a1/../x' } },
    prop: 'accountId',
    text: 'Aiven account ID "a1/../x" is not an Aiven ID; accepted: letters and digits',
    config: { integration: { ...AIVEN_CONFIG, aiven: { accountId: 'a1/../x', methodId: 'am0b8e61f3c93' } }, field: 'integrations.aiven.aiven.accountId' },
  },
  {
    rule: 'SSO-102',
    what: 'a username template with a built-in format',
    code: { construct: 'GenericSamlSso', id: 'wiki', props: { ...WIKI, username: { format: 'email', template: '${user.login}' } } },
    prop: 'username.template',
    text: 'username.template "${user.login}" conflicts with username.format "email"',
    config: { integration: { preset: 'generic', ...WIKI, username: { format: 'email', template: '${user.login}' } }, field: 'integrations.wiki.username.template' },
  },
  {
    rule: 'SSO-103',
    what: 'a group assigned twice',
    code: { construct: 'GenericSamlSso', id: 'wiki', props: { ...WIKI, groups: ['Everyone', 'Everyone'] } },
    prop: 'groups.1',
    text: 'group "Everyone" is assigned twice',
    config: { integration: { preset: 'generic', ...WIKI, groups: ['Everyone', 'Everyone'] }, field: 'integrations.wiki.groups.1' },
  },
  {
    rule: 'SSO-104',
    what: "a Terraform-managed SCIM connection Okta's API refuses",
    code: { construct: 'GenericSamlSso', id: 'wiki', props: { ...WIKI, provisioning: { token: { $env: 'WIKI_SCIM_TOKEN' }, scimBaseUrl: 'https://wiki.example.com/scim/v2', terraformManaged: true } } },
    prop: 'provisioning.terraformManaged',
    text: "Okta's API does not accept a provisioning connection for custom SAML apps",
    config: {
      integration: { preset: 'generic', ...WIKI, provisioning: { token: 'env:WIKI_SCIM_TOKEN', scimBaseUrl: 'https://wiki.example.com/scim/v2', terraformManaged: true } },
      field: 'integrations.wiki.provisioning.terraformManaged',
    },
  },
  {
    rule: 'SSO-105',
    what: 'an Okta expression escaped by hand',
    code: { construct: 'GenericSamlSso', id: 'wiki', props: { ...WIKI, nameId: { template: '$${user.email}' } } },
    prop: 'nameId.template',
    text: 'contains $${ or %%{: write Okta expressions as the Okta Admin Console shows them',
    config: { integration: { preset: 'generic', ...WIKI, nameId: { template: '$${user.email}' } }, field: 'integrations.wiki.nameId.template' },
  },
  {
    rule: 'SSO-106',
    what: 'a secret-looking literal in props or config',
    code: { construct: 'GenericSamlSso', id: 'wiki', props: { ...WIKI, label: LEAKED } },
    prop: 'label',
    text: 'looks like a GitHub token (value not shown)',
    config: { integration: { preset: 'generic', ...WIKI, label: LEAKED }, field: 'integrations.wiki.label' },
  },
];
