import { PolicyRule } from './rule';
import { httpsUrls } from './sso-001-https-urls';
import { sha256Signing } from './sso-002-sha256-signing';
import { signedAssertions } from './sso-003-signed-assertions';
import { emailUsername } from './sso-004-email-username';
import { importGroupsOff } from './sso-005-import-groups-off';
import { relayStateAllowed } from './sso-006-relay-state-allowed';
import { preventDestroy } from './sso-007-prevent-destroy';
import { noSecretLiteral } from './sso-008-no-secret-literal';
import { assignedToGroup } from './sso-009-assigned-to-group';
import { spInitiatedOnly } from './sso-010-sp-initiated-only';
import { nameIdFormatListed } from './sso-014-name-id-format-listed';

/** Every policy rule checked on the synthesized app, in ID order. */
export const RULES: readonly PolicyRule[] = [
  httpsUrls,
  sha256Signing,
  signedAssertions,
  emailUsername,
  importGroupsOff,
  relayStateAllowed,
  preventDestroy,
  noSecretLiteral,
  assignedToGroup,
  spInitiatedOnly,
  nameIdFormatListed,
];

export type { PolicyRule, AppSubject, RuleOutcome } from './rule';
