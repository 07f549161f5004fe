import { COMPLIANT, NOT_APPLICABLE, PolicyRule, nonCompliant } from './rule';

export const signedAssertions: PolicyRule = {
  id: 'SSO-003',
  level: 'error',
  title: 'signed assertions',
  reason: 'an unsigned assertion inside a signed response can be swapped (XML signature wrapping) by SPs that check only the outer signature',
  fix: 'set signing.assertionSigned: true (the default)',
  check({ app }) {
    if (app.body.preconfigured_app !== undefined && app.body.assertion_signed === undefined) return NOT_APPLICABLE;
    return app.body.assertion_signed === true ? COMPLIANT : nonCompliant(`signed assertion is ${JSON.stringify(app.body.assertion_signed ?? false)}`);
  },
};
