import { samlAppConfig } from '../constructs/saml-app-config';
import { PRESETS } from '../model/presets';
import { EnvironmentModel } from '../model/types';
import { AppSubject } from './rule';

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
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[terraformName(k)] = terraformNames(v);
  }
  return out;
}

/**
 * The rules' subjects for one environment, from the model alone: each app's
 * okta_app_saml arguments exactly as SamlApp synthesizes them (same function),
 * without building the cdktf stack. `validate` uses this to stay fast; synth
 * runs the rules on the real synthesized stack. The only block is the app
 * itself: config values elsewhere are already checked for secret literals by
 * the config layer, and SSO-007 holds by construction (SamlApp always sets it).
 */
export function modelSubjects(env: EnvironmentModel): AppSubject[] {
  return [...env.integrations]
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((integration) => {
      const preset = PRESETS[integration.preset];
      const body = {
        ...(terraformNames(samlAppConfig(integration.saml)) as Record<string, unknown>),
        '//': { 'okta-sso': { integration: integration.key, preset: integration.preset, permanentUsernames: preset?.permanentUsernames ?? false } },
      };
      const app = { type: 'okta_app_saml', address: `okta_app_saml.${integration.key}`, body };
      return { key: integration.key, app, blocks: [app], ...(preset ? { preset } : {}), groupsAssigned: integration.groups.length, integration };
    });
}
