/**
 * Terraform itself on synthesized stacks, offline: `terraform validate`, `plan`,
 * `apply` into a throwaway state and a second plan that must be empty, through
 * ../shared/terraform-fake-providers/plan.sh, whose fake okta/okta and
 * snowflakedb/snowflake plugins serve the real providers' schemas (its README says
 * what they can and cannot see: never the live Okta or Snowflake API).
 *
 * Every test that synthesizes a new kind of stack plans it here:
 *
 *   describeWithTerraform('my stacks', () => {
 *     test('plan', async () => expectPlanPasses(await planStack(stackDir)));
 *   });
 *
 * The tool installs itself once into ~/.cache/terraform-fake-providers (a lock
 * makes parallel runs safe); each stack is planned by one plan.sh process, in its
 * own process group, which run-command's killRunning() ends in afterAll.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from './run-command';

/** The tool, from the project root: `../shared` sits beside the checkout, in CI too. */
export const PLAN_TOOL = path.resolve(__dirname, '..', '..', '..', 'shared', 'terraform-fake-providers', 'plan.sh');

/** A stack of the example organisation takes about 7 s; the first run of a machine also installs the tool. */
const PLAN_TIMEOUT_MS = 240_000;

export interface PlanOptions {
  /**
   * Apply into a throwaway local state, then require a second plan with no changes.
   * @default true
   */
  readonly apply?: boolean;
  /**
   * The first plan may import, but must add, change and destroy nothing (an adopted stack).
   * @default false
   */
  readonly expectNoChanges?: boolean;
  /**
   * A directory of saved Okta Management API responses (FAKEPROV_OKTA_ORG): import and
   * refresh read the "live" objects from it.
   * @default - no org: nothing exists before the first apply
   */
  readonly oktaOrg?: string;
  /**
   * okta_app_saml's apply-time rules fail the plan (FAKEPROV_STRICT=1) instead of warning.
   * @default true
   */
  readonly strict?: boolean;
  /**
   * Values for the stack's input variables (passed as TF_VAR_<name>, never written to a file):
   * a stack with Terraform-managed provisioning needs its SCIM token variables.
   * @default - none
   */
  readonly variables?: Readonly<Record<string, string>>;
}

export interface PlanResult {
  readonly stackDir: string;
  /** plan.sh's exit status: 0 only when every step passed. */
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  /** What plan.sh printed: each step's summary and Terraform's errors. */
  readonly output: string;
  /** The whole output of the first `terraform plan` (empty when validate failed first). */
  readonly planLog: string;
}

export interface Needs {
  /**
   * The plan tool as well as terraform itself.
   * @default true
   */
  readonly planTool?: boolean;
}

let terraformProblem: string | null | undefined;

