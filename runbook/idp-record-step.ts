import { IDP_VALUES, IdpRecordField, IdpRecordSpec, idpLoginOff, idpRecordCommand, idpRecordOutputName } from '../model/idp-record';
import { PRESETS } from '../model/presets';
import { GENERIC_IDP_RECORD } from '../model/resolve-idp-record';
import { IntegrationModel } from '../model/types';
import { RunbookStep } from './types';

/** Why each SP's side is entered by hand; an SP not listed has no Terraform provider this tool knows. */
const WHY_MANUAL: Readonly<Record<string, string>> = {
  aiven: "Aiven's Terraform resource for an IdP was deprecated and can no longer create one, so the record is entered in the Aiven Console.",
  omni: 'Omni has no Terraform provider and no API for its SAML settings: only its admin UI sets them.',
  atlan: "Atlan has no Terraform provider for its SSO settings: Okta's IdP metadata is uploaded in its admin UI.",
};

function whyManual(integration: IntegrationModel, sp: string): string {
  const known = WHY_MANUAL[integration.preset];
  const base = known ?? `${sp} has no Terraform provider that this tool manages, so its record of Okta is entered in its admin UI.`;
  return `${base} Okta computes the values (sign-on URL, issuer, certificate) when Terraform creates the app, so they are read from the Terraform output after apply.`;
}

/** Where a label's value comes from: the output field, never a guessed value. */
function valueSource(output: string, f: IdpRecordField): string {
  if (f.from !== undefined) return `output ${output}, field ${f.id}: ${IDP_VALUES[f.from]}`;
  if (typeof f.value === 'boolean') return f.value ? 'on' : 'off';
  return String(f.value);
}

/**
 * How to check the record: by signing in where sign-in can start. From Okta for most SPs; from the SP's own login page
 * for an SP that accepts SP-initiated sign-in only (Omni), or whose record turns IdP-initiated login off (Aiven's
 * idpLoginAllowed: false): started from Okta, that sign-in fails whatever the record says. An app whose Okta dashboard
 * tile is hidden (showInDashboard: false) has nothing to click in Okta, so it is checked from the SP's login page too.
 */
function signInCheck(integration: IntegrationModel, spec: IdpRecordSpec, sp: string): string {
  const spOnly = PRESETS[integration.preset]?.signIn === 'sp-only';
  const loginOff = idpLoginOff(spec);
  const tileHidden = integration.saml.showInDashboard === false;
  if (!spOnly && !loginOff && !tileHidden) return 'Save, then sign in to the app through Okta to check it.';
  const why = spOnly
    ? `${sp} accepts SP-initiated sign-in only: a sign-in started from Okta fails`
    : loginOff
      ? 'IdP login is off in its record: a sign-in started from Okta fails'
      : 'its Okta dashboard tile is hidden by showInDashboard: false: there is nothing to click in Okta';
  return `Save, then check it from ${sp}'s own login page: sign in with SSO there, which sends you to Okta and back (${why}).`;
}

/**
 * The SP's side of the SAML integration: entering Okta as its IdP. Absent when
 * Terraform applies the record itself (the spec names a Terraform resource, e.g. Snowflake).
 */
export function idpRecordStep(env: { readonly name: string }, integration: IntegrationModel): RunbookStep | undefined {
  const spec = integration.idpRecord ?? GENERIC_IDP_RECORD;
  if (spec.terraformResource) return undefined;
  // Generic and on-premises SPs are known by their app's name.
  const sp = integration.preset === 'generic' || integration.preset === 'onprem' ? integration.saml.label : PRESETS[integration.preset]?.displayName ?? integration.saml.label;
  const output = idpRecordOutputName(integration.key);
  const command = idpRecordCommand(env.name, integration.key);
  return {
    id: `${integration.key}.idp-record`,
    integration: integration.key,
    title: `Enter Okta as the identity provider in ${sp}`,
    why: whyManual(integration, sp),
    actions: [
      `After terraform apply in ${env.name}, run: ${command}`,
      `Open ${spec.where}.`,
      `Enter the fields in this order, copying each value from the command's output: ${spec.fields.map((f) => f.label).join(', ')}.`,
      signInCheck(integration, spec, sp),
      ...(PRESETS[integration.preset]?.signInNotes ?? []).map((n) => `Keep in mind: ${n}`),
    ],
    values: Object.fromEntries(spec.fields.map((f) => [f.label, valueSource(output, f)])),
    terraformOutput: output,
  };
}
