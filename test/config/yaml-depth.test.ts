import { readConfig } from '../../config/load-config';
import { loadConfigFiles } from '../../config/load-files';
import { formatProblem } from '../../config/problems';
import { MAX_DEPTH } from '../../config/yaml-depth';
import { writeConfigDir } from '../helpers';

function problemsOf(files: Record<string, string>): string[] {
  const dir = writeConfigDir(files);
  return readConfig(dir).problems.map((p) => formatProblem(p).split(`${dir}/`).join(''));
}

const TOO_DEEP = `lists and maps are nested more than ${MAX_DEPTH} levels deep; accepted: at most ${MAX_DEPTH} levels (real configs need a few)`;
/** `levels` nested flow lists or maps as a label, after `label: ` (7 characters), in a root map (one level). */
const nestedLabel = (levels: number, open = '[', close = ']') => `label: ${open.repeat(levels)}${close.repeat(levels)}\n`;

describe('nesting depth is bounded before anything recursive runs on the data', () => {
  test.each([
    ['1,000 lists', nestedLabel(1000)],
    ['100,000 lists (unclosed)', `label: ${'['.repeat(100_000)}\n`],
    ['1,000 flow maps', nestedLabel(1000, '{a: ', '}')],
  ])('%s: a located problem naming the limit, not a stack overflow', (_, text) => {
    // The root map is level 1, so the list opened at column 8 + 63 is level 65.
    expect(problemsOf({ 'c.yaml': text })).toEqual([`c.yaml:1:${8 + (text.includes('{a:') ? 4 : 1) * (MAX_DEPTH - 1)}: YAML error: ${TOO_DEEP}`]);
  });

  test('1,000 levels of block maps and of JSON are refused the same way', () => {
    let block = '';
    for (let i = 0; i < 1000; i++) block += `${' '.repeat(i)}a:\n`;
    expect(problemsOf({ 'c.yaml': `${block}${' '.repeat(1000)}x\n` })).toEqual([`c.yaml:${MAX_DEPTH + 1}:${MAX_DEPTH + 1}: YAML error: ${TOO_DEEP}`]);
    expect(problemsOf({ 'c.json': `{"a": ${'['.repeat(1000)}${']'.repeat(1000)}}` })).toEqual([`c.json:1:${7 + MAX_DEPTH - 1}: JSON error: ${TOO_DEEP}`]);
  });

  test(`${MAX_DEPTH} levels are read, through the fast path and the yaml library alike; ${MAX_DEPTH + 1} are not`, () => {
    const read = (text: string) => loadConfigFiles(writeConfigDir({ 'c.yaml': text }));
    expect(read(nestedLabel(MAX_DEPTH - 1)).problems).toEqual([]);
    // An anchor sends the file through the yaml library instead of the fast path.
    expect(read(`x: &x 1\n${nestedLabel(MAX_DEPTH - 1)}`).problems).toEqual([]);
    expect(read(nestedLabel(MAX_DEPTH)).problems.map((p) => p.message)).toEqual([`YAML error: ${TOO_DEEP}`]);
    expect(read(`x: &x 1\n${nestedLabel(MAX_DEPTH)}`).problems.map((p) => p.message)).toEqual([`YAML error: ${TOO_DEEP}`]);
  });

  test('depth that aliases bring in counts too', () => {
    let text = `a0: &a0 ${'['.repeat(40)}${']'.repeat(40)}\n`;
    for (let i = 1; i < 4; i++) text += `a${i}: &a${i} [[[[[[[[[[[[[[[[[[[[*a${i - 1}]]]]]]]]]]]]]]]]]]]]\n`;
    expect(problemsOf({ 'c.yaml': text })).toEqual([`c.yaml:3:29: YAML error: ${TOO_DEEP}, counting what alias "*a1" repeats`]);
  });
});
