import { oneEnvConfig, synthConfig } from '../support/provisioning-config';

/** Snowflake's runbook steps name its own objects and URL, built from config: nothing left for the admin to fill in. */

const SNOWFLAKE = { preset: 'snowflake', provisioning: { token: 'env:SNOWFLAKE_SCIM_TOKEN' } };
const DEV = { snowflake: { account: 'acme-analytics_dev' } };

function steps(integrations: Record<string, unknown>, dev: Record<string, unknown>) {
  const { runbook } = synthConfig(oneEnvConfig(integrations, dev));
  const key = Object.keys(integrations)[0];
  const find = (slug: string) => runbook.steps.find((s) => s.id === `${key}.${slug}`)!;
  return { token: find('scim-token'), connection: find('scim-connection'), runbook };
}

describe('Snowflake runbook values', () => {
  test('the token step names the exact SCIM integration to generate the token for', () => {
    const { token } = steps({ snowflake: SNOWFLAKE }, { snowflake: DEV });
    expect(token.actions[0]).toContain("SELECT SYSTEM$GENERATE_SCIM_ACCESS_TOKEN('OKTA_SNOWFLAKE_SCIM')");
    expect(JSON.stringify(token)).not.toMatch(/<[^>]*integration name>/i);
    expect(token.values).toEqual({ 'Token location': expect.stringContaining('SNOWFLAKE_SCIM_TOKEN') });
  });

  test('follows snowflake.integrationName, and the name before a rename', () => {
    const named = steps({ snowflake: { ...SNOWFLAKE, snowflake: { integrationName: 'OKTA_BI' } } }, { snowflake: DEV });
    expect(named.token.actions[0]).toContain("SYSTEM$GENERATE_SCIM_ACCESS_TOKEN('OKTA_BI_SCIM')");
    const renamed = steps({ analytics: { ...SNOWFLAKE, renamedFrom: 'snowflake' } }, { analytics: DEV });
    expect(renamed.token.actions[0]).toContain("SYSTEM$GENERATE_SCIM_ACCESS_TOKEN('OKTA_SNOWFLAKE_SCIM')");
  });

  test("the SCIM connector base URL is Snowflake's /scim/v2/ on the account's hyphenated host", () => {
    const { connection } = steps({ snowflake: SNOWFLAKE }, { snowflake: DEV });
    expect(connection.values['SCIM connector base URL']).toBe('https://acme-analytics-dev.snowflakecomputing.com/scim/v2/');
  });

  test('a base URL in config still wins', () => {
    const { connection } = steps({ snowflake: { ...SNOWFLAKE, provisioning: { ...SNOWFLAKE.provisioning, scimBaseUrl: 'https://xy12345.us-east-2.aws.snowflakecomputing.com/scim/v2/' } } }, { snowflake: DEV });
    expect(connection.values['SCIM connector base URL']).toBe('https://xy12345.us-east-2.aws.snowflakecomputing.com/scim/v2/');
  });

  test('other SPs keep their own token source and the config-only base URL', () => {
    const { runbook } = synthConfig(
      oneEnvConfig({ atlan: { preset: 'atlan', acsUrl: 'https://acme.atlan.com/saml/acs', audience: 'https://acme.atlan.com/realm', provisioning: { token: 'env:ATLAN_TOKEN' } } }, { atlan: {} }),
    );
    expect(runbook.steps.find((s) => s.id === 'atlan.scim-token')!.actions[0]).toBe('In Atlan, create a SCIM token (SCIM provisioning is an Atlan premium feature).');
    expect(runbook.steps.find((s) => s.id === 'atlan.scim-connection')!.values['SCIM connector base URL']).toMatch(/^not in config/);
  });
});
