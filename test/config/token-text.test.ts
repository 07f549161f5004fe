import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { MINIMAL_ENV, MINIMAL_INTEGRATIONS, writeConfigDir } from '../helpers';

// cdktf reads these markers as its own tokens wherever they appear: a config string holding one would be replaced by
// another resource's reference (or crash synth with "Unrecognized Token Key"), so it is a located problem.
test.each([
  ['a label', 'label: "${TfToken[TOKEN.5]}"', 'integrations.wiki.label'],
  ['the list form, inside longer text', 'label: "Wiki #{TfToken[TOKEN.99999]} portal"', 'integrations.wiki.label'],
  ['the map form, in a list item', 'groups: [Everyone-Wiki, "&{TfToken[TOKEN.7]}"]', 'integrations.wiki.groups.1'],
])('%s', (_name, line, field) => {
  const dir = writeConfigDir({ 'i.yaml': `${MINIMAL_INTEGRATIONS.replace('    groups: [Everyone-Wiki]\n', '')}    ${line}\n${line.startsWith('groups') ? '' : '    groups: [Everyone-Wiki]\n'}`, 'env.yaml': MINIMAL_ENV });
  const { model, problems } = readConfig(dir);
  expect(model).toBeUndefined();
  expect(problems.map((p) => formatProblem(p).split(`${dir}/`).join(''))).toEqual([
    expect.stringMatching(new RegExp(`^i\\.yaml:\\d+:\\d+: ${field.replace(/\./g, '\\.')}: contains \\$\\{TfToken\\[, #\\{TfToken\\[ or &\\{TfToken\\[, which cdktf reads as a reference to a value of its own; accepted: text without them$`)),
  ]);
});

test('an Okta expression and text that only resembles a token are accepted', () => {
  const dir = writeConfigDir({ 'i.yaml': `${MINIMAL_INTEGRATIONS}    label: "TfToken[1] \${user.login}"\n`, 'env.yaml': MINIMAL_ENV });
  expect(readConfig(dir).problems).toEqual([]);
});
