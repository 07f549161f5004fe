import { RULE_CATALOG } from '../model/rule-catalog';
import { COMPLIANT, PolicyRule, nonCompliant } from './rule';

export const assignedToGroup: PolicyRule = {
  ...RULE_CATALOG['SSO-009'],
  check({ groupsAssigned }) {
    return groupsAssigned > 0 ? COMPLIANT : nonCompliant('no Okta group is assigned');
  },
};
