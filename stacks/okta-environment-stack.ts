import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { createSsoIntegration } from '../constructs/sp';
import { childId } from '../constructs/construct-id';
import { SsoIntegration } from '../constructs/sp/sso-integration';
import { SsoEnvironment } from '../constructs/sso-environment';
import { DEFAULT_OKTA_PROVIDER_CONSTRAINT } from '../model/provider-versions';
import { showValue } from '../model/show-value';
import { EnvironmentModel } from '../model/types';
import { addBackend } from './backend';

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
   * where local state paths are anchored. Given, a local state path is also
   * recorded as written in config (stacks/backend.ts), for the review.
   * @default - no config directory: a local state path is relative to the stack directory, and not recorded
   */
  readonly configDirFromStackDir?: string;
}

/**
 * One environment of a config directory: its Okta org (the provider), its
 * backend, and the SP construct of every integration enabled in it, built from
 * the same props a cdktf app would pass.
 */
export class OktaEnvironmentStack extends TerraformStack {
  public readonly integrations: ReadonlyMap<string, SsoIntegration>;

  constructor(scope: Construct, id: string, props: OktaEnvironmentStackProps) {
    super(scope, childId(scope, id));
    const env = props.environment;
    addBackend(this, env.backend, props.configDirFromStackDir);
    // Credentials stay out of config and JSON: the provider reads OKTA_API_TOKEN
    // or OKTA_API_CLIENT_ID / OKTA_API_PRIVATE_KEY / OKTA_API_SCOPES itself.
    new OktaProvider(this, 'Okta', { orgName: env.okta.orgName, baseUrl: env.okta.baseUrl, maxApiCapacity: env.okta.maxApiCapacity });
    const capacity = env.okta.maxApiCapacity;
    if (capacity !== undefined && !Token.isUnresolved(capacity) && !(Number.isInteger(capacity) && capacity >= 1 && capacity <= 100)) {
      this.node.addValidation({ validate: () => [`environment.okta.maxApiCapacity: ${showValue(capacity)} is not accepted; accepted: a whole number from 1 to 100 (percent)`] });
    }
    SsoEnvironment.configure(this, { name: env.name, providerVersion: env.okta.providerVersion });
    const integrations = new Map<string, SsoIntegration>();
    for (const integration of env.integrations) {
      integrations.set(integration.key, createSsoIntegration(this, integration.key, integration.preset, integration.props));
    }
    this.integrations = integrations;
  }
}
