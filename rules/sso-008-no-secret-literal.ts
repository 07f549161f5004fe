import { secretPaths } from '../review/redact';
import { COMPLIANT, PolicyRule, nonCompliant } from './rule';

export const noSecretLiteral: PolicyRule = {
  id: 'SSO-008',
  level: 'error',
  title: 'no secret literal',
  reason: 'a secret in the synthesized JSON ends up in git, CI logs and Terraform plans',
  fix: 'pass secrets as sensitive Terraform variables or env:NAME references, never as values in config or code',
  check({ blocks }) {
    const found = blocks.flatMap((b) => secretPaths(b.body, '').map((at) => `${b.address} ${at}`));
    return found.length ? nonCompliant(`a secret-looking value (not shown) in ${found.join(', ')}`) : COMPLIANT;
  },
};
