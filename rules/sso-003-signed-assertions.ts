import { RULE_CATALOG } from '../model/rule-catalog';
import { showValue } from '../model/show-value';
import { COMPLIANT, NOT_APPLICABLE, PolicyRule, nonCompliant } from './rule';

export const signedAssertions: PolicyRule = {
  ...RULE_CATALOG['SSO-003'],
  check({ app }) {
    if (app.body.preconfigured_app !== undefined && app.body.assertion_signed === undefined) return NOT_APPLICABLE;
    if (app.body.assertion_signed === true) return COMPLIANT;
    // What an unsigned assertion risks depends on the response around it: say which case this is.
    const around = app.body.response_signed === true ? ', inside a signed response' : app.body.response_signed === false ? ', and the response is unsigned too' : '';
    return nonCompliant(`signed assertion is ${showValue(app.body.assertion_signed ?? false)}${around}`);
  },
};
