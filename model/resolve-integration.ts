import { mergeSettings } from './merge';
import { PRESETS, checkPresetFacts, presetNames } from './presets';
import { checkSamlSettings } from './saml-rules';
import { FieldProblem, IntegrationSettings } from './settings';
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

export interface ResolvedIntegration {
  readonly model?: IntegrationModel;
  readonly problems: readonly FieldProblem[];
}

/**
 * Turns one integration's merged settings into the model: preset defaults under
 * the user's settings, then the common SAML rules and the preset's own rules.
 */
export function resolveIntegration(key: string, settings: IntegrationSettings): ResolvedIntegration {
  const preset = settings.preset === undefined ? undefined : PRESETS[settings.preset];
  if (!preset) {
    const message =
      settings.preset === undefined
        ? `missing required field preset; accepted: ${presetNames().join(', ')}`
        : `unknown preset ${JSON.stringify(settings.preset)}; accepted: ${presetNames().join(', ')}`;
    return { problems: [{ field: 'preset', message }] };
  }
  const presetDefaults = preset.defaults(settings);
  const merged = mergeSettings<IntegrationSettings>(COMMON_DEFAULTS, { label: key }, presetDefaults.settings, settings);
  const problems: FieldProblem[] = [...presetDefaults.problems];

  for (const field of ['acsUrl', 'audience'] as const) {
    if (merged[field] === undefined && !presetDefaults.problems.length) {
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
  problems.push(...checkSamlSettings(saml), ...checkPresetFacts(preset, saml), ...(preset.check?.(saml, merged) ?? []));

  const groups: GroupAssignment[] = (merged.groups ?? []).map((g) =>
    typeof g === 'string' ? { name: g, create: false } : { name: g.name, create: g.create ?? false, description: g.description },
  );
  const seen = new Set<string>();
  groups.forEach((g, i) => {
    if (seen.has(g.name)) problems.push({ field: `groups.${i}`, message: `group ${JSON.stringify(g.name)} is assigned twice` });
    seen.add(g.name);
  });

  if (problems.length > 0) return { problems };
  return {
    problems,
    model: {
      key,
      preset: preset.name,
      renamedFrom: merged.renamedFrom,
      saml,
      groups,
      ...(merged.suppressions?.length ? { suppressions: merged.suppressions.map((s) => ({ rule: s.rule, reason: s.reason })) } : {}),
    },
  };
}
