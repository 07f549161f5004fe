import { RULE_CATALOG } from '../model/rule-catalog';
import { secretPaths } from '../review/redact';
import { COMPLIANT, PolicyRule, nonCompliant } from './rule';

export const noSecretLiteral: PolicyRule = {
  ...RULE_CATALOG['SSO-008'],
  check({ blocks }) {
    // Keys and `//` comments too: an override on the construct's own resource (`oktaApp.addOverride('//.note', ...)`) reaches cdk.tf.json.
    const found = blocks.flatMap((b) => secretPaths(b.body, '', { keysAndComments: true }).map((at) => `${b.address} ${at}`));
    return found.length ? nonCompliant(`a secret-looking value (not shown) in ${found.join(', ')}`) : COMPLIANT;
  },
};
