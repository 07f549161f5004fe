import { resolvedIntegration, synthDevEnvironment } from '../helpers';

const model = resolvedIntegration;

const synthEnv = synthDevEnvironment;

const snowflake = (key: string, account: string, extra: object = {}) => model(key, { preset: 'snowflake', snowflake: { account, scim: true, ...extra } });
const ROLE_TYPES = ['snowflake_account_role', 'snowflake_grant_privileges_to_account_role', 'snowflake_grant_account_role'];
const roleAddresses = (json: any) => ROLE_TYPES.flatMap((t) => Object.keys(json.resource[t] ?? {}).map((n) => `${t}.${n}`));

describe('OKTA_PROVISIONER role for the Snowflake SCIM integration', () => {
  test("Snowflake's Okta SCIM setup as resources: the role, CREATE USER and CREATE ROLE on the account, granted to ACCOUNTADMIN", () => {
    const json = synthEnv([snowflake('snowflake', 'acme-analytics_dev')]);
    const provider = 'snowflake.snowflake_acme_analytics_dev';
    const role = json.resource.snowflake_account_role.okta_provisioner_acme_analytics_dev;
    expect(role).toMatchObject({ name: 'OKTA_PROVISIONER', provider, lifecycle: { prevent_destroy: true } });
    const ref = '${snowflake_account_role.okta_provisioner_acme_analytics_dev.name}';
    expect(json.resource.snowflake_grant_privileges_to_account_role.okta_provisioner_acme_analytics_dev).toMatchObject({
      account_role_name: ref,
      on_account: true,
      privileges: ['CREATE ROLE', 'CREATE USER'],
      provider,
    });
    expect(json.resource.snowflake_grant_account_role.okta_provisioner_acme_analytics_dev).toMatchObject({ role_name: ref, parent_role_name: 'ACCOUNTADMIN', provider });
  });

  test('the SCIM integration runs as the role and depends on the role and both grants', () => {
    const scim = synthEnv([snowflake('snowflake', 'acme-analytics_dev')]).resource.snowflake_scim_integration.snowflake;
    expect(scim.run_as_role).toBe('OKTA_PROVISIONER');
    expect([...scim.depends_on].sort()).toEqual([
      'snowflake_account_role.okta_provisioner_acme_analytics_dev',
      'snowflake_grant_account_role.okta_provisioner_acme_analytics_dev',
      'snowflake_grant_privileges_to_account_role.okta_provisioner_acme_analytics_dev',
    ]);
  });

  test('declared once per account: two integrations in one account share it, another account gets its own', () => {
    const json = synthEnv([
      snowflake('snowflake', 'acme-analytics_dev'),
      snowflake('snowflake_bi', 'acme-analytics_dev', { integrationName: 'OKTA_BI' }),
      snowflake('snowflake_eu', 'acme-eu_analytics'),
    ]);
    expect(roleAddresses(json).sort()).toEqual([
      'snowflake_account_role.okta_provisioner_acme_analytics_dev',
      'snowflake_account_role.okta_provisioner_acme_eu_analytics',
      'snowflake_grant_account_role.okta_provisioner_acme_analytics_dev',
      'snowflake_grant_account_role.okta_provisioner_acme_eu_analytics',
      'snowflake_grant_privileges_to_account_role.okta_provisioner_acme_analytics_dev',
      'snowflake_grant_privileges_to_account_role.okta_provisioner_acme_eu_analytics',
    ]);
    expect(json.resource.snowflake_account_role.okta_provisioner_acme_eu_analytics.provider).toBe('snowflake.snowflake_acme_eu_analytics');
    expect(json.resource.snowflake_scim_integration.snowflake_bi.depends_on).toEqual(json.resource.snowflake_scim_integration.snowflake.depends_on);
  });

  test('none without a SCIM integration', () => {
    const json = synthEnv([snowflake('snowflake', 'acme-analytics_dev', { scim: false })]);
    expect(json.resource.snowflake_saml2_integration.snowflake).toBeDefined();
    expect(roleAddresses(json)).toEqual([]);
  });

  test('belongs to no integration: renaming the integration keeps its addresses and moves nothing of it', () => {
    const before = synthEnv([snowflake('snowflake', 'acme-analytics_dev')]);
    const after = synthEnv([model('analytics', { preset: 'snowflake', renamedFrom: 'snowflake', snowflake: { account: 'acme-analytics_dev', scim: true } })]);
    expect(roleAddresses(after)).toEqual(roleAddresses(before));
    expect(after.moved.map((m: any) => m.from)).not.toContainEqual(expect.stringMatching(/okta_provisioner/));
    expect(before.resource.snowflake_account_role.okta_provisioner_acme_analytics_dev['//'].metadata.path).not.toMatch(/^dev\/snowflake\//);
  });
});
