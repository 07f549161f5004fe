import { RuleId } from '../../model/rule-catalog';
import { validateSso } from '../../model/validate-sso';
import { evaluateIntegration } from '../../rules/evaluate-integration';
import { modelSubjects } from '../../rules/model-subjects';

/** The subject validate builds for one integration: its okta_app_saml as the model synthesizes it. */
function evaluate(props: Record<string, unknown>, preset = 'aiven') {
  const validation = validateSso(preset, 'x', { accountId: 'a1', methodId: 'm1', groups: ['G'], ...props });
  const subject = validation.model && modelSubjects({ name: 'dev', okta: { orgName: 'o', baseUrl: 'okta.com' }, backend: { type: 'local', path: 's' }, integrations: [validation.model] })[0];
  return evaluateIntegration(subject, validation);
}

describe('evaluateIntegration', () => {
  test("a rule found at the props is not reported again by the same rule on the synthesized app", () => {
    // Login usernames on Aiven: SSO-004 from the props; the app's user_name_template breaks SSO-004 too.
    const { errors } = evaluate({ username: { format: 'login' } });
    expect(errors.map((e) => [e.rule, e.source])).toEqual([['SSO-004', 'props']]);
  });

  test('a suppression is recorded with what its rule found, at the props or on the app', () => {
    const { errors, note } = evaluate({
      username: { format: 'login' },
      signing: { algorithm: 'RSA_SHA1' },
      suppressions: [
        { rule: RuleId.SP_USERNAME_FORMAT, reason: 'Aiven account uses logins, agreed with Aiven support' },
        { rule: RuleId.SHA256_SIGNING, reason: 'legacy IdP cert, rotating in Q3' },
        { rule: RuleId.IMPORT_GROUPS_OFF, reason: 'kept from before' },
      ],
    });
    expect(errors).toEqual([]);
    expect(note?.suppressions).toEqual([
      { rule: 'SSO-002', reason: 'legacy IdP cert, rotating in Q3', outcome: 'non-compliant' },
      { rule: 'SSO-004', reason: 'Aiven account uses logins, agreed with Aiven support', outcome: 'non-compliant' },
      { rule: 'SSO-005', reason: 'kept from before', outcome: 'not-applicable' },
    ]);
    expect(note?.warnings).toEqual(['x: suppression of SSO-005 is not needed (the rule is not-applicable); remove it']);
  });

  test('without a synthesized app (props that cannot work), only the props findings', () => {
    const { errors, note } = evaluate({ accountId: 'bad/id' });
    expect(errors.map((e) => [e.rule, e.props[0]])).toEqual([['SSO-101', 'accountId']]);
    expect(note).toBeUndefined();
  });
});
