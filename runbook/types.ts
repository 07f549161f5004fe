/**
 * The runbook contract (read by review/promote): one file per environment,
 * next to the stack's cdk.tf.json. Never holds a secret's value.
 */
export interface RunbookStep {
  /** `<integration>.<step-slug>`, unique in the environment. */
  readonly id: string;
  readonly integration: string;
  readonly title: string;
  /** Why Terraform cannot do this step. */
  readonly why: string;
  /** What to do, in order. */
  readonly actions: readonly string[];
  /** Exact values to enter or check, or where a value comes from. */
  readonly values: Readonly<Record<string, string>>;
  /** The Terraform output that feeds the step's values, when one does. */
  readonly terraformOutput?: string;
  /**
   * Present only when the step only checks what Terraform applied: nothing for
   * an admin to do unless a value differs (then run terraform plan, not the console).
   */
  readonly checkOnly?: true;
}

export interface Runbook {
  readonly environment: string;
  readonly steps: readonly RunbookStep[];
}
