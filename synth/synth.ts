import { App, StackManifest, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { RulesSubject, SsoIntegration } from '../constructs/sp/sso-integration';
import { SsoEnvironment } from '../constructs/sso-environment';
import { showPath, showValue } from '../model/show-value';
import { EnvironmentModel, OrgModel } from '../model/types';
import { PolicyError, PolicyErrors, PolicyFailure } from '../rules/policy-checks';
import { OktaEnvironmentStack, OktaEnvironmentStackProps } from '../stacks/okta-environment-stack';
import { withoutCreationStacks } from './creation-stacks';
import { SoleEnvironmentStack } from './sole-environment-stack';
import { identityOf, keepLockFiles, keepPreviousOutput, StackIdentity } from './keep-output';
import { OutputDirError, OutputSwap } from './output-dir';
import { makeStagingDir, moveStagedOutput } from './cdktf-cli-output';

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
  /**
   * Synthesize only these environments (names from config); every other
   * environment keeps its previous output, which must exist.
   * @default - every environment
   */
  readonly environments?: readonly string[];
}

/**
 * Builds the cdktf app for a model: one stack per environment, nothing written.
 * `layoutOutdir` is where the output will finally live (local state paths are
 * computed from it), when it differs from the directory synthesized into.
 * The app skips cdktf's own validation run: `checkApp` runs the same
 * validations once, keeping their findings structured. Every stack is in
 * memory at once: to write an organisation, `synthEachEnvironment` holds one.
 */
export function buildApp(model: OrgModel, outdir: string, configDir: string, layoutOutdir: string = outdir): App {
  const app = new App({ outdir, skipValidation: true });
  for (const environment of model.environments) new OktaEnvironmentStack(app, environment.name, stackProps(environment, configDir, layoutOutdir));
  return app;
}

function stackProps(environment: EnvironmentModel, configDir: string, layoutOutdir: string): OktaEnvironmentStackProps {
  const stackDir = path.resolve(layoutOutdir, 'stacks', environment.name);
  const configDirFromStackDir = path.relative(stackDir, path.resolve(configDir)).split(path.sep).join('/') || '.';
  return { environment, configDirFromStackDir };
}

export interface EachEnvironmentOptions {
  /** The directory synthesized into. */
  readonly outdir: string;
  /** The config directory (local state paths are relative to it). */
  readonly configDir: string;
  /**
   * Where the output will finally live, when it differs from `outdir`.
   * @default outdir
   */
  readonly layoutOutdir?: string;
  /**
   * The environments to build, in this order.
   * @default every environment of the model
   */
  readonly environments?: readonly EnvironmentModel[];
  /**
   * Called with each stack before it is written.
   * @default - nothing
   */
  readonly beforeWrite?: (stack: TerraformStack) => void;
  /**
   * manifest.json entries, by stack name, of stacks not built now (kept from a previous output),
   * written with the new ones.
   * @default - none
   */
  readonly keptManifestEntries?: Readonly<Record<string, StackManifest>>;
}

/**
 * Builds, checks and writes each environment's stack in turn,
 * removing it from the app before building the next: peak memory follows the
 * largest environment, not the organisation. One app writes every stack, so
 * its manifest.json lists them all, as one app holding every stack would.
 * After a stack with an error the others are still built and checked, so that
 * every stack's problems come together, but none is written: the caller
 * discards what earlier stacks wrote. Returns every stack's findings.
 */
export function synthEachEnvironment(model: OrgModel, options: EachEnvironmentOptions): AppCheck {
  const app = new App({ outdir: options.outdir, skipValidation: true });
  Object.assign(app.manifest.stacks, options.keptManifestEntries);
  const failures: PolicyFailure[] = [];
  const policyWarnings: PolicyFailure[] = [];
  withoutCreationStacks(() => {
    for (const environment of options.environments ?? model.environments) {
      const stack = new SoleEnvironmentStack(app, environment.name, stackProps(environment, options.configDir, options.layoutOutdir ?? options.outdir));
      const checked = checkApp(app, 'declared');
      // Appended one by one: an organisation's findings can outnumber what a spread passes as arguments.
      for (const f of checked.failures) failures.push(f);
      for (const w of checked.policyWarnings) policyWarnings.push(w);
      if (failures.length === 0) {
        options.beforeWrite?.(stack);
        app.synth();
      }
      // Released: nothing refers to the stack once it is written (the manifest keeps its entry, plain data).
      app.node.tryRemoveChild(stack.node.id);
    }
  });
  return { failures, warnings: warningLines(policyWarnings), policyWarnings };
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
  return { failures, warnings: warningLines(policyWarnings), policyWarnings };
}

/** The structured warnings as lines, in the same order. */
function warningLines(policyWarnings: readonly PolicyFailure[]): string[] {
  return policyWarnings.map((w) => `${w.stack}: warning: ${w.message}`);
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
 * Writes every environment's stack (or, with `environments`, those only, the
 * others keeping their previous output) into a fresh directory, one stack at a
 * time, and swaps it in atomically (synth/output-dir.ts): a failure, or a kill
 * at any instant, leaves the previous output whole, and a failed check leaves
 * nothing behind, not even the parents of `outdir`.
 * Returns the synthesized stack files, relative to `outdir`.
 */
