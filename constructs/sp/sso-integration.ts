import { ownEntry } from '../../model/own-entry';
import { showPath, showValue } from '../../model/show-value';
import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { appTag } from '../../model/app-tag';
import { PRESETS } from '../../model/presets';
import { GENERIC_IDP_RECORD } from '../../model/resolve-idp-record';
import { problem } from '../../model/problem';
import { RuleId } from '../../model/rule-catalog';
import { AnySsoProps } from '../../model/sso-props';
import { plainProps } from '../../model/plain-props';
import { IntegrationModel } from '../../model/types';
import { SsoValidation, validateSso } from '../../model/validate-sso';
import { IntegrationEvaluation, IntegrationFinding, evaluateIntegration } from '../../rules/evaluate-integration';
import { RULES } from '../../rules';
import { groupsAssignedIn } from '../../rules/evaluate';
import { DECLARED_RULES, declaredSubject } from '../../rules/model-subjects';
import { POLICY_TAG } from '../../rules/policy-checks';
import { setsProp } from '../../rules/validate-props';
import { AppSubject, SynthBlock } from '../../rules/rule';
import { adoptLiveObjects } from '../adoption';
import { childId } from '../construct-id';
import { GroupAssignments } from '../group-assignments';
import { certificateBase64, certificatePem, certificateTokens } from '../idp-record/certificate-format';
import { IdpRecord } from '../idp-record/idp-record';
import { oktaIdpValues } from '../idp-record/okta-idp-values';
import { SnowflakeIdpRecord } from '../idp-record/snowflake-idp-record';
import { ImportBlocks } from '../import-blocks';
import { OktaGroups } from '../okta-groups';
import { Provisioning } from '../provisioning/provisioning';
import { SamlApp } from '../saml-app';
import { resolvedAsWritten, withStackOverrides } from '../../rules/stack-overrides';
import { standInApp } from '../stand-in-app';
import { EnvironmentMember, SsoEnvironment } from '../sso-environment';
import { attributeRef } from '../terraform-ref';
import { warnOnce } from '../warn-once';

/** What an SSO integration gives you to wire onward: the Okta app and Okta's values for the SP. */
export interface ISsoIntegration extends IConstruct {
  /** The integration's key: its resources are `okta_app_saml.<key>`, `idp_record_<key>`... */
  readonly key: string;
  /** The Okta app's ID (`okta_app_saml.<key>.id`). */
  readonly appId: string;
  /** Okta's sign-on URL for the SP (HTTP-POST binding). */
  readonly signOnUrl: string;
  /** Okta's issuer (IdP entity ID). */
  readonly issuer: string;
  /** Okta's signing certificate as PEM, with BEGIN/END lines. */
  readonly certificatePem: string;
  /** Okta's signing certificate as one line of base64, without BEGIN/END lines. */
  readonly certificateBase64: string;
  /** Okta's IdP metadata URL. */
  readonly metadataUrl: string;
  /** Okta's IdP metadata XML. */
  readonly metadataXml: string;
}

/**
 * Was thrown when an SP construct was given no props object.
 * @deprecated Never thrown: props that are not an object are now a problem reported at synth with every other construct's.
 */
export class SsoPropsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SsoPropsError';
  }
}

/** What the policy rules judge: the integration's resources as synthesized (escape-hatch edits included), or the app as its props declare it. */
export type RulesSubject = 'synthesized' | 'declared';

/**
 * One SaaS provider's SAML integration with Okta: the Okta SAML app (with
 * `prevent_destroy`, at the address `okta_app_saml.<key>`), the groups assigned
 * to it, its provisioning (what Okta's API can apply; the rest goes to the
 * stack's runbook), and the SP's record of Okta as its IdP (the
 * `idp_record_<key>` output, or Terraform resources where the SP has a
 * provider). Each SP's construct (AivenSso, OmniSso, ...) is this with the SP's
 * own props and rules.
 *
 * Every rule runs at synth as this construct's validation: the SP's rules, the
 * common SAML rules, secrets and escaping on the props, and the policy rules on
 * the synthesized app (so escape-hatch edits are checked too). Each message
 * names the prop, the bad value (never a secret) and what is accepted.
 */
