import { showPath, showValue } from '../model/show-value';
import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { Annotations, App, Aspects, DefaultTokenResolver, StringConcat, TerraformBackend, TerraformProvider, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import * as path from 'path';
import { DEFAULT_OKTA_PROVIDER_CONSTRAINT, checkProviderVersion, providerVersionWarnings } from '../model/provider-versions';
import { checkRenames } from '../model/rename-checks';
import { checkTerraformAddresses } from '../model/terraform-addresses';
import { checkSpObjects } from '../model/sp-objects';
import { checkCreatedGroups } from '../model/created-groups';
import { RuleId } from '../model/rule-catalog';
import { IntegrationModel } from '../model/types';
import { isUnresolved } from '../model/unresolved';
import { embeddedSecretKind } from '../model/secret-literals';
import { stackSecretFindings } from '../rules/stack-secrets';
import { removedByStackOverride } from '../rules/stack-overrides';
import { writeRunbookFiles } from '../runbook/write';
import { runbookAppOf } from './runbook-app';
import { onSynthesize } from './custom-synthesis';
import { sharedStateErrors } from './shared-state';
import { stacksOfApp } from './app-stacks';
import { addressClashes } from './stack-addresses';
import { foreignAssignments } from './foreign-assignments';
import { stackSingleton } from './stack-singleton';
import { stackNameProblem } from './stack-name';
import { warnOnce } from './warn-once';

/** The construct id of a stack's SsoEnvironment, at the top of the stack. */
export const SSO_ENVIRONMENT_ID = 'okta-sso';

export interface SsoEnvironmentProps {
  /**
   * The environment's name: recorded in every `idp_record_<key>` output (so
   * `okta-sso idp-record --env` never reads another environment's) and in the
   * runbook, by which `okta-sso idp-record --env NAME` finds a stack named
   * otherwise. One name per stack of the app: two are an error.
   * @default - the stack's id
   */
  readonly name?: string;
  /**
   * The okta/okta provider version constraint the stack requires. One that
   * admits 6.14.0 (which the provider's README says not to install) gets a warning.
   * @default '>= 6.6.0, != 6.14.0, < 8.0.0' (6.6.0 to 7.x: push groups need 6.6.0; the 4.20.0 bindings' own version is never used)
   */
  readonly providerVersion?: string;
}

/** A problem with one integration that only the whole stack shows. */
export interface StackProblem {
  readonly rule: RuleId;
  readonly prop: string;
  readonly message: string;
}

/** An integration as the environment sees it: its key, rename, resolved model (when its props are valid) and construct path. */
export interface EnvironmentMember {
  readonly key: string;
  readonly renamedFrom?: string;
  readonly model?: IntegrationModel;
  readonly node: IConstruct['node'];
  /** The integration's errors as its validation reports them (without recording anything). */
  readonly errors?: () => string[];
  /** The Terraform resources the integration made (none until its construction is done). */
  readonly resources: () => readonly TerraformResource[];
}

/**
 * What the SSO constructs of one TerraformStack share, created by the first of
 * them: the okta/okta version the stack requires (added to
 * `required_providers`, whether or not the stack declares an okta provider), the
 * environment's name, the runbook of admin steps written beside cdk.tf.json at
 * every synth, and the checks across integrations (one key per integration,
 * renames, the provider version). Never a provider or a backend: those stay the
 * stack's (see the README).
 */
export class SsoEnvironment extends Construct {
  /** The SsoEnvironment of `scope`'s stack, created on first use; throws, naming `scope`'s path, outside a TerraformStack. */
  public static of(scope: IConstruct): SsoEnvironment {
    return stackSingleton(scope, SSO_ENVIRONMENT_ID, SsoEnvironment, (stack) => new SsoEnvironment(stack));
  }

  /**
   * Sets the stack's environment name and okta/okta version constraint. Call it
   * before the first SSO construct of the stack: the IdP record outputs record
   * the name when they are created.
   */
  public static configure(stack: TerraformStack, props: SsoEnvironmentProps): SsoEnvironment {
    const env = SsoEnvironment.of(stack);
    if (props.name !== undefined && props.name !== env.name && env.members.length > 0) {
      throw new Error(
        `${stack.node.path}: SsoEnvironment.configure names the environment ${showValue(props.name)} after ${env.members[0].node.path} was declared as ${showValue(env.name)}; call configure before the first SSO construct of the stack`,
      );
    }
    const secretLooking = props.name === undefined ? undefined : embeddedSecretKind(props.name);
    if (props.name !== undefined && (!ENVIRONMENT_NAME.test(props.name) || secretLooking !== undefined)) {
      // Kept out of the outputs and runbook, and reported at synth with every other problem.
      const shown = secretLooking === undefined ? showValue(props.name) : `(not shown: it looks like a secret, ${secretLooking})`;
      env.nameProblem = `name: ${shown} is not accepted as an environment name (SsoEnvironment.configure); accepted: ${ENVIRONMENT_NAME_ACCEPTED}, not secret-looking, as config's environment names`;
    } else if (props.name !== undefined) env.environmentName = props.name;
    if (props.providerVersion !== undefined) env.setProviderVersion(props.providerVersion);
    return env;
  }

  private nameProblem?: string;

  private readonly stack: TerraformStack;
  private environmentName: string;
  private constraint = DEFAULT_OKTA_PROVIDER_CONSTRAINT;
  private readonly members: EnvironmentMember[] = [];
  private stackProblems?: Map<EnvironmentMember, StackProblem[]>;
  private stackProblemsFor = 0;
  private readonly warned = new Set<string>();

  private constructor(stack: TerraformStack) {
    super(stack, SSO_ENVIRONMENT_ID);
    this.stack = stack;
    this.environmentName = stack.node.id;
    this.setProviderVersion(this.constraint);
    // Aspects run at synth before validation: by then the stack's own okta provider, if any, is declared.
    if (!hasOktaProvider(stack)) Aspects.of(stack).add({ visit: (node) => node === stack && !hasOktaProvider(stack) && new OktaProvider(stack, 'okta-sso-provider', {}) });
    this.node.addValidation({
      validate: () => {
        for (const w of this.warnings()) warnOnce(this, this.warned, w);
        return [...this.checkStack(), ...this.otherStacksErrors()];
      },
    });
    onSynthesize(this, (stackDir) => this.writeRunbook(stackDir));
  }

  /** The environment's name (the stack's id unless configured). */
  public get name(): string {
    return this.environmentName;
  }

  /** The okta/okta version constraint the stack requires. */
  public get providerVersion(): string {
    return this.constraint;
  }

  /** Called by each SSO construct of the stack. */
  public register(member: EnvironmentMember): void {
    this.members.push(member);
  }

  /** Problems with `member` that only the whole stack shows: a key used twice, a rename of a key still in use or renamed twice. */
  public problemsOf(member: EnvironmentMember): readonly StackProblem[] {
    // Computed for all members at once, in linear time, and again only when a member was added since.
    // SP-side objects are checked across the app's stacks: its members count too.
    const environments = SsoEnvironment.allIn(this.stack);
    const members = environments.reduce((n, e) => n + e.members.length, 0);
    if (!this.stackProblems || this.stackProblemsFor !== members) {
      this.stackProblems = this.computeStackProblems(environments);
      this.stackProblemsFor = members;
    }
    return this.stackProblems.get(member) ?? [];
  }

  /** The SsoEnvironment of each stack of `scope`'s app. */
  private static allIn(scope: IConstruct): SsoEnvironment[] {
    return stacksOfApp(scope).flatMap((stack) => {
      const env = stack.node.tryFindChild(SSO_ENVIRONMENT_ID);
      return env instanceof SsoEnvironment ? [env] : [];
    });
  }

  private computeStackProblems(environments: readonly SsoEnvironment[]): Map<EnvironmentMember, StackProblem[]> {
    const problems = new Map<EnvironmentMember, StackProblem[]>();
    const add = (m: EnvironmentMember, rule: RuleId, prop: string, message: string) => problems.set(m, [...(problems.get(m) ?? []), { rule, prop, message }]);
    const byKey = new Map<string, EnvironmentMember[]>();
    for (const m of this.members) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
    for (const same of byKey.values()) {
      if (same.length < 2) continue;
      for (const m of same) {
        const others = same.filter((o) => o !== m);
        add(m, RuleId.UNIQUE, 'key', `integration key ${showValue(m.key)} is also used by ${others.map((o) => o.node.path).join(', ')}: both would be okta_app_saml.${m.key}; accepted: one key per integration in a stack (set the key prop)`);
      }
    }
    // Each key once: a key used twice is reported above, and would make every rename check ambiguous.
    const unique = [...byKey.values()].map((same) => same[0]);
    const byUniqueKey = new Map(unique.map((m) => [m.key, m]));
    for (const r of checkRenames(unique)) add(byUniqueKey.get(r.key)!, RuleId.CONSISTENT, 'renamedFrom', r.message);
    // In key order, as config checks them: which of two is reported does not depend on the order the code declares them in.
    const models = unique.flatMap((m) => (m.model ? [m.model] : [])).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const a of checkTerraformAddresses(models)) add(byUniqueKey.get(a.integration)!, RuleId.UNIQUE, a.field, a.message);
    const claims = environments.map((e) => ({ id: e.node.path, shown: `stack ${e.stack.node.id}`, integrations: e === this ? models : e.models() }));
    for (const p of checkSpObjects(claims)) if (p.environment === this.node.path) add(byUniqueKey.get(p.integration)!, RuleId.UNIQUE, p.prop, p.message);
    // One live app adopted by two stacks on one Okta org: two states would own it. The first in the app's stack order keeps it.
    const owners = new Map<string, EnvironmentMember>();
    for (const e of environments) {
      const org = e.oktaOrg();
      if (org === undefined) continue;
      for (const m of e.members) {
        const id = m.model?.adopt?.oktaAppId;
        if (id === undefined) continue;
        // Host names are case-insensitive: `Acme` and `acme` are one org.
        const adopted = `${org.toLowerCase()}|${id}`;
        const owner = owners.get(adopted);
        if (owner === undefined) owners.set(adopted, m);
        else if (e === this && owner.node.scopes[1] !== m.node.scopes[1]) {
          add(m, RuleId.UNIQUE, 'adopt.oktaAppId', `app ${id} is also adopted by ${showPath(owner.node.path)} on the same Okta org (${org}): two owners would fight over one live app; accepted: one stack and integration per live app`);
        }
      }
    }
    // A group two stacks on one Okta org each create: the first in the app's stack order keeps it.
    const onOrgs = environments.map((e) => ({ id: e.node.path, shown: `stack ${e.stack.node.id}`, org: e.oktaOrg(), integrations: e === this ? models : e.models() }));
    for (const c of checkCreatedGroups(onOrgs)) if (c.environment === this.node.path) add(byUniqueKey.get(c.integration)!, RuleId.UNIQUE, c.field, c.message);
    return problems;
  }

  /** The Okta org the stack's provider names (`acme.okta.com`); undefined when it is left to OKTA_ORG_NAME or is a token. */
  private oktaOrg(): string | undefined {
    const provider = this.stack.node.findAll().find((c): c is OktaProvider => c instanceof OktaProvider);
    const orgName = provider?.orgName;
    const baseUrl = provider?.baseUrl ?? 'okta.com';
    if (typeof orgName !== 'string' || isUnresolved(orgName) || isUnresolved(baseUrl)) return undefined;
    return `${orgName}.${baseUrl}`;
  }

  private setProviderVersion(constraint: string): void {
    this.constraint = constraint;
    // Merged with what a declared OktaProvider adds (its source, and the bindings' 4.20.0, which this replaces).
    this.stack.addOverride('terraform.required_providers.okta', { source: 'okta/okta', version: constraint });
  }

  /** The resolved integrations in key order: the runbook's order, whatever order the code declares them in. */
  private models(): IntegrationModel[] {
    return this.members
      .flatMap((m) => (m.model ? [m.model] : []))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The stack's own checks: the okta/okta version constraint against what its integrations use, no secret in anything it emits (and a warning about where local state goes). */
  public checkStack(): string[] {
    warnAboutLocalState(this.stack);
    const badStackName = stackNameProblem(this.stack);
    // A refused stack name is that one problem, not also a secret-looking value wherever cdktf or the outputs write it.
    const notScanned = badStackName === undefined ? [] : [this.stack.node.id];
    const secrets = stackSecretFindings(this.stack, new Set(this.members.map((m) => m.node.scopes[m.node.scopes.length - 1])), notScanned);
    // What the integrations' own check reports at their props is not reported again for the stack.
    const reported = new Set(checkTerraformAddresses(this.models()).map((a) => a.address));
    return [
      ...(badStackName ? [badStackName] : []),
      ...(this.nameProblem ? [this.nameProblem] : []),
      ...checkProviderVersion(this.constraint, this.models()).map((m) => `providerVersion: ${m}`),
      ...secrets,
      ...this.removedByOverrides(),
      ...addressClashes(this.stack, reported),
      ...foreignAssignments(this.stack, this.members),
      ...sharedStateErrors(this.stack),
      ...this.sharedNameErrors(),
    ];
  }

  /** The integrations' resources that a stack override takes out of cdk.tf.json: Terraform would destroy them. */
  private removedByOverrides(): string[] {
    const found: string[] = [];
    for (const member of this.members) {
      for (const resource of member.node.findAll()) {
        if (!(resource instanceof TerraformResource)) continue;
        const path = removedByStackOverride(this.stack, resource.terraformResourceType, resource.friendlyUniqueId);
        if (path === undefined) continue;
        found.push(
          `the stack's addOverride of ${path} takes ${resource.terraformResourceType}.${resource.friendlyUniqueId} of ${showPath(member.node.path)} out of cdk.tf.json: Terraform would destroy it (an app with its assignments and SCIM links; its prevent_destroy goes with it); accepted: no override that removes an integration's resources (remove the construct, or set renamedFrom to rename it)`,
        );
      }
    }
    return found;
  }

  /** Another stack of the app configured with this environment's name: its IdP record outputs and runbook would pass for this one's. */
  private sharedNameErrors(): string[] {
    const others = SsoEnvironment.allIn(this.stack).filter((e) => e !== this && e.name === this.name);
    if (others.length === 0) return [];
    return [
      `environment name ${showValue(this.name)} is also the name of stack ${others.map((o) => o.stack.node.id).join(', ')}'s environment (SsoEnvironment.configure): okta-sso idp-record --env and the runbooks could not tell them apart; accepted: one environment name per stack`,
    ];
  }

  /** The stack's own warnings: an okta/okta version constraint that admits a release never to install. */
  public warnings(): string[] {
    return providerVersionWarnings(this.constraint).map((m) => `providerVersion: ${m}`);
  }

  /**
   * The SSO errors of the app's other stacks. cdktf validates and writes one
   * stack after the other, so without this an error in a later stack would be
   * seen only once the earlier ones are written, and fixed: reported here, every
   * stack's errors come together and nothing is written.
   */
  private otherStacksErrors(): string[] {
    const errors: string[] = [];
    for (const stack of stacksOfApp(this.stack)) {
      if (stack === this.stack) continue;
      const other = stack.node.tryFindChild(SSO_ENVIRONMENT_ID);
      if (other instanceof SsoEnvironment) for (const e of other.integrationErrors()) errors.push(`also in stack ${stack.node.id}: ${e}`);
    }
    return errors;
  }

  /** Every error of the stack's SSO integrations, each as `[<construct path>] <prop>: <message>`. */
  private integrationErrors(): string[] {
    return this.members.flatMap((m) => (m.errors?.() ?? []).map((e) => `[${showPath(m.node.path)}] ${e}`));
  }

  private writeRunbook(stackDir: string): void {
    // Read at synth, after the user's code: an escape hatch on an app changes what the runbook must state.
    const apps = new Map<IntegrationModel, AppSaml>();
    for (const m of this.members) {
      const app = m.model && m.resources().find((r): r is AppSaml => r instanceof AppSaml);
      if (m.model && app) apps.set(m.model, app);
    }
    const appOf = (model: IntegrationModel) => {
      const app = apps.get(model);
      return app && runbookAppOf(app, model.saml);
    };
    writeRunbookFiles(stackDir, this.environmentName, this.models(), (step) => resolveTokens(this.stack, step), appOf);
  }
}

/**
 * Whether the stack declares an okta provider. One that does not gets one
 * without arguments: Terraform then takes the org from OKTA_ORG_NAME and
 * OKTA_BASE_URL, like the credentials.
 */
function hasOktaProvider(stack: TerraformStack): boolean {
  return stack.node.findAll().some((c) => c instanceof TerraformProvider && c.terraformResourceType === 'okta');
}

const TOKEN_RESOLVER = new DefaultTokenResolver(new StringConcat());

/** An environment's name, as config's schema takes it: it is written into every IdP record output and the runbook. */
const ENVIRONMENT_NAME = /^(?!constructor$)[a-z][a-z0-9-]{0,31}$/;
const ENVIRONMENT_NAME_ACCEPTED = 'lowercase letters, digits and -, starting with a letter, at most 32';

/**
 * A value given as a Terraform token (a variable, another resource's attribute)
 * appears in the runbook as the Terraform expression it stands for
 * (`${var.aiven_account}`), never as cdktf's placeholder, which differs from run to run.
 */
function resolveTokens<T>(stack: TerraformStack, value: T): T {
  return containsToken(value) ? resolveEach(stack, value) : value;
}

function containsToken(value: unknown): boolean {
  if (typeof value === 'string') return isUnresolved(value);
  if (Array.isArray(value)) return value.some(containsToken);
  return value !== null && typeof value === 'object' && Object.values(value).some(containsToken);
}

function resolveEach<T>(stack: TerraformStack, value: T): T {
  if (typeof value === 'string') return (isUnresolved(value) ? String(Tokenization.resolve(value, { scope: stack, resolver: TOKEN_RESOLVER })) : value) as T;
  if (Array.isArray(value)) return value.map((v) => resolveEach(stack, v)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveEach(stack, v)])) as T;
}

