import { RULE_CATALOG } from '../model/rule-catalog';
import { showValue } from '../model/show-value';
import { httpsUrlProblem, writtenScheme } from '../model/saml-rules';
import { COMPLIANT, NOT_APPLICABLE, PolicyRule, holdsTerraformReference, nonCompliant } from './rule';

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
    const found = URL_ATTRIBUTES.filter(([attr]) => typeof app.body[attr] === 'string' && judgeable(String(app.body[attr])));
    if (found.length === 0) return NOT_APPLICABLE;
    const bad = found.flatMap(([attr, words]) => {
      const value = String(app.body[attr]);
      const why = holdsTerraformReference(value) ? schemeProblem(value) : httpsUrlProblem(value);
      return why ? [`${words} ${showValue(app.body[attr])} ${why}`] : [];
    });
    return bad.length ? nonCompliant(bad.join('; ')) : COMPLIANT;
  },
};

/** A value holding a reference is judged by what is written: its scheme, when written; else it is known only at apply. */
function judgeable(value: string): boolean {
  return !holdsTerraformReference(value) || writtenScheme(value) !== undefined;
}

function schemeProblem(value: string): string | undefined {
  const scheme = writtenScheme(value)!;
  return scheme.toLowerCase() === 'https' ? undefined : `uses ${scheme}, not https`;
}
