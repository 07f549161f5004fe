import { checkSpObjects } from '../../model/sp-objects';
import { IntegrationModel } from '../../model/types';
import { resolveSettings } from '../helpers';

function model(key: string, settings: Record<string, unknown>): IntegrationModel {
  const resolved = resolveSettings(key, settings);
  if (!resolved.model) throw new Error(`${key}: ${JSON.stringify(resolved.problems)}`);
  return resolved.model;
}

const env = (id: string, ...integrations: IntegrationModel[]) => ({ id, shown: `environment "${id}"`, integrations });
const snowflake = (key: string, account: string, extra: Record<string, unknown> = {}) => model(key, { preset: 'snowflake', snowflake: { account, ...extra } });
const scim = { provisioning: { method: 'scim', token: 'env:SNOWFLAKE_SCIM_TOKEN' } };
const aiven = (key: string, methodId: string) => model(key, { preset: 'aiven', aiven: { accountId: 'a0b8e61f3c92', methodId } });

describe('checkSpObjects', () => {
  test('two environments on one Snowflake account with one integration name: each is reported, naming the other', () => {
    const problems = checkSpObjects([env('staging', snowflake('snowflake', 'acme-analytics')), env('prod', snowflake('snowflake', 'ACME-Analytics'))]);
    expect(problems.map((p) => [p.environment, p.integration, p.prop])).toEqual([
      ['staging', 'snowflake', 'account'],
      ['prod', 'snowflake', 'account'],
    ]);
    expect(problems[0].message).toBe(
      'SAML2 integration "OKTA_SNOWFLAKE" is also claimed by integration "snowflake" of environment "prod" in Snowflake account "acme-analytics": two Terraform resources would manage one Snowflake object: ' +
        'each apply would set it to its own values (a security integration to its own Okta app, breaking sign-in or provisioning through the other), and a destroy of either would drop it; accepted: a Snowflake account per environment, or another integrationName',
    );
  });

  test('one account, other integration names, no SCIM: compliant', () => {
    expect(checkSpObjects([env('staging', snowflake('snowflake', 'acme-analytics', { integrationName: 'OKTA_STAGING' })), env('prod', snowflake('snowflake', 'acme-analytics'))])).toEqual([]);
  });

  test('one account, other integration names, SCIM in both: the OKTA_PROVISIONER role, one per account, is claimed twice', () => {
    const problems = checkSpObjects([
      env('staging', model('snowflake', { preset: 'snowflake', snowflake: { account: 'acme-analytics', integrationName: 'OKTA_STAGING' }, ...scim })),
      env('prod', model('snowflake', { preset: 'snowflake', snowflake: { account: 'acme-analytics' }, ...scim })),
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0].message).toMatch(/^role "OKTA_PROVISIONER" is also claimed by integration "snowflake" of environment "prod" .*; accepted: a Snowflake account per environment with SCIM provisioning/);
  });

  test('two integrations of one environment sharing the account and SCIM: one role for the stack, compliant', () => {
    const a = model('sf_a', { preset: 'snowflake', snowflake: { account: 'acme-analytics' }, ...scim });
    const b = model('sf_b', { preset: 'snowflake', snowflake: { account: 'acme-analytics' }, ...scim });
    expect(checkSpObjects([env('prod', a, b)])).toEqual([]);
  });

  test('names that differ only in case are two Snowflake objects (the provider quotes names): compliant', () => {
    expect(checkSpObjects([env('staging', snowflake('snowflake', 'Acme-Analytics', { integrationName: 'okta_snowflake' })), env('prod', snowflake('snowflake', 'acme-analytics'))])).toEqual([]);
  });

  test("one integration's SAML2 name is another's SCIM integration name: one namespace, reported", () => {
    const withScim = model('snowflake', { preset: 'snowflake', snowflake: { account: 'acme-analytics' }, ...scim });
    const named = snowflake('snowflake_scim', 'acme-analytics');
    const problems = checkSpObjects([env('prod', withScim, named)]);
    expect(problems.map((p) => p.integration)).toEqual(['snowflake', 'snowflake_scim']);
    expect(problems[0].message).toMatch(/^SCIM integration "OKTA_SNOWFLAKE_SCIM" is also claimed by integration "snowflake_scim" in Snowflake account/);
  });

  test('other accounts: compliant', () => {
    expect(checkSpObjects([env('staging', snowflake('snowflake', 'acme-analytics_staging')), env('prod', snowflake('snowflake', 'acme-analytics'))])).toEqual([]);
  });

  test('two Aiven integrations on one authentication method, in one environment: both reported', () => {
    const problems = checkSpObjects([env('prod', aiven('aiven', 'am0b8e61f3c93'), aiven('aiven_admins', 'am0b8e61f3c93'))]);
    expect(problems.map((p) => [p.integration, p.prop])).toEqual([
      ['aiven', 'methodId'],
      ['aiven_admins', 'methodId'],
    ]);
    expect(problems[0].message).toMatch(/^Aiven authentication method "am0b8e61f3c93" of account "a0b8e61f3c92" is also claimed by integration "aiven_admins": an Aiven authentication method trusts one identity provider/);
  });

  test('Aiven methods of their own: compliant', () => {
    expect(checkSpObjects([env('dev', aiven('aiven', 'am0b8e61f3c94')), env('prod', aiven('aiven', 'am0b8e61f3c93'))])).toEqual([]);
  });

  test('a Terraform token is not compared (known only at apply)', () => {
    const token = '${TfToken[TOKEN.1]}';
    const a = aiven('aiven', 'am0b8e61f3c93');
    const withToken = (m: IntegrationModel) => ({ ...m, props: { ...m.props, methodId: token } });
    expect(checkSpObjects([env('dev', withToken(a)), env('prod', withToken(a))])).toEqual([]);
  });

  test('linear: 20,000 Snowflake integrations on their own accounts are judged at once', () => {
    const base = snowflake('snowflake', 'acme-analytics');
    const many = Array.from({ length: 20_000 }, (_, i) => ({ ...base, key: `sf${i}`, snowflake: { ...base.snowflake!, account: { ...base.snowflake!.account, accountName: `a${i}`, identifier: `acme-a${i}` } } }));
    const started = Date.now();
    expect(checkSpObjects([env('prod', ...many)])).toEqual([]);
    // A bound far above normal (about 50 ms): only a quadratic blow-up reaches it.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
