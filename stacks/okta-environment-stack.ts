import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { OktaGroups } from '../constructs/okta-groups';
import { SaasIntegration } from '../constructs/saas-integration';
import { EnvironmentModel } from '../model/types';
import { applyPolicy } from '../rules/policy-checks';
import { addBackend } from './backend';

/**
 * The okta/okta provider version the synthesized config requires. The bindings
 * are for 4.20.0, but every binding class used is schema-compatible with 6.x
 * (docs/provider-compatibility.md) and 6.x-only resources need it.
 */
export const OKTA_PROVIDER_CONSTRAINT = '~> 6.6';

export interface OktaEnvironmentStackProps {
  /** The environment, resolved from config. */
  readonly environment: EnvironmentModel;
  /**
   * Relative path from the synthesized stack directory to the project root,
   * where local state paths are anchored.
   * @default '../../..' (cdktf.out/stacks/<env>)
   */
  readonly projectRootFromStackDir?: string;
}

/** One environment: its Okta org, its backend, and every integration enabled in it. */
export class OktaEnvironmentStack extends TerraformStack {
  public readonly integrations: ReadonlyMap<string, SaasIntegration>;
  private readonly environment: EnvironmentModel;

  constructor(scope: Construct, id: string, props: OktaEnvironmentStackProps) {
    super(scope, id);
    const env = props.environment;
    addBackend(this, env.backend, props.projectRootFromStackDir ?? '../../..');
    // Credentials stay out of config and JSON: the provider reads OKTA_API_TOKEN
    // or OKTA_API_CLIENT_ID / OKTA_API_PRIVATE_KEY / OKTA_API_SCOPES itself.
    new OktaProvider(this, 'okta', { orgName: env.okta.orgName, baseUrl: env.okta.baseUrl });
    this.addOverride('terraform.required_providers.okta.version', OKTA_PROVIDER_CONSTRAINT);

    const oktaGroups = new OktaGroups(this, 'groups');
    const integrations = new Map<string, SaasIntegration>();
    for (const integration of env.integrations) {
      integrations.set(integration.key, new SaasIntegration(this, integration.key, { integration, oktaGroups }));
    }
    this.integrations = integrations;
    this.environment = env;
  }

  /** The synthesized configuration, checked by the policy rules (rules/): an error stops synth before anything is written. */
  public toTerraform(): any {
    return applyPolicy(this.environment.name, super.toTerraform(), this.environment.integrations);
  }
}
