import { buildSamlAppConfig, samlAppConfig } from '../constructs/saml-app-config';
import { appTag } from '../model/app-tag';
import { PRESETS } from '../model/presets';
import { EnvironmentModel, IntegrationModel } from '../model/types';
import { RULES } from './index';
import { AppSubject, NOT_APPLICABLE, PolicyRule } from './rule';

const NAMES = new Map<string, string>();

/** `fooBar` -> `foo_bar`, as cdktf names a binding's arguments in Terraform JSON. */
function terraformName(key: string): string {
  let name = NAMES.get(key);
  if (name === undefined) NAMES.set(key, (name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return name;
}

/** Terraform's argument names for a binding's config; unset values left out. */
function terraformNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(terraformNames);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[terraformName(k)] = terraformNames(v);
  }
  return out;
}

/**
 * The rules' subject for one integration, from its resolved model alone: its
 * okta_app_saml arguments exactly as the SP construct synthesizes them (the same
 * function), without building or resolving the cdktf stack. The only block is
 * the app itself: config and props strings elsewhere are already checked for
 * secret literals (SSO-106), and SSO-007 holds by construction (the construct
 * always sets it). Where nothing can edit the synthesized app afterwards (the
 * config path: validate, and synth of a config directory), this is what it
 * synthesizes to; a test checks that they are equal. `appConfig` computes the
 * arguments: by default through samlAppConfig's cache, shared with the construct
 * built from the same model.
 */
export function declaredSubject(integration: IntegrationModel, appConfig: typeof samlAppConfig = samlAppConfig): AppSubject {
  const preset = PRESETS[integration.preset];
  // terraformNames makes a new object: the note is added to it rather than spread with it into another (a slow copy in V8).
  const body = terraformNames(appConfig(integration.saml)) as Record<string, unknown>;
  body['//'] = { 'okta-sso': appTag(integration) };
  const app = { type: 'okta_app_saml', address: `okta_app_saml.${integration.key}`, body };
  return { key: integration.key, app, blocks: [app], ...(preset ? { preset } : {}), groupsAssigned: integration.groups.length, integration };
}

/** The rules on a declared subject: SSO-008 is not applicable, since the subject holds only values already checked for secrets. */
export const DECLARED_RULES: readonly PolicyRule[] = RULES.map((rule) => (rule.id === 'SSO-008' ? { ...rule, check: () => NOT_APPLICABLE } : rule));

/**
 * The declared subjects of one environment, in key order: what `validate` checks. No construct is built from them, so
 * each app's arguments are computed without samlAppConfig's cache, which would keep them all (22 MB at 10,000 x 3).
 */
export function modelSubjects(env: EnvironmentModel): AppSubject[] {
  return [...env.integrations].sort((a, b) => (a.key < b.key ? -1 : 1)).map((integration) => declaredSubject(integration, buildSamlAppConfig));
}
