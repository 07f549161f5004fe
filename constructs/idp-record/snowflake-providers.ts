import { SnowflakeProvider } from '@cdktf/provider-snowflake/lib/provider';
import { Construct } from 'constructs';
import { SnowflakeAccount } from '../../model/snowflake-account';
import { stackSingleton } from '../stack-singleton';

const REGISTRY_ID = 'snowflake-providers';

/**
 * The Snowflake providers of one stack, one per account, created on first use
 * so that a stack without a Snowflake integration has no Snowflake provider.
 * Each has an alias named after its account, so adding or removing another
 * account never moves a resource to a different provider configuration.
 */
export class SnowflakeProviders extends Construct {
  /** The stack's registry, created on first use. */
  public static of(scope: Construct): SnowflakeProviders {
    return stackSingleton(scope, REGISTRY_ID, SnowflakeProviders, (stack, id) => new SnowflakeProviders(stack, id));
  }

  private readonly providers = new Map<string, SnowflakeProvider>();

  /** The provider for an account. Credentials are not set here: the provider reads SNOWFLAKE_USER, SNOWFLAKE_PRIVATE_KEY (or SNOWFLAKE_PASSWORD), SNOWFLAKE_ROLE... itself. */
  public forAccount(account: SnowflakeAccount): SnowflakeProvider {
    const alias = `snowflake_${account.hostLabel.replace(/-/g, '_')}`;
    let provider = this.providers.get(alias);
    if (!provider) {
      provider = new SnowflakeProvider(this, alias, { alias, organizationName: account.organizationName, accountName: account.accountName });
      this.providers.set(alias, provider);
    }
    return provider;
  }
}
