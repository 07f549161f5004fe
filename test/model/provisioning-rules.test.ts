import { resolveSettings } from '../helpers';
import { Testing } from 'cdktf';
import { PRESETS } from '../../model/presets';
import { PROVISIONING_RULES, checkProvisioning } from '../../model/provisioning/rules';
import { SecretRef } from '../../model/provisioning/secret-ref';
import { isUnresolved } from '../../model/unresolved';
import { OktaEnvironmentStack } from '../../stacks/okta-environment-stack';
import { AIVEN, ONPREM, OMNI } from '../support/provisioning-config';

/** Props with `env:`/`secret:` tokens as SecretRef, as config and code give them; anything else stays as written. */
const ref = (v: unknown) => (typeof v === 'string' ? SecretRef.parse(v) ?? v : v);
const ctx = (settings: Record<string, any>, preset = 'aiven', groups: string[] = []) => ({
  settings: {
    ...settings,
    ...(settings.token !== undefined ? { token: ref(settings.token) } : {}),
    ...(settings.connector?.auth?.credential !== undefined ? { connector: { ...settings.connector, auth: { ...settings.connector.auth, credential: ref(settings.connector.auth.credential) } } } : {}),
  } as any,
  preset: PRESETS[preset],
  groups: groups.map((name) => ({ name, create: false })),
  isUnresolved,
});

describe('provisioning rules (model layer, usable without the config loader)', () => {
  test('rule IDs are unique and stable', () => {
    const ids = PROVISIONING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['import-groups-forbidden', 'feature-supported', 'token-is-reference', 'push-group-assigned', 'terraform-managed-supported']));
  });

  test('a token or connector credential given as a string (JavaScript callers) is rejected without echoing it', () => {
    const problems = [
      ...checkProvisioning(ctx({ token: 'literal-secret-value' })),
      ...checkProvisioning(ctx({ connector: { baseUrl: 'https://scim.corp.example/scim/v2/', auth: { type: 'basic', credential: 'user:pa55' } } }, 'onprem')),
    ];
    expect(problems.map((p) => p.field)).toEqual(['provisioning.token', 'provisioning.connector.auth.credential']);
    for (const p of problems) expect(p.message).not.toMatch(/literal-secret-value|pa55/);
  });

  test('references are accepted', () => {
    expect(checkProvisioning(ctx({ token: 'env:AIVEN_SCIM_TOKEN' }))).toEqual([]);
    expect(checkProvisioning(ctx({ token: 'secret:vault/okta/aiven' }))).toEqual([]);
  });

  test('first-login is Omni-only, and SCIM-only settings are rejected with it', () => {
    expect(checkProvisioning(ctx({ method: 'first-login' }, 'aiven')).map((p) => p.field)).toEqual(['provisioning.method']);
    expect(checkProvisioning(ctx({ method: 'first-login', token: 'env:X', pushGroups: [{ group: 'A' }] }, 'omni', ['A'])).map((p) => p.field)).toEqual([
      'provisioning.pushGroups',
      'provisioning.token',
    ]);
  });

  test('a connector over http with a credential is SSO-001 (the agent would send it in clear text); without one it is not', () => {
    const connector = (auth: object) => ({ connector: { baseUrl: 'http://scim.corp.example/scim/v2/', auth } });
    expect(checkProvisioning(ctx(connector({ type: 'basic', credential: 'env:HR_SCIM' }), 'onprem')).map((p) => [p.rule, p.field, p.message])).toEqual([
      ['SSO-001', 'provisioning.connector.baseUrl', expect.stringContaining('uses http with authorization type basic: the Okta Provisioning Agent would send the credential in clear text')],
    ]);
    expect(checkProvisioning(ctx(connector({ type: 'none' }), 'onprem'))).toEqual([]);
  });

  test('a connector credential without an authorization type: says no type is set (none), not as if "none" were written', () => {
    const message = (auth: object) =>
      checkProvisioning(ctx({ connector: { baseUrl: 'https://scim.corp.example/scim/v2/', auth: { ...auth, credential: 'env:HR_SCIM' } } }, 'onprem')).map((p) => p.message);
    expect(message({})).toEqual(['no authorization type is set (none), which takes no credential; accepted: type basic or header, or no credential']);
    expect(message({ type: 'none' })).toEqual(['authorization type none, which takes no credential; accepted: type basic or header, or no credential']);
    expect(message({ type: 'header' })).toEqual(['authorization type header needs headerName, e.g. Authorization']);
  });

  test('a push group listed twice: one problem, not also its target taken twice; another group on one target: the target', () => {
    const problems = checkProvisioning(ctx({ token: 'env:X', pushGroups: [{ group: 'A', target: 'a' }, { group: 'A', target: 'a' }] }, 'aiven', ['A']));
    expect(problems.map((p) => p.field)).toEqual(['provisioning.pushGroups.1.group']);
    const onOneTarget = checkProvisioning(ctx({ token: 'env:X', pushGroups: [{ group: 'A', target: 'a' }, { group: 'B', target: 'a' }] }, 'aiven', ['A', 'B']));
    expect(onOneTarget.map((p) => p.field)).toEqual(['provisioning.pushGroups.1.target']);
  });

  test('attribute sync needs SCIM, and each attribute once', () => {
    const noScim = resolveSettings('omni', { ...OMNI, provisioning: { method: 'first-login' }, attributeSync: [{ attribute: 'title', from: 'user.title' }] } as any);
    expect(noScim.problems.map((p) => p.field)).toEqual(['attributeSync']);
    const twice = resolveSettings('aiven', { ...AIVEN, provisioning: { token: 'env:X' }, attributeSync: [{ attribute: 'title', from: 'user.title' }, { attribute: 'title', from: 'user.nickName' }] } as any);
    expect(twice.problems.map((p) => p.field)).toEqual(['attributeSync.1.attribute']);
  });

  test('on-prem connector URLs: version in the path and trailing slash', () => {
    const field = (baseUrl: string) => checkProvisioning(ctx({ connector: { baseUrl } }, 'onprem')).map((p) => p.message);
    expect(field('https://scim.corp.example/scim/v2/')).toEqual([]);
    expect(field('http://localhost:8080/scim/v1/')).toEqual([]);
    expect(field('https://scim.corp.example/scim/v2')).toEqual([expect.stringMatching(/trailing slash/)]);
    expect(field('https://scim.corp.example/scim/')).toEqual([expect.stringMatching(/no SCIM version/)]);
    expect(checkProvisioning(ctx({ token: 'env:X', connector: { baseUrl: 'https://a/scim/v2/' } }, 'aiven')).map((p) => p.field)).toEqual(['provisioning.connector']);
  });

  test('the stack itself rejects a provider constraint too old for a resource in use', () => {
    const resolved = resolveSettings('hr', { ...ONPREM, groups: ['HR'], provisioning: { connected: true, connector: { baseUrl: 'https://scim.corp.example/scim/v2/' }, pushGroups: [{ group: 'HR' }] } } as any);
    expect(resolved.problems).toEqual([]);
    const app = Testing.app();
    const stack = new OktaEnvironmentStack(app, 'dev', {
      environment: { name: 'dev', okta: { orgName: 'acme', baseUrl: 'okta.com', providerVersion: '>= 6.0.0' }, backend: { type: 'local', path: 'state/dev.tfstate' }, integrations: [resolved.model!] },
    });
    expect(() => Testing.synth(stack, true)).toThrow(/\[dev\/okta-sso\] providerVersion: .*okta_push_group \(used by hr\) needs >= 6.6.0/);
  });
});
