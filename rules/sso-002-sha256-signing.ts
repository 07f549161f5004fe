import { RULE_CATALOG } from '../model/rule-catalog';
import { showValue } from '../model/show-value';
import { COMPLIANT, NOT_APPLICABLE, PolicyRule, nonCompliant } from './rule';

export const sha256Signing: PolicyRule = {
  ...RULE_CATALOG['SSO-002'],
  check({ app }) {
    const algorithm = app.body.signature_algorithm;
    const digest = app.body.digest_algorithm;
    // Catalog apps take signing from Okta's catalog entry.
    if (algorithm === undefined && digest === undefined) return NOT_APPLICABLE;
    const bad: string[] = [];
    if (algorithm !== 'RSA_SHA256') bad.push(`signature algorithm ${showValue(algorithm ?? null)}`);
    if (digest !== 'SHA256') bad.push(`digest ${showValue(digest ?? null)}`);
    return bad.length ? nonCompliant(`${bad.join(' and ')}, not SHA-256`) : COMPLIANT;
  },
};
