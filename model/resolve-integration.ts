import { mergeSettings } from './merge';
import { PRESETS, checkPresetFacts, presetNames } from './presets';
import { resolveProvisioning } from './provisioning/resolve-provisioning';
import { snowflakeModelOf } from './presets/snowflake';
import { resolveIdpRecord } from './resolve-idp-record';
import { checkSamlSettings } from './saml-rules';
import { FieldProblem, IntegrationSettings } from './settings';
import { SpMetadata } from './sp-metadata';
import { checkAgainstSpMetadata, settingsFromMetadata } from './sp-metadata-check';
import { GroupAssignment, IntegrationModel, SamlSettings } from './types';

/** Defaults for every SAML app: SHA-256, signed response and assertion, Email usernames. */
export const COMMON_DEFAULTS: IntegrationSettings = {
  nameId: { format: 'emailAddress', template: '${user.userName}' },
  username: { format: 'email' },
  signing: { algorithm: 'RSA_SHA256', digest: 'SHA256', responseSigned: true, assertionSigned: true },
  attributes: [],
  showInDashboard: true,
  status: 'ACTIVE',
  groups: [],
};

/** What the config layer read for an integration besides its settings. */
export interface IntegrationContext {
  /** The SP's metadata, parsed, and the file it came from (for messages). */
  readonly spMetadata?: { readonly metadata: SpMetadata; readonly source: string };
  /** Config names SP metadata that could not be read (already reported): do not also report what it would have filled. */
  readonly spMetadataUnreadable?: boolean;
}

export interface ResolvedIntegration {
  readonly model?: IntegrationModel;
  readonly problems: readonly FieldProblem[];
}

/**
 * Turns one integration's merged settings into the model: preset defaults under
 * the user's settings, then the common SAML rules and the preset's own rules.
 */
export function resolveIntegration(key: string, settings: IntegrationSettings, context: IntegrationContext = {}): ResolvedIntegration {
  const preset = settings.preset === undefined ? undefined : PRESETS[settings.preset];
  if (!preset) {
    const message =
      settings.preset === undefined
        ? `missing required field preset; accepted: ${presetNames().join(', ')}`
        : `unknown preset ${JSON.stringify(settings.preset)}; accepted: ${presetNames().join(', ')}`;
    return { problems: [{ field: 'preset', message }] };
  }
  const presetDefaults = preset.defaults(settings);
  // The SP's metadata fills what neither the preset nor config gives (a generic SP declared from its metadata alone).
  const fromMetadata = context.spMetadata ? settingsFromMetadata(context.spMetadata.metadata) : {};
  const merged = mergeSettings<IntegrationSettings>(COMMON_DEFAULTS, { label: key }, fromMetadata, presetDefaults.settings, settings);
  const problems: FieldProblem[] = [...presetDefaults.problems];

  for (const field of ['acsUrl', 'audience'] as const) {
    if (merged[field] === undefined && !presetDefaults.problems.length && !context.spMetadataUnreadable) {
      problems.push({ field, message: `missing required field ${field} (${field === 'acsUrl' ? 'the ACS URL' : 'the SP entity ID'} as ${preset.displayName} shows it)` });
    }
  }
  if (merged.acsUrl === undefined || merged.audience === undefined) return { problems };

  const saml: SamlSettings = {
    label: merged.label ?? key,
    catalogApp: merged.catalogApp?.key ? { key: merged.catalogApp.key, settings: merged.catalogApp.settings ?? {} } : undefined,
    acsUrl: merged.acsUrl,
    recipient: merged.recipient ?? merged.acsUrl,
    destination: merged.destination ?? merged.acsUrl,
    audience: merged.audience,
    relayState: merged.relayState,
    nameId: { format: merged.nameId!.format!, template: merged.nameId!.template! },
    username: { format: merged.username!.format!, template: merged.username!.template },
    signing: {
      algorithm: merged.signing!.algorithm!,
      digest: merged.signing!.digest!,
      responseSigned: merged.signing!.responseSigned!,
      assertionSigned: merged.signing!.assertionSigned!,
    },
    attributes: (merged.attributes ?? []).map((a) => ({ name: a.name, values: [...a.values], nameFormat: a.nameFormat ?? 'unspecified' })),
    groupAttribute:
      merged.groupAttribute?.name && merged.groupAttribute.filter?.type && merged.groupAttribute.filter.value !== undefined
        ? {
            name: merged.groupAttribute.name,
            filter: { type: merged.groupAttribute.filter.type, value: merged.groupAttribute.filter.value },
            nameFormat: merged.groupAttribute.nameFormat ?? 'unspecified',
          }
        : undefined,
    showInDashboard: merged.showInDashboard!,
    status: merged.status!,
  };
  if (merged.groupAttribute && !saml.groupAttribute) {
    problems.push({ field: 'groupAttribute', message: 'groupAttribute needs name, filter.type and filter.value' });
  }
  const presetProblems = checkPresetFacts(preset, saml);
  const samlProblems = checkSamlSettings(saml).filter(
    (p) =>
      // Recipient and destination that default to the ACS URL are reported once, on the ACS URL.
      !((p.field === 'recipient' || p.field === 'destination') && merged[p.field] === undefined) &&
      // A relay state outside the SP's allow-list is reported once, with the list.
      !(p.field === 'relayState' && presetProblems.some((q) => q.field === 'relayState')),
  );
  problems.push(...samlProblems, ...presetProblems, ...(preset.check?.(saml, merged) ?? []), ...catalogConflicts(settings));
  if (context.spMetadata) problems.push(...checkAgainstSpMetadata(saml, context.spMetadata.metadata, context.spMetadata.source));
  const idpRecord = resolveIdpRecord(preset, merged);
  problems.push(...idpRecord.problems);

  const groups: GroupAssignment[] = (merged.groups ?? []).map((g) =>
    typeof g === 'string' ? { name: g, create: false } : { name: g.name, create: g.create ?? false, description: g.description },
  );
  const seen = new Set<string>();
  groups.forEach((g, i) => {
    if (seen.has(g.name)) problems.push({ field: `groups.${i}`, message: `group ${JSON.stringify(g.name)} is assigned twice` });
    seen.add(g.name);
  });

  const provisioning = resolveProvisioning(preset, merged, groups);
  problems.push(...provisioning.problems);

  if (problems.length > 0) return { problems };
  return {
    problems,
    model: {
      key,
      preset: preset.name,
      renamedFrom: merged.renamedFrom,
      saml,
      groups,
      provisioning: provisioning.provisioning,
      attributeSync: provisioning.attributeSync,
      idpRecord: idpRecord.spec,
      snowflake: snowflakeModelOf(key, merged),
      ...(merged.suppressions?.length ? { suppressions: merged.suppressions.map((s) => ({ rule: s.rule, reason: s.reason })) } : {}),
    },
  };
}

/** Custom-SAML settings that a catalog app ignores: its catalog settings decide them. */
const CUSTOM_SAML_ONLY = ['recipient', 'destination', 'nameId', 'signing', 'attributes', 'groupAttribute'] as const;

function catalogConflicts(settings: IntegrationSettings): FieldProblem[] {
  if (!settings.catalogApp) return [];
  return CUSTOM_SAML_ONLY.filter((field) => settings[field] !== undefined).map((field) => ({
    field,
    message: `${field} conflicts with catalogApp ${JSON.stringify(settings.catalogApp?.key)}: a catalog app takes its SAML settings from Okta's catalog and catalogApp.settings; remove ${field} or remove catalogApp`,
  }));
}
