import * as fs from 'fs';
import * as path from 'path';
import { OKTA_DATA_REFRESH, OKTA_PER_RUN, OKTA_RESOURCE_REFRESH, OKTA_SOURCE_RELEASE, RefreshCallEstimate, UNKNOWN_CALLS_EACH, estimateRefreshCalls } from '../../model/okta-api-calls';
import { EXAMPLE_DIR } from '../helpers';
import { GENERIC, oneEnvConfig, synthConfig } from '../support/provisioning-config';

const CREDENTIALS = OKTA_PER_RUN.credentials.type;
const ORG_PIPELINE = OKTA_PER_RUN.orgPipeline.type;

const rowOf = (e: RefreshCallEstimate, type: string) => e.rows.find((r) => r.type === type);
const blocks = (stack: any, kind: 'resource' | 'data', type: string): number => Object.keys(stack[kind]?.[type] ?? {}).length;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** Calls per instance as read from okta/okta v6.12.0, written out here so that a change to the table or the counting fails a test. */
const EACH: Record<string, number> = {
  okta_app_saml: 3,
  okta_app_group_assignments: 1,
  okta_group: 1,
  okta_push_group: 1,
  okta_profile_mapping: 1,
  okta_app_user_schema_property: 1,
  okta_app_features: 1,
  okta_app_connection: 1,
  'data.okta_group': 1,
  'data.okta_user_profile_mapping_source': 1,
};

