import { IdpRecordSpec } from '../idp-record';
import { FieldProblem, problem } from '../problem';
import { ProvisioningCapability } from '../provisioning/capability';
import { RuleId } from '../rule-catalog';
import { AnySsoProps } from '../sso-props';
import { IntegrationModel, SamlSettings, UsernameFormat } from '../types';
import { Unresolved } from '../unresolved';
import { UsernameFormat as UsernameFormatChoice, choicesOf } from '../choices';
import { showValue } from '../show-value';

/** How users may start sign-in for an SP. */
export type SignInFlow = 'idp-and-sp' | 'sp-only';

/** Values a preset computes from the SP's own parameters (never guessed). */
export interface PresetDefaults {
  readonly settings: AnySsoProps;
  readonly problems: readonly FieldProblem[];
}

/** Provisioning values an SP derives from the integration itself, for the runbook. */
export interface ProvisioningValues {
  /** Where the SP issues this integration's SCIM token, exactly (e.g. the SQL naming its SCIM integration). */
  readonly tokenSource?: string;
  /** The SP's SCIM base URL for this integration, built from a pattern the vendor publishes. */
  readonly scimBaseUrl?: string;
}

/**
 * What we know about one SP, from its vendor's docs. A preset fills defaults and
 * enforces the SP's rules; config may override anything the SP allows.
 */
export interface SpPreset {
  /** The `preset:` value in config. */
  readonly name: string;
  readonly displayName: string;
  /** One line for the README's preset table. */
  readonly summary: string;
  readonly signIn: SignInFlow;
  /** When set, the only default relay states the SP accepts. */
  readonly allowedRelayStates?: readonly string[];
  readonly usernameFormats: readonly UsernameFormat[];
  /** The SP uses the username as a permanent identifier (changing it breaks accounts). */
  readonly permanentUsernames: boolean;
  /**
   * What the SP supports for provisioning (SCIM, first-login, push groups...).
   * @default - SSO only: provisioning method must be `none`
   */
  readonly provisioning?: ProvisioningCapability;
  /**
   * Facts about signing in to this SP that an admin must know whatever the provisioning method (SSO only,
   * first-login or SCIM); the runbook states them once, in the step that enters Okta as the SP's IdP.
   * @default - none
   */
  readonly signInNotes?: readonly string[];
  /** The construct class users create for this SP, for messages (e.g. `AivenSso`). */
  readonly constructName: string;
  /** Props of this SP beyond the shared ones (SHARED_PROPS); a prop outside both is reported. */
  readonly ownProps: readonly string[];
  /** Defaults for this SP, computed from the integration's props (e.g. URLs from account IDs); skips Terraform tokens. */
  defaults(props: AnySsoProps, isUnresolved: Unresolved): PresetDefaults;
  /** SP-specific rules on the resolved settings, beyond the common SAML rules. */
  check?(saml: SamlSettings, props: AnySsoProps): FieldProblem[];
  /**
   * The SP's record of Okta as its IdP: its fields in the SP's words, order and formats.
   * @default - the generic record (sign-on URL, issuer, PEM certificate, metadata URL), or config's `idpRecord`
   */
  idpRecord?(props: AnySsoProps): IdpRecordSpec;
  /**
   * Provisioning values computed from the resolved integration; config's `provisioning.scimBaseUrl` still wins.
   * @default - `provisioning.tokenSource`, and the SCIM base URL from config only
   */
  provisioningValues?(integration: IntegrationModel): ProvisioningValues;
}

/** Rules that follow from a preset's declared facts; shared by every preset. */
export function checkPresetFacts(preset: SpPreset, saml: SamlSettings, isUnresolved: Unresolved): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const relayStateKnown = saml.relayState !== undefined && !isUnresolved(saml.relayState);
  if (preset.allowedRelayStates && relayStateKnown && !preset.allowedRelayStates.includes(saml.relayState!)) {
    problems.push(
      problem(RuleId.RELAY_STATE_ALLOWED, 'relayState', `relay state ${showValue(saml.relayState)} is not accepted by ${preset.displayName}; accepted: ${preset.allowedRelayStates.join(', ')}`),
    );
  }
  // A format that is no username format at all is reported once, as such (choice-checks).
  if (!preset.usernameFormats.includes(saml.username.format) && choicesOf(UsernameFormatChoice).includes(saml.username.format)) {
    problems.push(
      problem(RuleId.SP_USERNAME_FORMAT, 'username.format', `username format ${showValue(saml.username.format)} is not allowed by ${preset.displayName}; accepted: ${preset.usernameFormats.join(', ')}`),
    );
  }
  if (preset.signIn === 'sp-only') {
    if (saml.relayState !== undefined) {
      problems.push(
        problem(
          RuleId.SP_INITIATED_ONLY,
          'relayState',
          `${preset.displayName} supports SP-initiated sign-in only, so a default relay state (${showValue(saml.relayState)}) must not be set; accepted: no relayState`,
        ),
      );
    }
    if (saml.showInDashboard === true) {
      problems.push(
        problem(
          RuleId.SP_INITIATED_ONLY,
          'showInDashboard',
          `${preset.displayName} supports SP-initiated sign-in only; an Okta dashboard tile starts IdP-initiated sign-in, which fails; accepted: false`,
        ),
      );
    }
  }
  return problems;
}
