import { loadConfigFiles } from '../../config/load-files';
import { writeConfigDir } from '../helpers';

// An anchor sends a file past the fast path, to the parser that gives positions.
const withAnchor = (body: string) => `x-groups: &g [Everyone]\n${body}`;

test('a key written twice in one map is reported at its second place, naming the first', () => {
  const dir = writeConfigDir({ 'c.yaml': withAnchor('integrations:\n  wiki: { groups: *g }\n  crm: {}\n  wiki: {}\n') });
  const { problems } = loadConfigFiles(dir);
  expect(problems).toEqual([{ file: `${dir}/c.yaml`, path: '', line: 5, column: 3, message: 'YAML syntax error: duplicate key "wiki" in this map (first at line 3); accepted: each key once per map' }]);
});

test('the same key in different maps is not a duplicate', () => {
  const dir = writeConfigDir({ 'c.yaml': withAnchor('a: { label: x }\nb: { label: x }\n') });
  expect(loadConfigFiles(dir).problems).toEqual([]);
});

test('duplicate keys are found in time linear in the map (40,000 keys; a pairwise check takes tens of seconds)', () => {
  const keys = Array.from({ length: 40_000 }, (_, i) => `  k${i}: ${i}\n`).join('');
  const dir = writeConfigDir({ 'c.yaml': withAnchor(`big:\n${keys}  k17: again\n`) });
  const { problems } = loadConfigFiles(dir);
  expect(problems.map((p) => [p.line, p.message])).toEqual([[40_003, 'YAML syntax error: duplicate key "k17" in this map (first at line 20); accepted: each key once per map']]);
});
