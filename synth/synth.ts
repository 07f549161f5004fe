import { App, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { RulesSubject, SsoIntegration } from '../constructs/sp/sso-integration';
import { SsoEnvironment } from '../constructs/sso-environment';
import { showPath } from '../model/show-value';
import { OrgModel } from '../model/types';
import { PolicyError, PolicyErrors, PolicyFailure } from '../rules/policy-checks';
import { OktaEnvironmentStack } from '../stacks/okta-environment-stack';
import { OutputDirError, OutputSwap } from './output-dir';

export interface SynthOptions {
  /** Output directory, e.g. `cdktf.out`. */
  readonly outdir: string;
  /**
   * The config directory: local state paths in config are relative to it, so the
   * synthesized path does not depend on the directory synth runs from.
   */
  readonly configDir: string;
  /**
   * Called with each policy warning (`<env>: warning: ...`) once the output is in place.
   * @default - warnings are only recorded in cdk.tf.json
   */
  readonly onWarning?: (line: string) => void;
  /**
   * Called with each policy warning, structured (stack, integration, props), so a
   * caller that knows where they are in config can locate them. When set, policy
   * warnings no longer reach `onWarning`.
   * @default - policy warnings go to onWarning as lines
   */
  readonly onPolicyWarning?: (warning: PolicyFailure) => void;
  /**
   * How long to wait for another synth writing the same output directory.
   * @default DEFAULT_LOCK_WAIT_MS (2 minutes)
   */
  readonly lockWaitMs?: number;
}

/**
 * Builds the cdktf app for a model: one stack per environment, nothing written.
 * `layoutOutdir` is where the output will finally live (local state paths are
 * computed from it), when it differs from the directory synthesized into.
 * The app skips cdktf's own validation run: `checkApp` runs the same
 * validations once, keeping their findings structured.
 */
export function buildApp(model: OrgModel, outdir: string, configDir: string, layoutOutdir: string = outdir): App {
  const app = new App({ outdir, skipValidation: true });
  for (const environment of model.environments) {
    const stackDir = path.resolve(layoutOutdir, 'stacks', environment.name);
    const configDirFromStackDir = path.relative(stackDir, path.resolve(configDir)).split(path.sep).join('/') || '.';
    new OktaEnvironmentStack(app, environment.name, { environment, configDirFromStackDir });
  }
  return app;
}

export interface AppCheck {
  /** Every stack's errors: each SP construct's findings (structured, with the props they concern) and any other construct's validation. */
  readonly failures: readonly PolicyFailure[];
  /** Every stack's warnings, one line each (`<stack>: warning: ...`). */
  readonly warnings: readonly string[];
  /** The same warnings, structured: an SP construct's name its integration and props; a stack's own (the provider version) have no key. */
  readonly policyWarnings: readonly PolicyFailure[];
}

/**
 * Runs every construct's validation of every stack once, as `app.synth()` would:
 * the SP constructs' rules (recording their policy notes in the stacks), and any
 * other construct's own checks. `rulesOn: 'declared'` is for apps built from a
 * config directory, where nothing edits the synthesized apps: the rules judge
 * them as declared, without resolving every resource twice.
 */
export function checkApp(app: App, rulesOn: RulesSubject = 'synthesized'): AppCheck {
  const failures: PolicyFailure[] = [];
  const policyWarnings: PolicyFailure[] = [];
  for (const stack of app.node.findAll().filter((c): c is TerraformStack => c instanceof TerraformStack)) {
    const name = stack.node.id;
    for (const construct of stack.node.findAll()) {
      if (construct instanceof SsoIntegration) {
        const evaluation = construct.applyRules(rulesOn);
        for (const e of evaluation.errors) failures.push({ stack: name, key: construct.key, rule: e.rule, props: e.props, message: e.message, source: e.source });
        for (const w of evaluation.warnings) policyWarnings.push({ stack: name, key: construct.key, rule: w.rule, props: w.props, message: w.message });
        continue;
      }
      // Every stack is checked here: an environment's own checks, without its report of the other stacks' errors.
      if (construct instanceof SsoEnvironment) for (const w of construct.warnings()) policyWarnings.push({ stack: name, props: ['providerVersion'], message: w });
      const messages = construct instanceof SsoEnvironment ? construct.checkStack() : construct.node.validate();
      for (const message of messages) failures.push({ stack: name, props: [], message: `[${showPath(construct.node.path)}] ${message}` });
    }
  }
  // The lines are the structured warnings, in the same order: collected once.
  return { failures, warnings: policyWarnings.map((w) => `${w.stack}: warning: ${w.message}`), policyWarnings };
}

/**
 * Why synth must not replace `outdir` given what it would hold (the current
 * directory, the config, local state), or undefined. Reads only. Whether the
 * directory is this tool's output to replace is OutputSwap's to say.
 */
export function unsafeOutdirReason(outdir: string, configDir: string, model: OrgModel): string | undefined {
  // Compared as given and with links followed: `<out>` is a link to the directory that holds the output.
  const outs = [path.resolve(outdir), realpathOrSelf(outdir)];
  const inside = (child: string) =>
    [path.resolve(child), realpathOrSelf(child)].some((c) =>
      outs.some((out) => {
        const rel = path.relative(out, c);
        return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
      }),
    );
  if (inside(process.cwd())) return `--out ${outdir} contains the current directory; synth replaces the whole output directory`;
  if (inside(configDir)) return `--out ${outdir} contains the config directory ${configDir}`;
  for (const env of model.environments) {
    if (env.backend.type === 'local' && inside(path.resolve(configDir, env.backend.path))) {
      return `--out ${outdir} would contain the local state file of environment ${JSON.stringify(env.name)} (${env.backend.path}); state must live outside the synth output`;
    }
  }
  return undefined;
}

function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Builds and checks every stack in memory, then writes them into a fresh
 * directory and swaps it in atomically (synth/output-dir.ts): a failure, or a
 * kill at any instant, leaves the previous output whole, and a failed check
 * writes nothing at all, not even the parents of `outdir`.
 * Returns the synthesized stack files, relative to `outdir`.
 */
export function synthToDisk(model: OrgModel, options: SynthOptions): string[] {
  const unsafe = unsafeOutdirReason(options.outdir, options.configDir, model);
  if (unsafe) throw new OutputDirError(`${unsafe}; nothing written`);
  const outdir = path.resolve(options.outdir);
  const swap = new OutputSwap(options.outdir);
  swap.prepare();
  let app: App;
  let checked: AppCheck;
  try {
    // Terraform resolves `..` in the local state path from the stack directory's real place: through a linked parent of --out, a path
    // computed from the link's own would find another (empty) state and plan to create every app again. Both ends real, the path is
    // also the same whichever links lead to them.
    const layout = path.join(fs.realpathSync(path.dirname(outdir)), path.basename(outdir));
    app = buildApp(model, swap.dir, fs.realpathSync(options.configDir), layout);
    checked = checkApp(app, 'declared');
    if (checked.failures.length) throw policyErrorsOf(checked.failures);
  } catch (err) {
    swap.abandon();
    throw err;
  }
  const leftBehind = swap.replace(() => app.synth(), { lockWaitMs: options.lockWaitMs });
  if (options.onPolicyWarning) checked.policyWarnings.forEach((w) => options.onPolicyWarning!(w));
  [...(options.onPolicyWarning ? [] : checked.warnings), ...leftBehind].forEach((w) => options.onWarning?.(w));
  return model.environments.map((e) => `stacks/${e.name}/cdk.tf.json`);
}

/**
 * Synthesizes an app built from a config directory: every stack's problems
 * first, together (PolicyErrors, nothing written), then the stacks, each with
 * its runbook beside its cdk.tf.json. Returns the warnings.
 */
export function synthConfigApp(app: App): readonly string[] {
  const checked = checkApp(app, 'declared');
  if (checked.failures.length) throw policyErrorsOf(checked.failures);
  app.synth();
  return checked.warnings;
}

/** Failures grouped by stack, in stack order. */
export function policyErrorsOf(failures: readonly PolicyFailure[]): PolicyErrors {
  const byStack = new Map<string, PolicyFailure[]>();
  for (const f of failures) byStack.set(f.stack, [...(byStack.get(f.stack) ?? []), f]);
  return new PolicyErrors([...byStack].map(([stack, list]) => new PolicyError(stack, list)));
}
