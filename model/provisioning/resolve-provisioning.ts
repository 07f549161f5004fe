import { showValue } from '../show-value';
import { SpPreset } from '../presets/preset';
import { FieldProblem, blocksModel } from '../problem';
import { RuleId } from '../rule-catalog';
import { AnySsoProps, ScimConnectorAuthProps } from '../sso-props';
import { AttributeSyncModel, ConnectorAuth, GroupAssignment, ProvisioningFeature, ProvisioningFeatures, ProvisioningModel } from '../types';
import { Unresolved } from '../unresolved';
import { checkProvisioning } from './rules';

const FEATURES: readonly ProvisioningFeature[] = ['createUsers', 'updateAttributes', 'deactivateUsers', 'syncPassword'];

/** The SCIM attribute Okta uses to match users in an on-premises app. */
export const DEFAULT_UNIQUE_USER_FIELD = 'userName';

export interface ResolvedProvisioning {
  readonly provisioning?: ProvisioningModel;
  readonly attributeSync?: readonly AttributeSyncModel[];
  readonly problems: readonly FieldProblem[];
}

/**
 * Resolves an integration's `provisioning:` and `attributeSync:` against its
 * preset's capability: preset defaults for features, then the rules.
 */
export function resolveProvisioning(preset: SpPreset, settings: AnySsoProps, groups: readonly GroupAssignment[], isUnresolved: Unresolved): ResolvedProvisioning {
  const p = settings.provisioning;
  const problems: FieldProblem[] = [];
  if (p) problems.push(...checkProvisioning({ settings: p, preset, groups, catalogKey: settings.catalogApp?.key, isUnresolved, adopted: settings.adopt !== undefined }));
  const attributeSync = resolveAttributeSync(settings, problems);
  // Policy findings (suppressible) still give a model: a suppression may accept them.
  if (problems.some(blocksModel)) return { problems };
  if (!p || (p.method ?? 'scim') === 'none') return { problems, attributeSync };

  const cap = preset.provisioning;
  const method = p.method ?? 'scim';
  const features = Object.fromEntries(
    FEATURES.map((f) => [f, method === 'scim' && (p.features?.[f] ?? cap?.defaultFeatures.includes(f) ?? false)]),
  ) as unknown as ProvisioningFeatures;
  const provisioning: ProvisioningModel = {
    method,
    scimBaseUrl: p.scimBaseUrl,
    token: p.token,
    features,
    importGroups: p.importGroups ?? false,
    enhancedGroupPush: p.enhancedGroupPush ?? false,
    pushGroups: (p.pushGroups ?? []).map((g) => ({
      group: g.group,
      target: g.target ?? g.group,
      ...(g.targetGroupId !== undefined ? { targetGroupId: g.targetGroupId } : {}),
      deleteTargetGroupOnDestroy: g.deleteTargetGroupOnDestroy ?? false,
    })),
    terraformManaged: p.terraformManaged ?? false,
    connected: p.connected ?? false,
    connector:
      cap?.connection === 'on-prem' && p.connector?.baseUrl
        ? { baseUrl: p.connector.baseUrl, auth: connectorAuth(p.connector.auth), uniqueUserField: p.connector.uniqueUserField ?? DEFAULT_UNIQUE_USER_FIELD }
        : undefined,
  };
  return { problems, provisioning, attributeSync };
}

function connectorAuth(auth: ScimConnectorAuthProps | undefined): ConnectorAuth {
  if (auth?.type === 'basic' && auth.credential) return { type: 'basic', credential: auth.credential };
  if (auth?.type === 'header' && auth.credential && auth.headerName) return { type: 'header', headerName: auth.headerName, credential: auth.credential };
  return { type: 'none' };
}

function resolveAttributeSync(settings: AnySsoProps, problems: FieldProblem[]): AttributeSyncModel[] | undefined {
  const entries = settings.attributeSync;
  if (!entries || entries.length === 0) return undefined;
  const method = settings.provisioning ? settings.provisioning.method ?? 'scim' : 'none';
  if (method !== 'scim') {
    problems.push({
      field: 'attributeSync',
      rule: RuleId.CONSISTENT,
      message: `attribute sync sends Okta attributes over SCIM, but provisioning method is ${showValue(method)}; accepted: provisioning.method scim, or no attributeSync`,
      // A refused method (or provisioning map) is read as another method.
      reads: ['provisioning.method'],
    });
  }
  const seen = new Set<string>();
  entries.forEach((a, i) => {
    if (seen.has(a.attribute)) problems.push({ field: `attributeSync.${i}.attribute`, rule: RuleId.UNIQUE, message: `attribute ${showValue(a.attribute)} is synced twice; accepted: each attribute once` });
    seen.add(a.attribute);
  });
  return entries.map((a) => ({
    attribute: a.attribute,
    from: a.from,
    push: a.push ?? 'always',
    custom: a.custom ? { title: a.custom.title ?? a.attribute, type: a.custom.type ?? 'string', description: a.custom.description } : undefined,
  }));
}
