import { RULE_CATALOG } from '../model/rule-catalog';
import { COMPLIANT, PolicyRule, nonCompliant } from './rule';

export const preventDestroy: PolicyRule = {
  ...RULE_CATALOG['SSO-007'],
  check({ app }) {
    const lifecycle = app.body.lifecycle as { prevent_destroy?: unknown } | undefined;
    return lifecycle?.prevent_destroy === true ? COMPLIANT : nonCompliant(`${app.address} has no lifecycle.prevent_destroy`);
  },
};
