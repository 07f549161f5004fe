import { RULE_CATALOG } from '../model/rule-catalog';
import { showValue } from '../model/show-value';
import { httpsUrlProblem } from '../model/saml-rules';
import { COMPLIANT, NOT_APPLICABLE, PolicyRule, nonCompliant } from './rule';

const URL_ATTRIBUTES: ReadonlyArray<[string, string]> = [
  ['sso_url', 'ACS URL'],
  ['recipient', 'recipient'],
  ['destination', 'destination'],
  ['default_relay_state', 'relay state'],
  ['single_logout_url', 'single logout URL'],
];

export const httpsUrls: PolicyRule = {
  ...RULE_CATALOG['SSO-001'],
  check({ app }) {
    const found = URL_ATTRIBUTES.filter(([attr]) => typeof app.body[attr] === 'string' && !String(app.body[attr]).startsWith('${'));
    if (found.length === 0) return NOT_APPLICABLE;
    const bad = found.flatMap(([attr, words]) => {
      const why = httpsUrlProblem(String(app.body[attr]));
      return why ? [`${words} ${showValue(app.body[attr])} ${why}`] : [];
    });
    return bad.length ? nonCompliant(bad.join('; ')) : COMPLIANT;
  },
};
