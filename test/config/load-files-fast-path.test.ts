import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { generateOrg } from '../../bench/generate';
import { readConfig } from '../../config/load-config';
import { listConfigFiles, loadConfigFiles } from '../../config/load-files';
import { formatProblem } from '../../config/problems';
import { EXAMPLE_DIR, writeConfigDir } from '../helpers';

/** What the `yaml` library alone reads from a file: the reference the fast path must match. */
function yamlData(text: string): unknown {
  return parseDocument(text, { uniqueKeys: true, merge: false }).toJS({ maxAliasCount: 100 }) ?? {};
}

function expectSameAsYaml(dir: string): void {
  const { files, problems } = loadConfigFiles(dir);
  expect(problems).toEqual([]);
  const rels = listConfigFiles(dir);
  expect(files.map((f) => f.file)).toEqual(rels.map((r) => `${dir}/${r}`));
  files.forEach((f, i) => expect(f.data).toEqual(yamlData(fs.readFileSync(path.join(dir, rels[i]), 'utf8'))));
}

describe('config files read through the fast path', () => {
  test('give the same data as the yaml library for the example organisation', () => {
    expectSameAsYaml(EXAMPLE_DIR);
  });

  test('give the same data as the yaml library for a generated organisation', () => {
    expectSameAsYaml(writeConfigDir({ ...generateOrg({ integrations: 40 }).files }));
  });

  test.each([
    ['YAML 1.2 core scalars', 'a: [yes, no, on, off, ~, null, 017, 0x1F, 0o17, 1e3, .inf, 2024-01-01, "${source.email}", 1_000]\n'],
    ['a binary-looking value (a string in YAML 1.2)', 'a: 0b101\n'],
    ['a signed bare decimal', 'a: +.5\n'],
    ['anchors and aliases', 'base: &b { x: 1 }\nc: *b\n'],
    ['block scalars and escapes', 'a: |\n  line one\n  line two\nb: "tab\\there \\u00e9"\nc: \'it\'\'s\'\n'],
    ['an empty file', ''],
    ['a JSON file', '{"integrations": {"x": {"preset": "generic", "groups": ["A", "B"]}}}'],
  ])('give the same data as the yaml library for %s', (_, text) => {
    expectSameAsYaml(writeConfigDir({ 'c.yaml': text }));
  });

  test('still locate a problem at its line and column', () => {
    const dir = writeConfigDir({
      'integrations.yaml': 'integrations:\n  app:\n    preset: generic\n    lable: App\n',
      'env.yaml': 'environments:\n  prod:\n    okta: { orgName: acme }\n    integrations:\n      app: { acsUrl: "https://app.example.com/acs", audience: app }\n',
    });
    const { problems } = readConfig(dir);
    expect(problems.map((p) => formatProblem(p).split(`${dir}/`).join(''))).toContainEqual(expect.stringMatching(/^integrations\.yaml:4:5: integrations\.app\.lable: unknown field "lable"/));
  });

  test('report duplicate keys with their position, as the slow path does', () => {
    const dir = writeConfigDir({ 'c.yaml': 'environments:\n  prod:\n    okta: { orgName: a }\n  prod:\n    okta: { orgName: b }\n' });
    const { problems } = loadConfigFiles(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: `${dir}/c.yaml`, line: 4 });
    expect(problems[0].message).toBe('YAML syntax error: duplicate key "prod" in this map (first at line 2); accepted: each key once per map');
  });
});
