import { COMPLIANT, PolicyRule, nonCompliant } from './rule';

export const assignedToGroup: PolicyRule = {
  id: 'SSO-009',
  level: 'warning',
  title: 'app assigned to at least one group',
  reason: 'an app with no group is usable by nobody, or gets assigned by hand outside review',
  fix: 'add the Okta groups that should have the app under groups:',
  check({ groupsAssigned }) {
    return groupsAssigned > 0 ? COMPLIANT : nonCompliant('no Okta group is assigned');
  },
};