/** Why Terraform (and, unless told otherwise, the plan tool) cannot run here, or undefined when they can. */
export function terraformMissing(needs: Needs = {}): string | undefined {
  if (terraformProblem === undefined) {
    const version = spawnSync('terraform', ['version'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    // import blocks (adopted stacks) need 1.5; `moved` blocks 1.1.
    const [major, minor] = (/Terraform v(\d+)\.(\d+)/.exec(version.stdout ?? '') ?? []).slice(1).map(Number);
    if (version.error || version.status !== 0) {
      terraformProblem = `terraform is not runnable here (${version.error?.message ?? `exit ${version.status}`}); install Terraform >= 1.5 (CI has 1.11)`;
    } else if (!(major > 1 || (major === 1 && minor >= 5))) {
      terraformProblem = `terraform here is too old for these plans (${version.stdout.split('\n')[0]}); install Terraform >= 1.5 (CI has 1.11)`;
    } else {
      terraformProblem = null;
    }
  }
  if (terraformProblem) return terraformProblem;
  if (needs.planTool !== false && !fs.existsSync(PLAN_TOOL)) return `the plan tool is missing: ${PLAN_TOOL} (../shared must sit beside the checkout)`;
  return undefined;
}

/**
 * `describe`, for tests that need Terraform. Without it they are skipped on a
 * developer's machine, but in CI (`CI` set) they fail with the reason: a suite
 * that silently skipped its plans would pass with none of them run.
 */
export function describeWithTerraform(name: string, fn: () => void, needs: Needs = {}): void {
  const missing = terraformMissing(needs);
  if (!missing) {
    describe(name, fn);
  } else if (process.env.CI) {
    describe(name, () => {
      test('needs terraform (CI is set, so this fails instead of skipping)', () => {
        throw new Error(missing);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${missing})`, fn);
  }
}

/** Runs plan.sh on one synthesized stack dir (the dir holding cdk.tf.json). Never rejects on a failed plan: assert on the result. */
export async function planStack(stackDir: string, opts: PlanOptions = {}): Promise<PlanResult> {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-plan-'));
  const planLogFile = path.join(logDir, 'plan.log');
  const args = [stackDir, ...(opts.apply === false ? [] : ['--apply']), ...(opts.expectNoChanges ? ['--expect-no-changes'] : [])];
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', FAKEPROV_PLAN_LOG: planLogFile };
  if (opts.strict !== false) env.FAKEPROV_STRICT = '1';
  else delete env.FAKEPROV_STRICT;
  if (opts.oktaOrg) env.FAKEPROV_OKTA_ORG = opts.oktaOrg;
  else delete env.FAKEPROV_OKTA_ORG;
  // Variables that would send Terraform somewhere else or change what it reads.
  for (const name of Object.keys(env)) if (name.startsWith('TF_VAR_') || name.startsWith('TF_CLI_ARGS')) delete env[name];
  for (const name of ['TF_WORKSPACE', 'TF_DATA_DIR', 'TF_LOG']) delete env[name];
  for (const [name, value] of Object.entries(opts.variables ?? {})) env[`TF_VAR_${name}`] = value;
  try {
    let r = await run('bash', [PLAN_TOOL, ...args], { cwd: logDir, env, timeoutMs: PLAN_TIMEOUT_MS });
    // plan.sh rewrites its shared terraformrc (the fake providers' dev_overrides) in place on every run, so a parallel
    // run's terraform that reads it at that instant sees no dev_overrides: validate and plan then find no provider,
    // and apply of the saved plan finds "Inconsistent dependency lock file" (both seen in CI). A stack that really
    // lacks a provider fails every run the same way, so the retries cannot hide it.
    for (let retry = 0; retry < 2 && r.status !== 0 && lostProviderOverrides(r.stdout + r.stderr); retry++) {
      r = await run('bash', [PLAN_TOOL, ...args], { cwd: logDir, env, timeoutMs: PLAN_TIMEOUT_MS });
    }
    const planLog = fs.existsSync(planLogFile) ? fs.readFileSync(planLogFile, 'utf8') : '';
    return { stackDir, status: r.status, signal: r.signal, output: withoutOverrideNotice(r.stdout + r.stderr), planLog: withoutOverrideNotice(planLog) };
  } finally {
    fs.rmSync(logDir, { recursive: true, force: true });
  }
}

/** What terraform says when it ran without the fake providers' dev_overrides. */
function lostProviderOverrides(output: string): boolean {
  return /Missing required provider|Inconsistent dependency lock file/.test(output);
}

/**
 * Plans stacks as many at once as there are cores, each started when a slot is free:
 * a test file queues all its plans up front (in beforeAll) and each test awaits its own.
 */
export class PlanQueue {
  private readonly waiting: Array<() => void> = [];
  private active = 0;
  private readonly limit = Math.max(1, os.availableParallelism());

  public plan(stackDir: string, opts: PlanOptions = {}): Promise<PlanResult> {
    const slot = new Promise<void>((start) => this.waiting.push(start));
    this.startNext();
    return slot
      .then(() => planStack(stackDir, opts))
      .finally(() => {
        this.active--;
        this.startNext();
      });
  }

  private startNext(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()!();
    }
  }
}

/** Terraform prints its dev_overrides notice on every command; it says nothing about the stack. */
function withoutOverrideNotice(output: string): string {
  return output
    .replace(/\n*│?\s*Warning: Provider development overrides are in effect[\s\S]*?releases\.\n/g, '\n')
    .replace(/\n*The following provider development overrides are set in the CLI\nconfiguration:[\s\S]*?releases\.\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Throws with plan.sh's output and Terraform's plan log unless every step passed. */
export function expectPlanPasses(result: PlanResult): void {
  if (result.status === 0) return;
  throw new Error(
    `terraform did not accept ${result.stackDir} (plan.sh exit ${result.status ?? result.signal})\n--- plan.sh ---\n${result.output.trim()}` +
      (result.planLog ? `\n--- terraform plan ---\n${errorsOf(result.planLog)}` : ''),
  );
}

/** The error blocks of a Terraform log, whole (plan.sh prints only their titles). */
export function errorsOf(log: string): string {
  const blocks = log.split(/\n(?=(?:│ )?Error: )/).filter((b) => /^(?:│ )?Error: /.test(b));
  return (blocks.length ? blocks.join('\n') : log).trim();
}

/** Everything Terraform said about a run: plan.sh's output and the whole first plan. */
export function terraformSaid(result: PlanResult): string {
  return `${result.output}\n${result.planLog}`;
}

/** The first plan's counts, from its `Plan:` line (undefined when it had none). */
export function planCounts(result: PlanResult): { import: number; add: number; change: number; destroy: number } | undefined {
  const m = /Plan: (?:(\d+) to import, )?(\d+) to add, (\d+) to change, (\d+) to destroy\./.exec(result.planLog);
  if (!m) return undefined;
  return { import: Number(m[1] ?? 0), add: Number(m[2]), change: Number(m[3]), destroy: Number(m[4]) };
}

/** How many resources a synthesized stack declares (each is one instance: the project emits no count or for_each). */
export function resourceCount(stack: { resource?: Record<string, Record<string, unknown>> }): number {
  return Object.values(stack.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

/** A planted defect: an edit of the parsed cdk.tf.json, or of its text. */
export type PlantedEdit = { readonly json: (stack: any) => void } | { readonly text: (raw: string) => string };

/**
 * A copy of a synthesized stack dir with its cdk.tf.json changed by `edit`, for
 * planting defects. Throws if the edit changed nothing, so a planted defect never
 * silently vanishes when the stack it was written against changes.
 */
export function plantedCopy(stackDir: string, edit: PlantedEdit): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-planted-'));
  fs.cpSync(stackDir, dir, { recursive: true });
  const file = path.join(dir, 'cdk.tf.json');
  const raw = fs.readFileSync(file, 'utf8');
  let text: string;
  if ('text' in edit) {
    text = edit.text(raw);
  } else {
    const stack = JSON.parse(raw);
    edit.json(stack);
    text = JSON.stringify(stack, null, 2);
  }
  if (text === raw || text === JSON.stringify(JSON.parse(raw), null, 2)) {
    throw new Error(`the planted edit changed nothing in ${file}: the stack changed, update the test`);
  }
  fs.writeFileSync(file, text);
  return dir;
}
