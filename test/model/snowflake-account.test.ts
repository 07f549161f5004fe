import { resolveSettings } from '../helpers';
import { parseSnowflakeAccount, snowflakeUrls } from '../../model/snowflake-account';

describe('Snowflake account identifiers', () => {
  test('orgname-account_name: split for the provider, hyphenated and lowercased for Okta URLs', () => {
    const a = parseSnowflakeAccount('Acme-Analytics_Prod');
    expect(a).toEqual({ identifier: 'Acme-Analytics_Prod', organizationName: 'Acme', accountName: 'Analytics_Prod', hostLabel: 'acme-analytics-prod' });
    expect(snowflakeUrls(a as never)).toEqual({
      acsUrl: 'https://acme-analytics-prod.snowflakecomputing.com/fed/login',
      entityId: 'https://acme-analytics-prod.snowflakecomputing.com',
      // Snowflake's SCIM API for SCIM access tokens, on the hyphenated host SCIM needs.
      scimBaseUrl: 'https://acme-analytics-prod.snowflakecomputing.com/scim/v2/',
    });
  });

  test.each([
    ['acme-analytics_', /is not a valid account identifier/],
    ['acme_corp-analytics', /is not a valid account identifier/],
    ['1acme-analytics', /is not a valid account identifier/],
    ['acme-ana lytics', /is not a valid account identifier/],
    ['acme', /is not a valid account identifier/],
    ['xy12345.us-east-2.aws', /looks like a legacy account locator/],
    ['https://acme-analytics.snowflakecomputing.com', /is a URL; write the account identifier only/],
    [`acme-${'a'.repeat(60)}`, /is 65 characters long/],
  ])('rejects %s', (identifier, message) => {
    const r = parseSnowflakeAccount(identifier);
    expect('problem' in r && r.problem).toMatch(message);
    expect('problem' in r && r.problem).toContain(JSON.stringify(identifier));
    expect('problem' in r && r.problem).toContain('accepted: an account identifier orgname-account_name');
  });
});

describe('snowflake preset', () => {
  test('builds the ACS URL and entity ID from the account, and the Snowflake model', () => {
    const r = resolveSettings('snowflake', { preset: 'snowflake', snowflake: { account: 'acme-analytics_dev', scim: true } });
    expect(r.problems).toEqual([]);
    expect(r.model!.saml).toMatchObject({
      acsUrl: 'https://acme-analytics-dev.snowflakecomputing.com/fed/login',
      audience: 'https://acme-analytics-dev.snowflakecomputing.com',
      label: 'Snowflake',
    });
    expect(r.model!.snowflake).toEqual({
      account: { identifier: 'acme-analytics_dev', organizationName: 'acme', accountName: 'analytics_dev', hostLabel: 'acme-analytics-dev' },
      integrationName: 'OKTA_SNOWFLAKE',
      loginPageLabel: 'Okta',
      scimIntegrationName: 'OKTA_SNOWFLAKE_SCIM',
    });
  });

  test('SCIM integration only when provisioning is on', () => {
    expect(resolveSettings('sf', { preset: 'snowflake', snowflake: { account: 'acme-x' } }).model!.snowflake!.scimIntegrationName).toBeUndefined();
    expect(resolveSettings('sf', { preset: 'snowflake', snowflake: { account: 'acme-x' }, provisioning: { token: 'env:SF_SCIM_TOKEN' } }).model!.snowflake!.scimIntegrationName).toBe('OKTA_SF_SCIM');
    expect(resolveSettings('sf', { preset: 'snowflake', snowflake: { account: 'acme-x', scim: false }, provisioning: { token: 'env:SF_SCIM_TOKEN' } }).model!.snowflake!.scimIntegrationName).toBeUndefined();
  });

  test('a missing or invalid account is a problem on snowflake.account', () => {
    expect(resolveSettings('sf', { preset: 'snowflake' }).problems).toEqual([{ field: 'snowflake.account', message: expect.stringContaining('missing required value: the Snowflake account identifier'), rule: 'SSO-100' }]);
    const bad = resolveSettings('sf', { preset: 'snowflake', snowflake: { account: 'acme_analytics' } });
    expect(bad.model).toBeUndefined();
    expect(bad.problems).toEqual([{ field: 'snowflake.account', message: expect.stringContaining('Snowflake account "acme_analytics" is not a valid account identifier'), rule: 'SSO-101' }]);
  });
});
