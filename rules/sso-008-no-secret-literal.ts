import { isPlainObject } from '../model/prop-strings';
import { RULE_CATALOG } from '../model/rule-catalog';
import { secretPaths } from '../review/redact';
import { COMPLIANT, PolicyRule, nonCompliant } from './rule';

export const noSecretLiteral: PolicyRule = {
  ...RULE_CATALOG['SSO-008'],
  check({ blocks }) {
    // Keys and `//` comments too: an override on the construct's own resource (`oktaApp.addOverride('//.note', ...)`) reaches cdk.tf.json.
    const found = blocks.flatMap((b) => secretPaths(withoutCdktfMetadata(b.body), '', { keysAndComments: true }).map((at) => `${b.address} ${at}`));
    return found.length ? nonCompliant(`a secret-looking value (not shown) in ${found.join(', ')}`) : COMPLIANT;
  },
};

/**
 * `body` without what cdktf itself writes in its `//` comment: the construct path and unique ID, made of the user's
 * construct ids (`Team7Platform/Wiki4Sso9Xk`), which are names, not secrets, however random they look.
 */
function withoutCdktfMetadata(body: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const comment = body['//'];
  if (!isPlainObject(comment) || !isPlainObject(comment.metadata)) return body;
  const { path: _path, uniqueId: _uniqueId, ...metadata } = comment.metadata;
  return { ...body, '//': { ...comment, metadata } };
}
