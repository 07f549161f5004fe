import { RiskClassId, RiskFinding, RiskLevel } from './risk';

/** One changed setting, in users' words; values are display text, never a secret. */
export interface SettingChange {
  /** Terraform address of the resource, e.g. `okta_app_saml.aiven`. */
  readonly resource: string;
  /** The setting in users' words, e.g. `ACS URL`. */
  readonly setting: string;
  /** Terraform attribute name, e.g. `sso_url`; `import` for the live ID of an import block. */
  readonly attribute: string;
  /** Undefined: not set on that side. */
  readonly before?: string;
  readonly after?: string;
  /** Changing it makes Terraform replace the resource. */
  readonly replaces?: boolean;
  /** For a list whose items carry names (SAML attributes, attribute mappings): the items that differ, which alone `before` and `after` then show. */
  readonly items?: readonly string[];
}

/** One runbook value (by its label) that differs; display text, never a secret (token locations are shown). */
export interface StepValueChange {
  readonly label: string;
  /** Undefined: not in the step on that side. */
  readonly before?: string;
  readonly after?: string;
}

export interface StepRef {
  readonly id: string;
  readonly title: string;
  /** The step only checks what Terraform applied (runbook.json `checkOnly`): no manual work. */
  readonly checkOnly?: true;
  /** The step's id before the integration was renamed. */
  readonly renamedFrom?: string;
  /** For a changed step: its values that differ, label by label. */
  readonly values?: readonly StepValueChange[];
  /**
   * For a changed step: its only change is where a secret lives (every differing value names a moved `env:`/`secret:`
   * location, and nothing else in the step changed). The `secret-moved` finding names the step, so it raises no
   * "changed manual step" finding and no runbook line of its own.
   */
  readonly onlySecretMoved?: true;
}

export interface RunbookChanges {
  readonly added: readonly StepRef[];
  readonly changed: readonly StepRef[];
  readonly removed: readonly StepRef[];
}

export interface Replacement {
  /** Terraform address. */
  readonly resource: string;
  /** Attributes whose change forces the replacement. */
  readonly attributes: readonly string[];
}

/** A resource head imports (Terraform `import` block) and base did not have: a live Okta app or object taken over as it is. */
export interface Adoption {
  /** Terraform address, e.g. `okta_app_saml.aiven`. */
  readonly resource: string;
  /** The resource in users' words, e.g. `push group "SRE" -> SP group "sre"`. */
  readonly what: string;
  /** The live ID it is imported from, as the import block writes it. */
  readonly id: string;
}

/** `adopted`: new to the config, but its Okta app already exists and is imported: no change for users. */
export type ChangeKind = 'added' | 'adopted' | 'removed' | 'changed' | 'renamed';

export interface IntegrationReview {
  readonly key: string;
  readonly preset?: string;
  readonly change: ChangeKind;
  /** Key before a rename (`moved` block). */
  readonly renamedFrom?: string;
  /**
   * On an integration removed and one added with the same SP and settings (review/rename-suggestion.ts):
   * the rename they look like, made without `renamedFrom`. Set on both.
   */
  readonly possibleRename?: { readonly from: string; readonly to: string };
  readonly risk: RiskLevel;
  readonly findings: readonly RiskFinding[];
  readonly settings: readonly SettingChange[];
  readonly replacements: readonly Replacement[];
  readonly runbook: RunbookChanges;
  /** Resources it adopts (for `adopted`, its app among them); absent when none. */
  readonly adopted?: readonly Adoption[];
}

export interface EnvironmentReview {
  readonly name: string;
  /** Set when the environment is on one side only: `added` (all of it is new) or `removed` (no longer managed). */
  readonly change?: 'added' | 'removed';
  readonly counts: { readonly added: number; readonly adopted: number; readonly changed: number; readonly removed: number; readonly unchanged: number };
  readonly risk?: RiskLevel;
  /** Integrations with a change, highest risk first, then by key. */
  readonly integrations: readonly IntegrationReview[];
  /** Changes outside any integration: Okta org, backend, variables, Okta groups. */
  readonly environment: {
    readonly findings: readonly RiskFinding[];
    readonly settings: readonly SettingChange[];
    readonly runbook: RunbookChanges;
    /** Names of sensitive variables on the head side (values never read). */
    readonly sensitiveVariables: readonly string[];
    /** Okta groups or other shared resources it adopts; absent when none. */
    readonly adopted?: readonly Adoption[];
  };
}

export interface Review {
  readonly risk?: RiskLevel;
  readonly environments: readonly EnvironmentReview[];
  /**
   * Risk classes present at the level their findings got (a class can appear at two levels),
   * with how many integrations (or environments) each.
   */
  readonly classes: ReadonlyArray<{ readonly class: RiskClassId; readonly level: RiskLevel; readonly count: number }>;
}
