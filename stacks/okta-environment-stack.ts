import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { OktaGroups } from '../constructs/okta-groups';
import { SaasIntegration } from '../constructs/saas-integration';
import { DEFAULT_OKTA_PROVIDER_CONSTRAINT, checkProviderVersion } from '../model/provider-versions';
import { EnvironmentModel } from '../model/types';
import { PolicyError, applyPolicy } from '../rules/policy-checks';
import { addBackend } from './backend';
import { policyWarningsOf } from '../rules/synth-warnings';

/**
 * The okta/okta provider version the synthesized config requires. The bindings
 * are for 4.20.0, but every binding class used is schema-compatible with 6.x
 * (docs/provider-compatibility.md) and 6.x-only resources need it.
 */
export const OKTA_PROVIDER_CONSTRAINT = DEFAULT_OKTA_PROVIDER_CONSTRAINT;

export interface OktaEnvironmentStackProps {
  /** The environment, resolved from config. */
  readonly environment: EnvironmentModel;
  /**
   * Relative path from the synthesized stack directory to the config directory,
   * where local state paths are anchored.
   * @default '.'
   */
  readonly configDirFromStackDir?: string;
  /**
   * Where to collect policy errors instead of throwing at this stack, so that an
   * app reports every stack's errors together (the caller then fails).
   * @default - policy errors throw a PolicyError from toTerraform
   */
  readonly policyErrors?: PolicyError[];
}

/** One environment: its Okta org, its backend, and every integration enabled in it. */
export class OktaEnvironmentStack extends TerraformStack {
  public readonly integrations: ReadonlyMap<string, SaasIntegration>;
  private readonly environment: EnvironmentModel;
  private readonly policyErrors?: PolicyError[];
  private warnings: readonly string[] = [];

  constructor(scope: Construct, id: string, props: OktaEnvironmentStackProps) {
    super(scope, id);
    const env = props.environment;
    addBackend(this, env.backend, props.configDirFromStackDir ?? '.');
    // Credentials stay out of config and JSON: the provider reads OKTA_API_TOKEN
    // or OKTA_API_CLIENT_ID / OKTA_API_PRIVATE_KEY / OKTA_API_SCOPES itself.
    new OktaProvider(this, 'Okta', { orgName: env.okta.orgName, baseUrl: env.okta.baseUrl });
    this.addOverride('terraform.required_providers.okta.version', env.okta.providerVersion ?? OKTA_PROVIDER_CONSTRAINT);
    this.node.addValidation({ validate: () => checkProviderVersion(env).map((m) => `${env.name}: okta.providerVersion: ${m}`) });

    // Upper-case IDs: integration keys are lower-case, so they never collide.
    const oktaGroups = new OktaGroups(this, 'Groups');
    const integrations = new Map<string, SaasIntegration>();
    for (const integration of env.integrations) {
      integrations.set(integration.key, new SaasIntegration(this, integration.key, { integration, oktaGroups }));
    }
    this.integrations = integrations;
    this.environment = env;
    this.policyErrors = props.policyErrors;
  }

  /** The policy warnings of the last synthesis of this stack, one line each (`<env>: warning: ...`). */
  public get policyWarnings(): readonly string[] {
    return this.warnings;
  }

  /** The synthesized configuration, checked by the policy rules (rules/): an error stops synth before anything is written. */
  public toTerraform(): any {
    const tf = super.toTerraform();
    try {
      const checked = applyPolicy(this.environment.name, tf, this.environment.integrations);
      this.warnings = policyWarningsOf(this.environment.name, checked);
      return checked;
    } catch (err) {
      if (!(err instanceof PolicyError) || !this.policyErrors) throw err;
      this.policyErrors.push(err);
      return tf;
    }
  }
}
