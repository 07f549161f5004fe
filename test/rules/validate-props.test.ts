import { validateAivenSsoProps, validateGenericSamlSsoProps } from '../../index';
import { setsProp } from '../../rules/validate-props';

const WIKI = { acsUrl: 'https://wiki.example.com/acs', audience: 'https://wiki.example.com', groups: ['Everyone'] };

describe("the exported validators report every rule the props alone decide, the policy rules on the declared app included", () => {
  test('SHA-1 signing is SSO-002 at signing.algorithm, as the construct reports it at synth', () => {
    expect(validateGenericSamlSsoProps({ ...WIKI, signing: { algorithm: 'RSA_SHA1' } })).toEqual([
      { field: 'signing.algorithm', rule: 'SSO-002', message: expect.stringMatching(/^SSO-002 \(error\) generic: signature algorithm "RSA_SHA1", not SHA-256/) },
    ]);
  });

  test('a finding of the props is not reported twice by the policy rule that checks the same thing on the app', () => {
    expect(validateAivenSsoProps({ accountId: 'a1', methodId: 'm1', groups: ['G'], username: { format: 'login' } }).map((p) => p.rule)).toEqual(['SSO-004']);
    // An http relay state outside Aiven's consoles: SSO-006, not also SSO-001.
    expect(validateAivenSsoProps({ accountId: 'a1', methodId: 'm1', groups: ['G'], relayState: 'http://console.aiven.io' as never }).map((p) => p.rule)).toEqual(['SSO-006']);
  });

  test('valid props have no problem', () => {
    expect(validateGenericSamlSsoProps(WIKI)).toEqual([]);
  });

  test('setsProp reads dot paths, and an undefined value is not set', () => {
    expect(setsProp({ signing: { algorithm: 'RSA_SHA1' } }, 'signing.algorithm')).toBe(true);
    expect(setsProp({ signing: {} }, 'signing.algorithm')).toBe(false);
    expect(setsProp({ relayState: undefined }, 'relayState')).toBe(false);
  });
});
