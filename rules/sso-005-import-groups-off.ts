import { RULE_CATALOG } from '../model/rule-catalog';
import { COMPLIANT, NOT_APPLICABLE, PolicyRule, nonCompliant } from './rule';

/**
 * Reads `provisioning.importGroups` from the integration model (the provisioning
 * settings) or the app's `"//"."okta-sso".importGroups` tag; absent means the
 * integration declares nothing about Import Groups.
 */
function importGroups(subject: Parameters<PolicyRule['check']>[0]): boolean | undefined {
  const fromModel = (subject.integration as { provisioning?: { importGroups?: unknown } } | undefined)?.provisioning?.importGroups;
  if (typeof fromModel === 'boolean') return fromModel;
  const tag = (subject.app.body['//'] as any)?.['okta-sso']?.importGroups;
  return typeof tag === 'boolean' ? tag : undefined;
}

export const importGroupsOff: PolicyRule = {
  ...RULE_CATALOG['SSO-005'],
  check(subject) {
    const value = importGroups(subject);
    if (value === undefined) return NOT_APPLICABLE;
    return value ? nonCompliant('Import Groups is on') : COMPLIANT;
  },
};
