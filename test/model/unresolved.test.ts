import { Fn, Lazy, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { isUnresolved } from '../../model/unresolved';

describe('isUnresolved agrees with cdktf without loading it', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  const variable = new TerraformVariable(stack, 'v', { type: 'string' });
  const cases: Array<[string, unknown]> = [
    ['a variable', variable.stringValue],
    ['a string with a token inside', `https://${variable.stringValue}/acs`],
    ['a list token', variable.listValue],
    ['a number token', variable.numberValue],
    ['a lazy value', Lazy.stringValue({ produce: () => 'x' })],
    ['a function call', Fn.lower('ABC')],
    ['a plain string', 'https://wiki.example.com/acs'],
    ['a string that mentions ${ but is no token', '${source.email}'],
    ['a plain number', 42],
    ['a plain list', ['a', 'b']],
    ['an object', { a: 1 }],
    ['undefined', undefined],
  ];
  test.each(cases)('%s', (_name, value) => {
    expect(isUnresolved(value)).toBe(Token.isUnresolved(value));
  });
});
