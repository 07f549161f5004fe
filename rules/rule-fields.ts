/**
 * The config fields each rule is about, most likely first: a policy error is
 * reported at the first of them that config sets for the integration.
 */
export const RULE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'SSO-001': ['acsUrl', 'recipient', 'destination', 'relayState'],
  'SSO-002': ['signing.algorithm', 'signing.digest', 'signing'],
  'SSO-003': ['signing.assertionSigned', 'signing'],
  'SSO-004': ['username.format', 'username'],
  'SSO-005': ['provisioning.importGroups'],
  'SSO-006': ['relayState'],
  'SSO-009': ['groups'],
};

/** Fields for a policy error: the rule's, or the suppressions when the suppression itself is wrong. */
export function ruleFields(rule: string | undefined): readonly string[] {
  return rule ? RULE_FIELDS[rule] ?? [] : ['suppressions'];
}
