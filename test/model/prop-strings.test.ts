import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { checkPropStrings } from '../../model/prop-strings';
import { SecretRef } from '../../model/provisioning/secret-ref';
import { isUnresolved } from '../../model/unresolved';

describe('checkPropStrings: every string of the props, in one walk', () => {
  test('a secret-looking literal anywhere is SSO-106, at its prop path, never showing it', () => {
    const token = 'ghp_x7Kq2mP9vR4tW8yZ1bN6cD3fG5hJ0kL2abcd';
    const problems = checkPropStrings({ label: 'Wiki', attributes: [{ name: 'x', values: ['user.email', token] }] }, isUnresolved);
    expect(problems).toEqual([{ field: 'attributes.0.values.1', rule: 'SSO-106', message: expect.stringMatching(/^looks like a GitHub token \(value not shown\)/) }]);
    expect(problems[0].message).not.toContain(token);
  });

  test('a pre-escaped Okta expression is SSO-105', () => {
    expect(checkPropStrings({ nameId: { template: '$${user.email}' } }, isUnresolved)).toEqual([{ field: 'nameId.template', rule: 'SSO-105', message: expect.stringContaining('contains $${ or %%{') }]);
  });

  test('tokens and typed values (SecretRef) are not text to judge', () => {
    const stack = new TerraformStack(Testing.app(), 't');
    const v = new TerraformVariable(stack, 'v', { type: 'string' });
    expect(checkPropStrings({ label: `$\${x}${v.stringValue}`, provisioning: { token: SecretRef.fromEnv('A_TOKEN') } }, isUnresolved)).toEqual([]);
  });
});
