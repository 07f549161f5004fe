/**
 * The props each policy rule on the synthesized app is about, most likely
 * first: a finding is reported at the first of them that the integration sets
 * (in code, or where config writes it). Config fields have the same paths.
 */
export const RULE_PROPS: Readonly<Record<string, readonly string[]>> = {
  'SSO-001': ['acsUrl', 'recipient', 'destination', 'relayState'],
  'SSO-002': ['signing.algorithm', 'signing.digest', 'signing'],
  'SSO-003': ['signing.assertionSigned', 'signing'],
  'SSO-004': ['username.format', 'username'],
  'SSO-005': ['provisioning.importGroups'],
  'SSO-006': ['relayState'],
  'SSO-009': ['groups'],
  'SSO-010': ['relayState', 'showInDashboard'],
  'SSO-014': ['nameId.format', 'nameId', 'spMetadata'],
};
