import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import * as fs from 'fs';
import * as path from 'path';
import { AivenSso, SecretRef, SnowflakeSso, SsoEnvironment } from '../../index';
import { listFiles, synthErrorOf, tempDir } from '../helpers';

/**
 * An app of one stack per environment, each built by `build`, synthesized as a user does; what it wrote and its error.
 * `nested`: the stacks sit under a plain construct, as some apps group them (cdktf synthesizes them all the same).
 */
function synthApp(stacks: Record<string, (stack: TerraformStack) => void>, { nested = false } = {}): { error?: string; files: string[] } {
  const outdir = tempDir('okta-sso-sp-objects-');
  const app = new App({ outdir });
  const parent = nested ? new Construct(app, 'envs') : app;
  for (const [id, build] of Object.entries(stacks)) {
    const stack = new TerraformStack(parent, id);
    new LocalBackend(stack, { path: `../../../state/${id}.tfstate` });
    build(stack);
  }
  const error = synthErrorOf(app);
  return { error, files: fs.existsSync(path.join(outdir, 'stacks')) ? listFiles(path.join(outdir, 'stacks')) : [] };
}

const TOKEN = SecretRef.fromEnv('SNOWFLAKE_SCIM_TOKEN');

describe('SP-side objects claimed twice, from code', () => {
  test.each([[false], [true]])('staging and prod on one Snowflake account (stacks under a construct: %s): both stacks fail, naming the other, and nothing is written', (nested) => {
    const prefix = nested ? 'envs/' : '';
    const { error, files } = synthApp({
      staging: (s) => new SnowflakeSso(s, 'snowflake', { account: 'acme-analytics', groups: ['Data'], provisioning: { token: TOKEN } }),
      prod: (s) => new SnowflakeSso(s, 'snowflake', { account: 'acme-analytics', groups: ['Data'], provisioning: { token: TOKEN } }),
    }, { nested });
    expect(error).toContain(
      `[${prefix}staging/snowflake] account: SAML2 integration "OKTA_SNOWFLAKE", SCIM integration "OKTA_SNOWFLAKE_SCIM" and role "OKTA_PROVISIONER" are also claimed by integration "snowflake" of stack prod in Snowflake account "acme-analytics"`,
    );
    expect(error).toContain(`[${prefix}prod/snowflake] account: SAML2 integration "OKTA_SNOWFLAKE", SCIM integration "OKTA_SNOWFLAKE_SCIM" and role "OKTA_PROVISIONER" are also claimed by integration "snowflake" of stack staging`);
    expect(files).toEqual([]);
  });

  test('staging and prod on accounts of their own: synthesized', () => {
    const { error, files } = synthApp({
      staging: (s) => new SnowflakeSso(s, 'snowflake', { account: 'acme-analytics_staging', groups: ['Data'] }),
      prod: (s) => new SnowflakeSso(s, 'snowflake', { account: 'acme-analytics', groups: ['Data'] }),
    });
    expect(error).toBeUndefined();
    expect(files).toContain('prod/cdk.tf.json');
  });

  test('two AivenSso on one authentication method in one stack: an error at methodId of each', () => {
    const { error } = synthApp({
      prod: (s) => {
        new AivenSso(s, 'aiven', { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93', groups: ['Engineering'] });
        new AivenSso(s, 'aiven-admins', { key: 'aiven_admins', accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93', groups: ['Admins'] });
      },
    });
    expect(error).toContain('[prod/aiven] methodId: Aiven authentication method "am0b8e61f3c93" of account "a0b8e61f3c92" is also claimed by integration "aiven_admins"');
    expect(error).toContain('[prod/aiven-admins] methodId: Aiven authentication method "am0b8e61f3c93" of account "a0b8e61f3c92" is also claimed by integration "aiven"');
  });

  test('two stacks configured with one environment name: the first fails, naming the second, and nothing is written', () => {
    const { error, files } = synthApp({
      blue: (s) => {
        SsoEnvironment.configure(s, { name: 'prod' });
        new AivenSso(s, 'aiven', { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93', groups: ['Engineering'] });
      },
      green: (s) => {
        SsoEnvironment.configure(s, { name: 'prod' });
        new AivenSso(s, 'aiven', { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c94', groups: ['Engineering'] });
      },
    });
    expect(error).toContain(`[blue/okta-sso] environment name "prod" is also the name of stack green's environment (SsoEnvironment.configure)`);
    expect(files).toEqual([]);
  });
});
