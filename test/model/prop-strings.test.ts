import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { validateGenericSamlSsoProps } from '../../constructs/sp/generic-saml-sso';
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

  test.each([
    ['audience', { audience: 'https://wiki.example.com/saml\u0000' }, 'audience', 'U+0000 (NUL) at character 30'],
    ['a group name', { groups: ['Everyone', { name: 'Admins\u200B' }] }, 'groups.1.name', 'U+200B (zero-width space) at character 7'],
    ['an attribute expression', { attributes: [{ name: 'email', values: ['user.\u202Eliame'] }] }, 'attributes.0.values.0', 'U+202E (right-to-left override) at character 6'],
    ['a label', { label: 'Wiki\u2066' }, 'label', 'U+2066 (left-to-right isolate) at character 5'],
    ['a URL', { acsUrl: '\uFEFFhttps://wiki.example.com/acs' }, 'acsUrl', 'U+FEFF (zero-width no-break space (byte order mark)) at character 1'],
    ['a C1 control', { relayState: 'https://wiki.example.com/\u0085' }, 'relayState', 'U+0085 (control character) at character 26'],
    ['a line break outside free text', { audience: 'urn:wiki\n' }, 'audience', 'U+000A (line feed) at character 9'],
    ['a tab in a group name', { groups: ['Data\tTeam'] }, 'groups.0', 'U+0009 (tab) at character 5'],
    ['an Arabic letter mark in a description', { groups: [{ name: 'x', create: true, description: 'a\u061Cb' }] }, 'groups.0.description', 'U+061C (Arabic letter mark) at character 2'],
  ])('%s with a control, zero-width or bidirectional character is SSO-101, named by code point, never printed', (_what, props, field, where) => {
    const problems = checkPropStrings(props, isUnresolved);
    expect(problems).toEqual([{ field, rule: 'SSO-101', message: `contains ${where}; accepted: text without control, zero-width or bidirectional-control characters (tab and line breaks only in descriptions and reasons)` }]);
    expect(problems[0].message).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/);
  });

  test('free text (descriptions, suppression reasons) may hold tabs and line breaks, not NUL', () => {
    const text = { groups: [{ name: 'x', create: true, description: 'Data team\n\tanalysts\r\n' }], suppressions: [{ rule: 'SSO-009', reason: 'break-glass app,\nreviewed by security\n' }] };
    expect(checkPropStrings(text, isUnresolved)).toEqual([]);
    expect(checkPropStrings({ suppressions: [{ rule: 'SSO-009', reason: 'ok\u0000' }] }, isUnresolved)).toEqual([expect.objectContaining({ field: 'suppressions.0.reason', rule: 'SSO-101' })]);
  });

  test('a key with such a character is reported at its parent, which the path can show', () => {
    expect(checkPropStrings({ catalogApp: { key: 'x', settings: { 'base\u200BUrl': 'a' } } }, isUnresolved)).toEqual([
      { field: 'catalogApp.settings', rule: 'SSO-101', message: expect.stringMatching(/^has a key that contains U\+200B \(zero-width space\) at character 5/) },
    ]);
  });

  test('one pass over a value at the length cap; over it, the length is the one problem', () => {
    expect(checkPropStrings({ label: `${'a'.repeat(65_535)}\u0000` }, isUnresolved)[0].message).toContain('U+0000 (NUL) at character 65536');
    expect(checkPropStrings({ label: `${'a'.repeat(1_000_000)}\u0000` }, isUnresolved)).toEqual([expect.objectContaining({ field: 'label', message: expect.stringMatching(/^is 1000001 characters long; accepted: at most 65536/) })]);
  });

  test('a construct user gets the same refusal', () => {
    const props = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com/saml\u0000', groups: ['Every\u200Bone'] };
    expect(validateGenericSamlSsoProps(props)).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'audience', rule: 'SSO-101' }), expect.objectContaining({ field: 'groups.0', rule: 'SSO-101', message: expect.stringContaining('U+200B (zero-width space)') })]),
    );
  });
});


describe('tokenInsideTemplate', () => {
  const { tokenInsideTemplate } = require('../../model/prop-strings') as typeof import('../../model/prop-strings');
  const T = '${TfToken[TOKEN.12]}';
  test.each([
    [`\${user.login + "@${T}"}`, true],
    [`\${user.${T}}`, true],
    [`%{ if ${T} }x%{ endif }`, true],
    [`\${a + {b: ${T}}}`, true],
  ])('inside a sequence: %s', (value, expected) => expect(tokenInsideTemplate(value)).toBe(expected));
  test.each([
    [T, false],
    [`\${source.login}-${T}`, false],
    [`${T}-\${source.login}`, false],
    [`https://${T}/acs`, false],
    [`#{TfToken[TOKEN.3]} {not a sequence} \${x}`, false],
  ])('outside every sequence: %s', (value, expected) => expect(tokenInsideTemplate(value)).toBe(expected));
});
