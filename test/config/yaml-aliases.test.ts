import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { MAX_ALIASED_VALUES, MAX_ANCHORS_AND_ALIASES } from '../../config/yaml-aliases';
import { MINIMAL_ENV, MINIMAL_INTEGRATIONS, writeConfigDir } from '../helpers';

function problemsOf(files: Record<string, string>): string[] {
  const dir = writeConfigDir(files);
  return readConfig(dir).problems.map((p) => formatProblem(p).split(`${dir}/`).join(''));
}

describe('YAML anchors and aliases', () => {
  test('a group list anchored once and reused by 120 integrations is an ordinary config', () => {
    const apps = Array.from({ length: 120 }, (_, i) => `  app${i}: { preset: generic, acsUrl: "https://app${i}.example.com/acs", audience: app${i}, groups: *everyone }\n`);
    const dir = writeConfigDir({
      'i.yaml': MINIMAL_INTEGRATIONS.replace('groups: [Everyone-Wiki]', 'groups: &everyone [Everyone]') + apps.join(''),
      'env.yaml': MINIMAL_ENV.replace('wiki: {}', `wiki: {}\n${apps.map((_, i) => `      app${i}: {}`).join('\n')}`),
    });
    const { model, problems } = readConfig(dir);
    expect(problems).toEqual([]);
    expect(model!.environments[0].integrations).toHaveLength(121);
  });

  test('an exponential alias "bomb" is refused at the alias that crosses the limit, quickly', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) lines.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i - 1]}`).join(', ')}]`);
    // 10^10 values once expanded: refused from the anchors' sizes, never expanded.
    expect(problemsOf({ 'c.yaml': `${lines.join('\n')}\n` })).toEqual([
      `c.yaml:5:36: YAML error: aliases repeat more than ${MAX_ALIASED_VALUES} values in this file by alias "*d" (an alias "bomb"?); accepted: aliases that repeat at most ${MAX_ALIASED_VALUES} values`,
    ]);
  });

  test('an alias without an anchor, and one inside what it repeats, are located', () => {
    expect(problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('[Everyone-Wiki]', '*everyone'), 'env.yaml': MINIMAL_ENV })).toEqual([
      'i.yaml:6:13: YAML error: alias "*everyone" has no anchor before it; accepted: an alias after the anchor (&name) of the value it repeats',
    ]);
    expect(problemsOf({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('[Everyone-Wiki]', '&g [Everyone-Wiki, *g]'), 'env.yaml': MINIMAL_ENV })).toEqual([
      'i.yaml:6:32: YAML error: alias "*g" is inside the list or map it repeats; accepted: an alias of a value that does not contain it',
    ]);
  });

  test('a merge key is an unknown field at its line, not an unlocated error', () => {
    const text = MINIMAL_INTEGRATIONS.replace('integrations:\n', 'integrations:\n  base: &base { preset: generic }\n').replace('    preset: generic\n', '    <<: *base\n');
    expect(problemsOf({ 'i.yaml': text, 'env.yaml': MINIMAL_ENV })).toContainEqual(expect.stringMatching(/^i\.yaml:4:5: integrations\.wiki\.<<: unknown field "<<"/));
  });

  test(`more than ${MAX_ANCHORS_AND_ALIASES} anchors and aliases are refused at the first one past the limit`, () => {
    const text = `labels:\n${Array.from({ length: MAX_ANCHORS_AND_ALIASES + 1 }, (_, i) => `  - &a${i} x\n`).join('')}`;
    expect(problemsOf({ 'c.yaml': text })).toEqual([`c.yaml:${MAX_ANCHORS_AND_ALIASES + 2}:13: YAML error: more than ${MAX_ANCHORS_AND_ALIASES} anchors and aliases in one file; accepted: at most ${MAX_ANCHORS_AND_ALIASES}`]);
  });
});