describe('the example organisation (every okta type it emits, plus Snowflake)', () => {
  const { outdir } = synthConfig(EXAMPLE_DIR, 'prod');
  const stacks = Object.fromEntries(['dev', 'staging', 'prod'].map((env) => [env, JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', env, 'cdk.tf.json'), 'utf8'))]));
  const estimates = Object.fromEntries(Object.entries(stacks).map(([env, stack]) => [env, estimateRefreshCalls(stack)]));
  const kindOf = (type: string): readonly ['data' | 'resource', string] => (type.startsWith('data.') ? ['data', type.slice(5)] : ['resource', type]);

  test.each(Object.keys(EACH).filter((t) => !['okta_app_features', 'okta_app_connection'].includes(t)))('%s: one row per stack, instances x calls each', (type) => {
    const [kind, name] = kindOf(type);
    expect(Object.values(stacks).some((stack) => blocks(stack, kind, name) > 0)).toBe(true);
    for (const [env, stack] of Object.entries(stacks)) {
      const n = blocks(stack, kind, name);
      const row = rowOf(estimates[env], type);
      if (n === 0) expect(row).toBeUndefined();
      else expect(row).toEqual({ type, count: n, callsEach: (kind === 'data' ? OKTA_DATA_REFRESH : OKTA_RESOURCE_REFRESH)[name].callsEach, calls: n * EACH[type] });
    }
  });

  test('the okta provider is configured once per stack: two credential checks and one org pipeline check per run', () => {
    for (const estimate of Object.values(estimates)) {
      expect(rowOf(estimate, CREDENTIALS)).toMatchObject({ count: 1, calls: 2 });
      expect(rowOf(estimate, ORG_PIPELINE)).toMatchObject({ count: 1, calls: 1 });
    }
  });

  test('Snowflake resources are listed with 0 calls and left out of the total', () => {
    const snowflake = estimates.prod.rows.filter((r) => r.type.startsWith('snowflake_'));
    expect(snowflake.map((r) => r.type)).toEqual(Object.keys(stacks.prod.resource).filter((t) => t.startsWith('snowflake_')).sort());
    for (const r of snowflake) expect(r).toMatchObject({ calls: 0, callsEach: '0 (provider snowflake: not an Okta API call)' });
  });

  test('each total is the sum of the okta rows, and nothing is unknown', () => {
    for (const [env, stack] of Object.entries(stacks)) {
      const expected = Object.entries(EACH).reduce((sum, [type, each]) => sum + each * blocks(stack, ...kindOf(type)), 3);
      expect(estimates[env].total).toBe(expected);
      expect(estimates[env].total).toBe(estimates[env].rows.reduce((s, r) => s + r.calls, 0));
      expect(estimates[env].unknownTypes).toEqual([]);
      expect(estimates[env].rows.some((r) => r.unknown)).toBe(false);
    }
  });

  test('deterministic: the same stack gives the same rows in the same order', () => {
    expect(estimateRefreshCalls(clone(stacks.prod))).toEqual(estimates.prod);
  });
});

describe('conditions that change the count', () => {
  const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  const { stack } = synthConfig(
    oneEnvConfig(
      { active: GENERIC, paused: GENERIC, big: GENERIC, full: GENERIC },
      {
        active: { groups: ['Everyone'] },
        paused: { status: 'INACTIVE', groups: ['Everyone'] },
        big: { groups: names(201, 'Big') },
        full: { groups: names(200, 'Full') },
      },
    ),
  );
  const estimate = estimateRefreshCalls(stack);

  test('an INACTIVE app skips the SAML metadata call: 2 calls instead of 3', () => {
    expect(stack.resource.okta_app_saml.paused.status).toBe('INACTIVE');
    expect(rowOf(estimate, 'okta_app_saml')).toEqual({ type: 'okta_app_saml', count: 4, callsEach: '3 (2 when status is INACTIVE)', calls: 3 + 2 + 3 + 3 });
  });

  test('more than 200 groups on one app cost a second page of assignments; 200 fit in one', () => {
    expect(stack.resource.okta_app_group_assignments.big.group).toHaveLength(201);
    expect(stack.resource.okta_app_group_assignments.full.group).toHaveLength(200);
    expect(rowOf(estimate, 'okta_app_group_assignments')).toEqual({ type: 'okta_app_group_assignments', count: 4, callsEach: '1 per 200 assigned groups', calls: 1 + 1 + 2 + 1 });
  });

  test('each group is looked up once however many apps use it (one call each, no paging)', () => {
    expect(rowOf(estimate, 'data.okta_group')).toMatchObject({ count: 1 + 201 + 200, calls: 1 + 201 + 200 });
  });

  test('include_users on a group lookup adds its member pages (at least one)', () => {
    const s = clone(stack);
    s.data.okta_group.group_everyone.include_users = true;
    expect(rowOf(estimateRefreshCalls(s), 'data.okta_group')!.calls).toBe(rowOf(estimate, 'data.okta_group')!.calls + 1);
  });

  test('skip_authentication_policy on every app drops the per-run org pipeline check, and no per-app call', () => {
    const s = clone(stack);
    for (const app of Object.values<any>(s.resource.okta_app_saml)) app.skip_authentication_policy = true;
    const e = estimateRefreshCalls(s);
    expect(rowOf(e, ORG_PIPELINE)).toBeUndefined();
    expect(rowOf(e, 'okta_app_saml')!.calls).toBe(rowOf(estimate, 'okta_app_saml')!.calls);
    expect(e.total).toBe(estimate.total - 1);
  });

  test('a literal count or for_each multiplies the instances', () => {
    const s = clone(stack);
    s.resource.okta_group = { three: { name: 'x', count: 3 }, keyed: { name: 'y', for_each: { a: 1, b: 2 } }, none: { name: 'z', count: 0 } };
    expect(rowOf(estimateRefreshCalls(s), 'okta_group')).toMatchObject({ count: 5, calls: 5 });
  });
});

test('catalog app with Terraform-managed provisioning: okta_app_connection and okta_app_features, 1 call each', () => {
  const { stack } = synthConfig(
    oneEnvConfig(
      {
        org2: {
          ...GENERIC,
          catalogApp: { key: 'okta_org2org', settings: { baseUrl: 'https://partner.okta.com' } },
          groups: ['Engineering'],
          provisioning: { token: 'env:ORG2ORG_TOKEN', terraformManaged: true, scimBaseUrl: 'https://partner.okta.com', pushGroups: [{ group: 'Engineering' }] },
        },
      },
      { org2: {} },
    ),
  );
  const estimate = estimateRefreshCalls(stack);
  expect(rowOf(estimate, 'okta_app_connection')).toEqual({ type: 'okta_app_connection', count: 1, callsEach: '1', calls: 1 });
  expect(rowOf(estimate, 'okta_app_features')).toEqual({ type: 'okta_app_features', count: 1, callsEach: '1', calls: 1 });
  // app 3, assignments 1, push group 1, group lookup 1, connection 1, features 1, per run 2 + 1.
  expect(estimate.total).toBe(11);
});

describe('types the table does not know', () => {
  const { stack } = synthConfig(oneEnvConfig({ wiki: GENERIC }, { wiki: { groups: ['Everyone'] } }));
  const base = estimateRefreshCalls(stack);

  test('an okta resource or data source outside the table is a row flagged unknown, counted as 1 call each (a lower bound), never 0', () => {
    const s = clone(stack);
    s.resource.okta_app_oauth = { a: { label: 'A' }, b: { label: 'B' } };
    s.data.okta_everyone_group = { everyone: {} };
    const e = estimateRefreshCalls(s);
    expect(rowOf(e, 'okta_app_oauth')).toEqual({ type: 'okta_app_oauth', count: 2, callsEach: UNKNOWN_CALLS_EACH, calls: 2, unknown: true });
    expect(rowOf(e, 'data.okta_everyone_group')).toEqual({ type: 'data.okta_everyone_group', count: 1, callsEach: UNKNOWN_CALLS_EACH, calls: 1, unknown: true });
    expect(e.unknownTypes).toEqual(['data.okta_everyone_group', 'okta_app_oauth']);
    expect(e.total).toBe(base.total + 3);
  });

  test('a resource of another provider is 0 calls, by its provider local name (not by a guess at the type)', () => {
    const s = clone(stack);
    s.resource.aws_s3_bucket = { logs: { bucket: 'logs' } };
    s.resource.oktaish_thing = { x: {} };
    const e = estimateRefreshCalls(s);
    expect(rowOf(e, 'aws_s3_bucket')).toMatchObject({ calls: 0, callsEach: '0 (provider aws: not an Okta API call)' });
    expect(rowOf(e, 'oktaish_thing')).toMatchObject({ calls: 0 });
    expect(e.unknownTypes).toEqual([]);
    expect(e.total).toBe(base.total);
  });

  test('a block that names an okta provider alias counts as okta, and each provider configuration checks credentials once', () => {
    const s = clone(stack);
    s.provider.okta.push({ alias: 'second', org_name: 'other' });
    s.resource.okta_group = { elsewhere: { name: 'Elsewhere', provider: 'okta.second' } };
    const e = estimateRefreshCalls(s);
    expect(rowOf(e, 'okta_group')).toMatchObject({ count: 1, calls: 1 });
    expect(rowOf(e, CREDENTIALS)).toMatchObject({ count: 2, calls: 4 });
    // Only the default configuration reads a SAML app.
    expect(rowOf(e, ORG_PIPELINE)).toMatchObject({ count: 1, calls: 1 });
  });
});

describe('per-run rows', () => {
  test('a stack without okta blocks has no per-run rows and a total of 0', () => {
    const e = estimateRefreshCalls({ resource: { snowflake_account_role: { r: { name: 'R', provider: 'snowflake.acme' } } }, terraform: { required_providers: { snowflake: { source: 'snowflakedb/snowflake' } } } });
    expect(e.total).toBe(0);
    expect(e.rows).toEqual([{ type: 'snowflake_account_role', count: 1, callsEach: '0 (provider snowflake: not an Okta API call)', calls: 0 }]);
  });

  test('input that is not a stack gives an empty estimate, never an exception', () => {
    for (const input of [undefined, null, 3, 'text', [], { resource: 'x', data: [1] }, { resource: { okta_app_saml: null } }]) {
      expect(estimateRefreshCalls(input)).toEqual({ total: 0, rows: [], unknownTypes: [] });
    }
  });

  test('a type named like an Object.prototype key is just an unknown okta type or another provider', () => {
    // JSON.parse makes `__proto__` an own key, as in a parsed cdk.tf.json.
    const e = estimateRefreshCalls(JSON.parse('{"resource": {"okta_constructor": {"x": {}}, "__proto__": {"x": {}}}, "terraform": {"required_providers": {"okta": {"source": "okta/okta"}}}}'));
    expect(rowOf(e, 'okta_constructor')).toMatchObject({ unknown: true, calls: 1 });
    expect(rowOf(e, '__proto__')).toMatchObject({ calls: 0 });
    expect(e.total).toBe(1 + 2);
  });
});

describe('docs/okta-api-calls.md', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'okta-api-calls.md'), 'utf8');

  test.each([...Object.entries(OKTA_RESOURCE_REFRESH), ...Object.entries(OKTA_DATA_REFRESH).map(([t, c]) => [`data.${t}`, c] as const)])(
    '%s: its calls (method and path) and source functions are documented',
    (type, cost) => {
      expect(doc).toContain(`\`${type}\``);
      for (const call of cost.calls) expect(doc).toContain(`${call.method} ${call.path}`);
      for (const source of cost.sources) expect(doc).toContain(source.function);
    },
  );

  test('names the release the counts come from', () => {
    expect(doc).toContain(OKTA_SOURCE_RELEASE);
  });
});