export abstract class SsoIntegration extends Construct implements ISsoIntegration {
  public readonly key: string;
  /** The SP preset, e.g. `aiven`. */
  public readonly preset: string;
  /** The Okta groups assigned to the app, when there are any. */
  public readonly groupAssignments?: GroupAssignments;
  /** The provisioning resources Terraform applies, when provisioning is declared. */
  public readonly provisioning?: Provisioning;
  /** The SP's record of Okta as its IdP: the `idp_record_<key>` output. */
  public readonly idpRecord?: IdpRecord;
  /** Snowflake only: the SP side as Terraform resources. */
  protected readonly snowflakeRecord?: SnowflakeIdpRecord;

  private readonly props: AnySsoProps;
  private readonly validation: SsoValidation;
  private readonly member: EnvironmentMember;
  private readonly samlApp?: SamlApp;
  private readonly warned = new Set<string>();

  protected constructor(scope: Construct, id: string, preset: string, props: AnySsoProps) {
    super(scope, childId(scope, id));
    // No props at all (JavaScript, `undefined as any`): one problem at synth with every other construct's, like any bad prop.
    // A class instance implementing the props interface (JavaScript, or `implements AivenSsoProps`): its own fields are the props.
    const given = props !== null && typeof props === 'object' ? plainProps(props) : undefined;
    // A key of another shape is reported by the props check (prop-shapes); the id stands in for it meanwhile.
    this.key = typeof given?.key === 'string' ? given.key : id;
    this.preset = preset;
    this.props = given ?? {};
    const environment = SsoEnvironment.of(this);
    this.validation = given
      ? validateSso(preset, this.key, given)
      : {
          problems: [problem(RuleId.WELL_FORMED, 'props', `the props of ${ownEntry(PRESETS, preset)?.constructName ?? preset} are ${showValue(props)}; accepted: an object with the SP's props`)],
          suppressed: [],
          suppressions: [],
          rulesFound: new Set(),
        };
    const model = this.validation.model;
    this.member = { key: this.key, renamedFrom: this.props.renamedFrom, model, node: this.node, errors: () => this.checkRules('synthesized').errors.map((e) => this.located(e)), resources: () => this.ownResources };
    environment.register(this.member);
    this.node.addValidation({ validate: () => this.validateIntegration() });
    if (!model) {
      this.node.defaultChild = this.oktaApp;
      return;
    }

    const groups = OktaGroups.of(this);
    this.samlApp = new SamlApp(this, 'saml', { key: model.key, renamedFrom: model.renamedFrom, settings: model.saml });
    const app = this.samlApp.app;
    this.node.defaultChild = app;
    // Terraform ignores "//" keys; review and other tools read which SP this app is for here, and whether its SCIM
    // provisioning is connected (what unassigning a user does to the SP account depends on it).
    app.addOverride('//.okta-sso', appTag(model));
    const appId = attributeRef(app, 'id');
    if (model.groups.length > 0) {
      this.groupAssignments = new GroupAssignments(this, 'groups', { key: model.key, appId, groups: model.groups, oktaGroups: groups, renamedFrom: model.renamedFrom });
    }
    if (model.provisioning || model.attributeSync) {
      this.provisioning = new Provisioning(this, 'provisioning', { integration: model, appId, oktaGroups: groups });
    }
    const values = oktaIdpValues(app);
    if (model.snowflake) {
      this.snowflakeRecord = new SnowflakeIdpRecord(this, 'snowflake', {
        key: model.key,
        snowflake: model.snowflake,
        values,
        acsUrl: app.ssoUrl,
        audience: app.audience,
        renamedFrom: model.renamedFrom,
      });
    }
    if (model.adopt) {
      adoptLiveObjects(this, model, model.adopt, { app, groupAssignments: this.groupAssignments, provisioning: this.provisioning, snowflake: this.snowflakeRecord });
    }
    const spec = model.idpRecord ?? GENERIC_IDP_RECORD;
    this.idpRecord = new IdpRecord(this, 'idp-record', {
      key: model.key,
      preset: model.preset,
      // Generic and on-premises SPs are known by their app's name, as the runbook names them.
      spName: model.preset === 'generic' || model.preset === 'onprem' ? model.saml.label : PRESETS[model.preset]?.displayName ?? model.preset,
      spec,
      values,
      terraformResource: spec.terraformResource && `${spec.terraformResource}.${model.key}`,
      environment: environment.name,
    });
    this.ownResources = this.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource);
  }

  /** The resources this construct made: each must still be in the tree at synth, or Terraform would destroy it. */
  private ownResources: readonly TerraformResource[] = [];

  /**
   * The Okta SAML app (`okta_app_saml.<key>`), also this construct's `node.defaultChild`, for escape hatches. While the
   * props cannot work there is no app: this is then a stand-in outside the stack, and synth fails with the props' problems.
   */
  public get oktaApp(): AppSaml {
    if (this.samlApp) return this.samlApp.app;
    this.standIn ??= standInApp(this, this.key);
    return this.standIn;
  }

  private standIn?: AppSaml;

  /** The resolved integration, when its props can work. */
  public get model(): IntegrationModel | undefined {
    return this.validation.model;
  }

  public get appId(): string {
    return this.samlApp ? this.samlApp.app.id : `\${okta_app_saml.${this.key}.id}`;
  }

  public get signOnUrl(): string {
    return this.samlApp ? this.samlApp.app.httpPostBinding : `\${okta_app_saml.${this.key}.http_post_binding}`;
  }

  public get issuer(): string {
    return this.samlApp ? this.samlApp.app.entityUrl : `\${okta_app_saml.${this.key}.entity_url}`;
  }

  public get certificatePem(): string {
    return this.samlApp ? certificateTokens(this.samlApp.app.certificate).pem : certificatePem(`okta_app_saml.${this.key}.certificate`);
  }

  public get certificateBase64(): string {
    return this.samlApp ? certificateTokens(this.samlApp.app.certificate).base64 : certificateBase64(`okta_app_saml.${this.key}.certificate`);
  }

  public get metadataUrl(): string {
    return this.samlApp ? this.samlApp.app.metadataUrl : `\${okta_app_saml.${this.key}.metadata_url}`;
  }

  public get metadataXml(): string {
    return this.samlApp ? this.samlApp.app.metadata : `\${okta_app_saml.${this.key}.metadata}`;
  }

  /**
   * Runs every rule on this integration, as its validation does at synth, and
   * records its suppressions and warnings on the app's `"//"` comment in
   * cdk.tf.json. Returns the findings, structured, for tools that report them
   * their own way (the config layer locates them in the config files).
   * `on: 'declared'` judges the app as the props declare it, without resolving
   * the synthesized resources: for callers that know nothing edited them (the
   * config path, which has no escape hatch).
   */
  public applyRules(on: RulesSubject = 'synthesized'): IntegrationEvaluation {
    const evaluation = this.checkRules(on);
    if (evaluation.note && this.samlApp) this.samlApp.app.addOverride(`//.${POLICY_TAG}`, evaluation.note);
    return evaluation;
  }

  private checkRules(on: RulesSubject): IntegrationEvaluation {
    const model = this.validation.model;
    const removed = this.ownResources.filter((r) => !this.holds(r));
    // With a resource taken out, the app as synthesized is not the integration's: its removal is the problem to fix.
    const subject = model && this.samlApp && removed.length === 0 ? (on === 'declared' ? declaredSubject(model) : this.subject(model, this.samlApp.app)) : undefined;
    const evaluation = evaluateIntegration(subject, this.validation, on === 'declared' ? DECLARED_RULES : RULES);
    const stackProblems: IntegrationFinding[] = [
      ...removed.map((r) => ({ rule: RuleId.CONSISTENT, level: 'error' as const, props: [], message: removedMessage(r), source: 'props' as const })),
      ...SsoEnvironment.of(this)
        .problemsOf(this.member)
        .map((p) => ({ rule: p.rule, level: 'error' as const, props: [p.prop], message: p.message, source: 'props' as const })),
      ...OktaGroups.of(this)
        .conflictsOf(this.key)
        .map((c) => ({ rule: RuleId.CONSISTENT, level: 'error' as const, props: [`groups.${c.index}`], message: c.message, source: 'props' as const })),
      ...ImportBlocks.conflictsIn(this, this.key).map((message) => ({ rule: RuleId.CONSISTENT, level: 'error' as const, props: ['adopt'], message, source: 'props' as const })),
    ];
    return stackProblems.length ? { ...evaluation, errors: [...evaluation.errors, ...stackProblems] } : evaluation;
  }

  /** Whether `resource` is still in this construct's tree: removing a child (`node.tryRemoveChild`) leaves its scope as it was. */
  private holds(resource: TerraformResource): boolean {
    for (let child: IConstruct = resource; child !== this; ) {
      const parent = child.node.scope;
      if (!parent || parent.node.tryFindChild(child.node.id) !== child) return false;
      child = parent;
    }
    return true;
  }

  /** The prop a finding is reported at: the first of its props that this integration sets, else the first; none for a finding about the synthesized resources alone (SSO-007). */
  public propOf(finding: Pick<IntegrationFinding, 'props'>): string | undefined {
    return finding.props.find((p) => setsProp(this.props, p)) ?? finding.props[0];
  }

  private validateIntegration(): string[] {
    const evaluation = this.applyRules();
    for (const w of evaluation.warnings) warnOnce(this, this.warned, this.located(w));
    return evaluation.errors.map((e) => this.located(e));
  }

  /** A finding as the validation prints it after the construct path: `<prop>: <message>`. */
  private located(f: IntegrationFinding): string {
    const prop = this.propOf(f);
    return prop === undefined ? f.message : `${prop}: ${f.message}`;
  }

  /** What the policy rules see: this integration's resources as they will be synthesized, escape-hatch edits included. */
  private subject(model: IntegrationModel, app: AppSaml): AppSubject {
    const resources = this.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource);
    const blocks = resources.map(blockOf);
    const preset = PRESETS[model.preset];
    return { key: model.key, app: blocks[resources.indexOf(app)], blocks, ...(preset ? { preset } : {}), groupsAssigned: groupsAssignedIn(blocks), integration: model };
  }
}

/** Why a resource the construct made, taken out of its tree, fails synth. */
function removedMessage(resource: TerraformResource): string {
  const address = `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
  const loses = resource.terraformResourceType === 'okta_app_group_assignments' ? ' (every group assignment of the app: its users lose it)' : '';
  return (
    `${showPath(resource.node.path)} (${address}) is no longer in the construct tree (removed with node.tryRemoveChild): cdk.tf.json would lack it, and Terraform would destroy it${loses}; ` +
    "accepted: the construct's children kept (change its props instead, or remove the construct itself)"
  );
}

function blockOf(resource: TerraformResource): SynthBlock {
  const type = resource.terraformResourceType;
  const name = resource.friendlyUniqueId;
  const own = (resource.toTerraform() as { resource?: Record<string, Record<string, Record<string, unknown>>> }).resource?.[type]?.[name] ?? {};
  // An escape hatch on the stack (`stack.addOverride('resource.okta_app_saml.<key>.…')`) is judged like one on the resource;
  // both as cdktf writes them, tokens resolved (an http URL produced by a Lazy is an http URL).
  const body = resolvedAsWritten(withStackOverrides(TerraformStack.of(resource), type, name, own), resource);
  return { type, address: `${type}.${name}`, body };
}
