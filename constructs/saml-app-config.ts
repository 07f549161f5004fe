import type { AppSamlAttributeStatements, AppSamlConfig } from '@cdktf/provider-okta/lib/app-saml';
import { ownEntry } from '../model/own-entry';
import { SamlSettings } from '../model/types';
import { oktaExpression, terraformLiteral } from './okta-expression';
import { ATTRIBUTE_NAMESPACE, GROUP_FILTER_TYPE, NAME_ID_FORMAT_URN, PASSWORD_PROTECTED_TRANSPORT, USERNAME_TEMPLATE } from './saml-names';

const CONFIGS = new WeakMap<SamlSettings, AppSamlConfig>();

/**
 * The okta_app_saml arguments for resolved SAML settings. A pure function
 * without cdktf, so that `validate` can run the policy rules on exactly what
 * the SamlApp construct would synthesize without building the stacks; computed
 * once per settings object, for the construct and the rules to share.
 */
export function samlAppConfig(s: SamlSettings): AppSamlConfig {
  let config = CONFIGS.get(s);
  if (!config) CONFIGS.set(s, (config = buildSamlAppConfig(s)));
  return config;
}

/**
 * The same arguments, computed afresh and not kept: for a judgement made once (validate's policy rules on every app of
 * every environment), where keeping each app's arguments for a construct that is never built would only hold memory.
 */
export function buildSamlAppConfig(s: SamlSettings): AppSamlConfig {
  // A format that is not one of the choices is reported by the props' own checks; the rules still judge the rest of the app.
  const username = s.username.format === 'custom' ? s.username.template ?? '' : ownEntry(USERNAME_TEMPLATE, s.username.format) ?? '';
  const common = {
    label: terraformLiteral(s.label),
    status: s.status,
    defaultRelayState: terraformLiteral(s.relayState),
    userNameTemplate: oktaExpression(username),
    userNameTemplateType: s.username.format === 'custom' ? 'CUSTOM' : 'BUILT_IN',
    hideWeb: !s.showInDashboard,
    hideIos: !s.showInDashboard,
    lifecycle: { preventDestroy: true },
    // Written only when on: the provider's default is off, and stacks that never set it stay as they were.
    ...(s.honorForceAuthn ? { honorForceAuthn: true } : {}),
  };
  // The rest is added to `common` (same key order), not spread with it into a new literal: V8 copies such a spread slowly,
  // ~20 us an app measured, and validate builds one config per app and environment (3,000 at 1,000 x 3).
  if (s.catalogApp) {
    return Object.assign(common, { preconfiguredApp: s.catalogApp.key, appSettingsJson: terraformLiteral(stableJson(s.catalogApp.settings)) });
  }
  return Object.assign(common, {
    ssoUrl: terraformLiteral(s.acsUrl),
    recipient: terraformLiteral(s.recipient),
    destination: terraformLiteral(s.destination),
    audience: terraformLiteral(s.audience),
    subjectNameIdFormat: NAME_ID_FORMAT_URN[s.nameId.format],
    subjectNameIdTemplate: oktaExpression(s.nameId.template),
    signatureAlgorithm: s.signing.algorithm,
    digestAlgorithm: s.signing.digest,
    responseSigned: s.signing.responseSigned,
    assertionSigned: s.signing.assertionSigned,
    authnContextClassRef: PASSWORD_PROTECTED_TRANSPORT,
    attributeStatements: attributeStatements(s),
  });
}

function attributeStatements(s: SamlSettings): AppSamlAttributeStatements[] | undefined {
  const statements: AppSamlAttributeStatements[] = s.attributes.map((a) => ({
    type: 'EXPRESSION',
    name: terraformLiteral(a.name),
    namespace: ATTRIBUTE_NAMESPACE[a.nameFormat],
    values: a.values.map(oktaExpression),
  }));
  if (s.groupAttribute) {
    statements.push({
      type: 'GROUP',
      name: terraformLiteral(s.groupAttribute.name),
      namespace: ATTRIBUTE_NAMESPACE[s.groupAttribute.nameFormat],
      filterType: GROUP_FILTER_TYPE[s.groupAttribute.filter.type],
      filterValue: terraformLiteral(s.groupAttribute.filter.value),
    });
  }
  return statements.length > 0 ? statements : undefined;
}

/** JSON with sorted keys (code-point order, not the machine's locale), so reordering config never shows as a change. */
function stableJson(value: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
