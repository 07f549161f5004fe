import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { precompileSchema } from '../../build/precompile-schema';
import { compileSchema, configSchemaFile, schemaHash } from '../../config/schema-check';
import { tempDir } from '../helpers';

const text = fs.readFileSync(configSchemaFile(), 'utf8');
const out = path.join(tempDir(), 'okta-sso.js');
precompileSchema(configSchemaFile(), out);
// Evaluated with the project's require, as it is when it sits in dist/ next to node_modules.
const projectRequire = createRequire(path.join(__dirname, '..', '..', 'package.json'));
const loaded = { exports: {} as any };
new Function('require', 'module', 'exports', fs.readFileSync(out, 'utf8'))(projectRequire, loaded, loaded.exports);
const precompiled = loaded.exports;
const runtime = compileSchema(JSON.parse(text));

const SAMPLES: unknown[] = [
  { integrations: { wiki: { preset: 'generic', acsUrl: 'https://w.example.com/acs', audience: 'w', relaySate: 'x' } } },
  { integrations: { 'Bad-Key': { preset: 'nope' } }, environments: { dev: { okta: {}, backend: { type: 's3' } } } },
  { environments: { dev: { okta: { orgName: 'acme' }, integrations: { wiki: { groups: [{ name: 'A', colour: 'blue' }, 3] } } } } },
  [],
];

test('the precompiled validator is tagged with the schema it was built from', () => {
  expect(precompiled.schemaHash).toBe(schemaHash(text));
  expect(typeof precompiled.validate).toBe('function');
});

test.each(SAMPLES.map((s, i) => [i, s]))('sample %i: same verdict and the same errors as the runtime compile', (_i, sample) => {
  const a = precompiled.validate(sample);
  const b = runtime(sample);
  expect(a).toBe(b);
  const strip = (errors: any[] | null | undefined) => (errors ?? []).map((e) => ({ keyword: e.keyword, instancePath: e.instancePath, params: e.params, parentKeys: Object.keys(e.parentSchema?.properties ?? {}) }));
  expect(strip(precompiled.validate.errors)).toEqual(strip(runtime.errors));
  expect(a).toBe(false);
});
