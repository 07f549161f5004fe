import { RULE_CATALOG } from '../../model/rule-catalog';
import { signedAssertions } from '../../rules/sso-003-signed-assertions';
import { AppSubject } from '../../rules/rule';

/** A subject whose app has only the signing flags the rule reads. */
function app(body: Record<string, unknown>): AppSubject {
  const block = { type: 'okta_app_saml', address: 'okta_app_saml.wiki', body };
  return { key: 'wiki', app: block, blocks: [block], groupsAssigned: 1 };
}

const detail = (body: Record<string, unknown>) => {
  const outcome = signedAssertions.check(app(body));
  return outcome.status === 'non-compliant' ? outcome.detail : outcome.status;
};

// SSO-003 said "an unsigned assertion inside a signed response" even when the response was unsigned too.
describe('SSO-003 says what an unsigned assertion risks in its own case', () => {
  test('inside a signed response', () => {
    expect(detail({ assertion_signed: false, response_signed: true })).toBe('signed assertion is false, inside a signed response');
  });

  test('with the response unsigned too', () => {
    expect(detail({ assertion_signed: false, response_signed: false })).toBe('signed assertion is false, and the response is unsigned too');
  });

  test('a catalog app whose response signing is its own default: no claim about the response', () => {
    expect(detail({ preconfigured_app: 'acme_wiki', assertion_signed: false })).toBe('signed assertion is false');
  });

  test('the reason every finding is printed with is true in each case, not only inside a signed response', () => {
    expect(RULE_CATALOG['SSO-003'].reason).toMatch(/forged when the response is unsigned too/);
    expect(RULE_CATALOG['SSO-003'].reason).toMatch(/inside a signed response/);
  });

  test('a signed assertion is compliant', () => {
    expect(detail({ assertion_signed: true, response_signed: false })).toBe('compliant');
  });
});
