import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { TerraformStack } from 'cdktf';
import { SamlSettings, UsernameSettings } from '../model/types';
import { resolvedAsWritten, stackOverridesOf, withStackOverrides } from '../rules/stack-overrides';
import { RunbookApp } from '../runbook/okta-app';
import { samlAppConfig } from './saml-app-config';
import { USERNAME_TEMPLATE } from './saml-names';

/** The okta_app_saml arguments the runbook states, with the binding's input of each (what the construct or a setter put there). */
const STATED = {
  label: (app: AppSaml) => app.labelInput,
  sso_url: (app: AppSaml) => app.ssoUrlInput,
  audience: (app: AppSaml) => app.audienceInput,
  default_relay_state: (app: AppSaml) => app.defaultRelayStateInput,
  user_name_template: (app: AppSaml) => app.userNameTemplateInput,
  user_name_template_type: (app: AppSaml) => app.userNameTemplateTypeInput,
} as const;

type Stated = keyof typeof STATED;

/** A catalog app takes its ACS URL and audience from the catalog: the runbook does not state them as Terraform's. */
const CATALOG_UNSTATED: ReadonlySet<Stated> = new Set(['sso_url', 'audience']);

/**
 * The app as Terraform applies it, where an escape hatch (`oktaApp.addOverride(...)`, the stack's
 * `addOverride('resource.okta_app_saml.<key>...')`, or a property set on `oktaApp`) changed a value the runbook states;
 * undefined when none did, and the runbook states the props. Only an app with such an edit is resolved: the others cost
 * a few lookups.
 */
export function runbookAppOf(app: AppSaml, saml: SamlSettings): RunbookApp | undefined {
  const stated = (Object.keys(STATED) as Stated[]).filter((a) => !(saml.catalogApp && CATALOG_UNSTATED.has(a)));
  const declared = declaredArguments(saml);
  const own = (app as unknown as { rawOverrides: Record<string, unknown> }).rawOverrides;
  const stack = TerraformStack.of(app);
  const type = AppSaml.tfResourceType;
  const onStack = stackOverridesOf(stack, type, app.friendlyUniqueId);
  const touched = stated.filter((a) => Object.hasOwn(own, a) || (onStack !== undefined && Object.hasOwn(onStack, a)) || STATED[a](app) !== declared[a]);
  if (touched.length === 0) return undefined;

  const body = (app.toTerraform() as { resource: Record<string, Record<string, Record<string, unknown>>> }).resource[type][app.friendlyUniqueId];
  const applied = resolvedAsWritten(withStackOverrides(stack, type, app.friendlyUniqueId, body), app);
  const props = resolvedAsWritten(declared, app);
  // An override that sets the value the props give changes nothing Terraform applies.
  const overridden = touched.filter((a) => JSON.stringify(applied[a]) !== JSON.stringify(props[a]));
  if (overridden.length === 0) return undefined;
  const is = (a: Stated) => overridden.includes(a);
  const username = is('user_name_template') || is('user_name_template_type') ? usernameOf(applied.user_name_template, applied.user_name_template_type) : saml.username;
  return {
    label: is('label') ? required(applied.label) : saml.label,
    acsUrl: is('sso_url') ? required(applied.sso_url) : saml.acsUrl,
    audience: is('audience') ? required(applied.audience) : saml.audience,
    relayState: is('default_relay_state') ? optional(applied.default_relay_state) : saml.relayState,
    username,
    overridden,
  };
}

/** The stated arguments as the construct writes them from the props (samlAppConfig is what it built the app from). */
function declaredArguments(saml: SamlSettings): Record<Stated, unknown> {
  const c = samlAppConfig(saml);
  return {
    label: c.label,
    sso_url: c.ssoUrl,
    audience: c.audience,
    default_relay_state: c.defaultRelayState,
    user_name_template: c.userNameTemplate,
    user_name_template_type: c.userNameTemplateType,
  };
}

/**
 * A value as Terraform reads it from cdk.tf.json: `$${` and `%%{` are a literal `${` and `%{`. A `${...}` left is a
 * Terraform expression (a variable, another resource's attribute), shown as such, as the runbook shows a token prop.
 */
function asTerraformReads(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

function optional(value: unknown): string | undefined {
  const text = asTerraformReads(value);
  return text === '' ? undefined : text;
}

function required(value: unknown): string {
  return asTerraformReads(value) ?? 'not set (removed by an override)';
}

/** Okta's username format for a template and its type: the built-in ones by their template, anything else custom. */
function usernameOf(template: unknown, type: unknown): UsernameSettings {
  const text = asTerraformReads(template) ?? '';
  if (type !== 'CUSTOM') {
    for (const [format, builtIn] of Object.entries(USERNAME_TEMPLATE)) if (text === builtIn) return { format: format as UsernameSettings['format'] };
  }
  return { format: 'custom', template: text };
}
