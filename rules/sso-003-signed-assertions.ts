import { RULE_CATALOG } from '../model/rule-catalog';
import { showValue } from '../model/show-value';
import { COMPLIANT, NOT_APPLICABLE, PolicyRule, nonCompliant } from './rule';

export const signedAssertions: PolicyRule = {
  ...RULE_CATALOG['SSO-003'],
  check({ app }) {
    if (app.body.preconfigured_app !== undefined && app.body.assertion_signed === undefined) return NOT_APPLICABLE;
    return app.body.assertion_signed === true ? COMPLIANT : nonCompliant(`signed assertion is ${showValue(app.body.assertion_signed ?? false)}`);
  },
};