const warned = new WeakSet<TerraformStack>();

/**
 * Where local state would go, when that is a mistake: cdktf gives a stack
 * without a backend a local one with an absolute path (cdk.tf.json then differs
 * on every machine, and every review shows it), and a relative path resolves
 * from the stack's directory inside the synth output (deleting it loses state).
 */
function warnAboutLocalState(stack: TerraformStack): void {
  if (warned.has(stack)) return;
  const backend = stack.node.findAll().find((c): c is TerraformBackend => c instanceof TerraformBackend);
  const local = (backend?.toTerraform() as { terraform?: { backend?: { local?: { path?: unknown } } } } | undefined)?.terraform?.backend?.local;
  if (!local || typeof local.path !== 'string') return;
  const suggestion = `new LocalBackend(this, { path: '../../../state/${stack.node.id}.tfstate' }) (relative to cdktf.out/stacks/${stack.node.id}: state/ beside cdktf.out) or a remote backend`;
  if (path.isAbsolute(local.path)) {
    warned.add(stack);
    Annotations.of(stack).addWarning(
      `stack ${stack.node.id} has no backend, so cdktf writes the absolute local state path ${JSON.stringify(local.path)} into cdk.tf.json, which then differs on every machine; declare one: ${suggestion}`,
    );
    return;
  }
  const outdir = path.resolve(App.of(stack).outdir);
  const state = path.resolve(outdir, 'stacks', stack.node.id, local.path);
  if (!path.relative(outdir, state).startsWith('..')) {
    warned.add(stack);
    Annotations.of(stack).addWarning(
      `stack ${stack.node.id} keeps its local state at ${JSON.stringify(local.path)}, which Terraform resolves inside the synth output (${path.relative(process.cwd(), state) || state}): deleting cdktf.out loses the state; use ${suggestion}`,
    );
  }
}
