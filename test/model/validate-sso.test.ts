import { RULE_CATALOG, RuleId, SUPPRESSIBLE_RULES } from '../../model/rule-catalog';
import { SecretRef } from '../../model/provisioning/secret-ref';
import { validateSso } from '../../model/validate-sso';

const WIKI = { acsUrl: 'https://wiki.example.com/acs', audience: 'https://wiki.example.com', groups: ['Everyone'] };

describe('validateSso: the one check the constructs register and the config layer calls', () => {
  test('is computed once per props object: the construct built from config props reuses the config check', () => {
    const props = { ...WIKI };
    expect(validateSso('generic', 'wiki', props)).toBe(validateSso('generic', 'wiki', props));
    expect(validateSso('generic', 'wiki', { ...WIKI })).not.toBe(validateSso('generic', 'wiki', props));
  });

  test('a suppressed policy finding moves out of the problems, and the model is still built', () => {
    const v = validateSso('generic', 'wiki', { ...WIKI, acsUrl: 'http://wiki.example.com/acs', suppressions: [{ rule: RuleId.HTTPS_URLS, reason: 'intranet SP, TLS at the proxy' }] });
    expect(v.problems).toEqual([]);
    expect(v.suppressed.map((p) => p.rule)).toEqual(['SSO-001']);
    expect(v.rulesFound.has('SSO-001')).toBe(true);
    expect(v.model?.suppressions).toEqual([{ rule: 'SSO-001', reason: 'intranet SP, TLS at the proxy' }]);
  });

  test('input that cannot work leaves no model, whatever is suppressed', () => {
    const v = validateSso('generic', 'wiki', { audience: 'x' });
    expect(v.model).toBeUndefined();
    expect(v.problems.map((p) => [p.rule, p.field])).toEqual([['SSO-100', 'acsUrl']]);
  });

  test('suppressions: unknown rule, input rule, no reason, twice', () => {
    const v = validateSso('generic', 'wiki', {
      ...WIKI,
      suppressions: [
        { rule: 'SSO-404', reason: 'x' },
        { rule: RuleId.REQUIRED, reason: 'x' },
        { rule: RuleId.ASSIGNED_TO_GROUP, reason: ' ' },
        { rule: RuleId.SHA256_SIGNING, reason: 'a' },
        { rule: RuleId.SHA256_SIGNING, reason: 'b' },
      ],
    });
    expect(v.problems.map((p) => [p.field, p.rule])).toEqual([
      ['suppressions.0.rule', 'SSO-101'],
      ['suppressions.1.rule', 'SSO-102'],
      ['suppressions.2.reason', 'SSO-100'],
      ['suppressions.4.rule', 'SSO-103'],
    ]);
    expect(v.problems[0].message).toBe(`suppression of unknown rule "SSO-404" (did you mean SSO-004?); accepted: ${SUPPRESSIBLE_RULES.join(', ')}`);
    expect(v.problems[1].message).toMatch(/^SSO-100 \(required value\) cannot be suppressed: it finds input that cannot work/);
  });

  test('a prop another SP takes is named, with the props this SP accepts', () => {
    const v = validateSso('omni', 'omni', { acsUrl: 'https://a.omniapp.co/acs', audience: 'a.omniapp.co', accountId: 'a1' });
    expect(v.problems).toEqual([{ field: 'accountId', rule: 'SSO-102', message: expect.stringMatching(/^accountId is not a prop of OmniSso \(Omni\); accepted: acsUrl, adopt, attributeSync, /) }]);
  });

  test("the accepted props leave out the IdP record where the SP's record follows its own form (it would be refused)", () => {
    const omni = validateSso('omni', 'omni', { acsUrl: 'https://a.omniapp.co/acs', audience: 'a.omniapp.co', accountId: 'a1' } as never).problems[0].message;
    expect(omni).not.toMatch(/idpRecord/);
    const wiki = validateSso('generic', 'wiki', { acsUrl: 'https://wiki.example.com/acs', audience: 'urn:wiki', accountId: 'a1' } as never).problems[0].message;
    expect(wiki).toMatch(/accepted: .*idpRecord/);
  });

  test('every rule in the catalog is a policy rule (suppressible) or an input rule, by its ID', () => {
    for (const r of Object.values(RULE_CATALOG)) expect(r.suppressible).toBe(/^SSO-0\d\d$/.test(r.id));
  });
});

describe('props that are easy to get wrong from code', () => {
  test('a typo names the prop it probably meant', () => {
    const v = validateSso('atlan', 'atlan', { acsUrl: 'https://a.atlan.com/acs', audience: 'https://a.atlan.com', relaySate: 'https://a.atlan.com' } as never);
    expect(v.problems[0].message).toMatch(/^relaySate is not a prop of AtlanSso \(Atlan\); did you mean relayState\?; accepted: /);
  });

  test('renamedFrom must be a key as it was', () => {
    expect(validateSso('generic', 'wiki', { ...WIKI, renamedFrom: 'Old-Wiki' }).problems).toEqual([
      { field: 'renamedFrom', rule: 'SSO-101', message: expect.stringMatching(/^renamedFrom "Old-Wiki" is not an integration key \(did you mean "old_wiki"\?\); accepted: the key as it was, lowercase letters/) },
    ]);
  });

  test('an on-premises app takes no SCIM token: its connector has the credential', () => {
    const v = validateSso('onprem', 'hr', {
      ...WIKI,
      provisioning: { token: SecretRef.fromEnv('HR_TOKEN'), connector: { baseUrl: 'https://hr.corp.example/scim/v2/' } },
    });
    expect(v.problems.map((p) => [p.field, p.rule])).toEqual([['provisioning.token', 'SSO-102']]);
  });

  test('a secret-looking string given as the token is reported once, as a secret, never shown', () => {
    const leaked = 'ghp_x7Kq2mP9vR4tW8yZ1bN6cD3fG5hJ0kL2abcd';
    const v = validateSso('generic', 'wiki', { ...WIKI, provisioning: { token: leaked as never } });
    expect(v.problems.filter((p) => p.field === 'provisioning.token').map((p) => p.rule)).toEqual(['SSO-106']);
    expect(JSON.stringify(v.problems)).not.toContain(leaked);
  });
});

describe('props JavaScript can give against their types are problems at the prop, not errors from inside', () => {
  test('an attribute statement without values', () => {
    const v = validateSso('generic', 'wiki', { ...WIKI, attributes: [{ name: 'email' } as never] });
    expect(v.model).toBeUndefined();
    expect(v.problems).toEqual([expect.objectContaining({ field: 'attributes.0.values', message: 'attribute "email" has no values; accepted: a list of at least one Okta expression (user.email)' })]);
  });

  test('an IdP record field without a label', () => {
    const v = validateSso('generic', 'wiki', { ...WIKI, idpRecord: { fields: [{ from: 'issuer' } as never] } });
    expect(v.problems).toEqual([expect.objectContaining({ field: 'idpRecord.fields.0.label', message: expect.stringMatching(/^SP field 1 has label .*; accepted: the field's name as the SP's form shows it$/) })]);
  });
});
