import { findTemplateText } from '../../model/pre-escaped';
import { findSecretLiterals } from '../../model/secret-literals';
import { FieldPath, forEachString } from '../../model/strings-in';

describe('forEachString: every string of parsed config, with its path', () => {
  test('visits values depth first, and keys just before what they hold', () => {
    const seen: Array<[string, FieldPath, boolean]> = [];
    forEachString({ a: ['b', { c: 'd' }], e: 1 }, (value, at, isKey) => seen.push([value, [...at], isKey]), { keys: true });
    expect(seen).toEqual([
      ['a', ['a'], true],
      ['b', ['a', 0], false],
      ['c', ['a', 1, 'c'], true],
      ['d', ['a', 1, 'c'], false],
      ['e', ['e'], true],
    ]);
  });

  test('the finders keep each path as it was when found: the walk reuses one array', () => {
    const data = { x: { token: 'AKIA' + 'IOSFODNN7EXAMPLE', later: ['$${user.email}', 'ok'] }, y: '%%{z}' };
    expect(findSecretLiterals(data).map((f) => f.path)).toEqual([['x', 'token']]);
    expect(findTemplateText(data).map((t) => t.at)).toEqual([['x', 'later', 0], ['y']]);
  });
});
