import { oktaExpression } from '../../constructs/okta-expression';

test.each([
  ['${source.email}', '$${source.email}'],
  ['String.substringBefore(${user.email}, "@")', 'String.substringBefore($${user.email}, "@")'],
  ['%{if x}', '%%{if x}'],
  ['user.firstName', 'user.firstName'],
])('%s reaches Terraform as %s', (input, escaped) => {
  expect(oktaExpression(input)).toBe(escaped);
});
