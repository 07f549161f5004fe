/** Key under the app's `"//"` comment where suppressions and warnings are recorded in cdk.tf.json. */
export const POLICY_TAG = 'okta-sso-policy';

/** One problem that stops synth: the stack and integration it is about, the rule, the props it concerns, the message. */
export interface PolicyFailure {
  readonly stack: string;
  /** The integration it is about; absent for a check of the whole stack. */
  readonly key?: string;
  readonly rule?: string;
  /** Props the failure is about, most likely first; the config layer locates the first one config writes. */
  readonly props: readonly string[];
  readonly message: string;
  /** `props`: judged from the integration's props; `synthesized`: a policy rule on the synthesized app. */
  readonly source?: 'props' | 'synthesized';
}

/** Problems of one stack: synth stops before the stack is written. */
export class PolicyError extends Error {
  readonly errors: readonly string[];
  constructor(
    readonly stackName: string,
    readonly failures: readonly PolicyFailure[],
  ) {
    const errors = failures.map((f) => f.message);
    super(`policy rules failed in stack ${stackName} (${errors.length} error${errors.length === 1 ? '' : 's'}); nothing written:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.errors = errors;
    this.name = 'PolicyError';
  }
}

/** Problems of every stack of an app, collected so that one run reports them all. */
export class PolicyErrors extends Error {
  readonly failures: readonly PolicyFailure[];
  constructor(readonly stacks: readonly PolicyError[]) {
    super(stacks.map((s) => s.message).join('\n'));
    this.failures = stacks.flatMap((s) => s.failures);
    this.name = 'PolicyErrors';
  }
}
