import { checkRenames } from '../../model/rename-checks';

test('a key can be renamed only once it is gone, and only by one integration', () => {
  expect(checkRenames([{ key: 'kb', renamedFrom: 'wiki' }, { key: 'wiki' }])).toEqual([
    { key: 'kb', message: 'renamedFrom "wiki" is still an integration in this environment; a key can be renamed only once it is gone' },
  ]);
  expect(checkRenames([{ key: 'a', renamedFrom: 'old' }, { key: 'b', renamedFrom: 'old' }])).toEqual([{ key: 'b', message: 'renamedFrom "old" is also claimed by "a"' }]);
  expect(checkRenames([{ key: 'kb', renamedFrom: 'wiki' }])).toEqual([]);
});