export function synthToDisk(model: OrgModel, options: SynthOptions): string[] {
  const selected = selectEnvironments(model, options.environments);
  const kept = model.environments.filter((e) => !selected.includes(e));
  const unsafe = unsafeOutdirReason(options.outdir, options.configDir, model);
  if (unsafe) throw new OutputDirError(`${unsafe}; nothing written`);
  const outdir = path.resolve(options.outdir);
  const swap = new OutputSwap(options.outdir);
  swap.prepare();
  let checked: AppCheck | undefined;
  let layout: string;
  let configDir: string;
  try {
    // Terraform resolves `..` in the local state path from the stack directory's real place: through a linked parent of --out, a path
    // computed from the link's own would find another (empty) state and plan to create every app again. Both ends real, the path is
    // also the same whichever links lead to them.
    layout = path.join(fs.realpathSync(path.dirname(outdir)), path.basename(outdir));
    configDir = fs.realpathSync(options.configDir);
  } catch (err) {
    swap.abandon();
    throw err;
  }
  const leftBehind = swap.replace(
    () => {
      // Under the lock: the previous output is the one being replaced, not one another synth is swapping out.
      const now = (name: string) => identityNow(kept.find((e) => e.name === name)!, swap.dir, configDir, layout);
      const keptManifestEntries = keepPreviousOutput(options.outdir, kept.map((e) => e.name), swap.dir, now);
      checked = synthEachEnvironment(model, { outdir: swap.dir, configDir, layoutOutdir: layout, environments: selected, keptManifestEntries });
      if (checked.failures.length) throw policyErrorsOf(checked.failures);
      keepLockFiles(options.outdir, model.environments.map((e) => e.name), swap.dir);
    },
    { lockWaitMs: options.lockWaitMs },
  );
  const { policyWarnings, warnings } = checked!;
  if (options.onPolicyWarning) policyWarnings.forEach((w) => options.onPolicyWarning!(w));
  [...(options.onPolicyWarning ? [] : warnings), ...leftBehind].forEach((w) => options.onWarning?.(w));
  return selected.map((e) => `stacks/${e.name}/cdk.tf.json`);
}

/** The org and state a stack for `environment` would have now: its backend and provider, without its integrations. */
function identityNow(environment: EnvironmentModel, outdir: string, configDir: string, layoutOutdir: string): StackIdentity {
  const app = new App({ outdir, skipValidation: true });
  const stack = new OktaEnvironmentStack(app, environment.name, stackProps({ ...environment, integrations: [] }, configDir, layoutOutdir));
  return identityOf(stack.toTerraform());
}

/** The environments `names` picks, in config order; every environment when it is undefined. */
export function selectEnvironments(model: OrgModel, names: readonly string[] | undefined): readonly EnvironmentModel[] {
  if (names === undefined) return model.environments;
  const known = model.environments.map((e) => e.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) {
    throw new EnvironmentSelectionError(`no environment ${unknown.map((n) => showValue(n)).join(', ')} in config; accepted: ${known.map((n) => showValue(n)).join(', ')}; nothing written`);
  }
  if (names.length === 0) throw new EnvironmentSelectionError(`no environment selected; accepted: ${known.map((n) => showValue(n)).join(', ')}; nothing written`);
  return model.environments.filter((e) => names.includes(e.name));
}

/** A selection of environments to synthesize that names one the config does not have, or none. */
export class EnvironmentSelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentSelectionError';
  }
}

/**
 * Synthesizes a config directory's stacks into `outdir`, which another tool
 * owns (the cdktf CLI's CDKTF_OUTDIR), building each stack once, one at a
 * time (peak memory follows the largest environment): each is written into a
 * staging directory inside `outdir` and, only when no stack has a problem
 * (PolicyErrors, nothing written), every file is moved into place by a
 * rename. Returns the warnings.
 */
export function synthConfigApp(model: OrgModel, outdir: string, configDir: string, beforeWrite?: (stack: TerraformStack) => void): readonly string[] {
  let staging: string | undefined;
  try {
    staging = makeStagingDir(outdir);
    // Local state paths are computed from where the stacks will live, not from the staging directory.
    const checked = synthEachEnvironment(model, { outdir: staging, layoutOutdir: outdir, configDir, beforeWrite });
    if (checked.failures.length) throw policyErrorsOf(checked.failures);
    moveStagedOutput(staging, outdir);
    return checked.warnings;
  } catch (err) {
    throw err instanceof PolicyErrors || err instanceof OutputDirError ? err : fileSystemError(outdir, err);
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** A file system failure writing the cdktf CLI's output, as a message naming the directory and the cause (never a stack trace). */
function fileSystemError(outdir: string, err: unknown): OutputDirError {
  const e = err as NodeJS.ErrnoException;
  const cause = e.code && e.path ? `${e.code} at ${e.path}` : e.message;
  return new OutputDirError(`cannot write the synth output into ${outdir}: ${cause}`);
}

/** Failures grouped by stack, in stack order. */
export function policyErrorsOf(failures: readonly PolicyFailure[]): PolicyErrors {
  const byStack = new Map<string, PolicyFailure[]>();
  for (const f of failures) byStack.set(f.stack, [...(byStack.get(f.stack) ?? []), f]);
  return new PolicyErrors([...byStack].map(([stack, list]) => new PolicyError(stack, list)));
}
