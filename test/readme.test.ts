import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema', 'okta-sso.schema.json'), 'utf8'));

/** Field names the schema accepts, one level into nested objects. */
function fieldsOf(def: any): string[] {
  const names: string[] = [];
  for (const [name, sub] of Object.entries<any>(def.properties ?? {})) {
    names.push(name);
    for (const nested of Object.keys(sub.properties ?? {})) names.push(nested);
  }
  return names;
}

test('the config reference lists every field of the schema', () => {
  const defs = schema.$defs;
  const fields = new Set<string>([
    ...fieldsOf(defs.integrationFields),
    ...fieldsOf(defs.integration),
    ...fieldsOf(defs.environment),
    ...defs.backend.oneOf.flatMap((b: any) => fieldsOf(b)),
  ]);
  fields.delete('$schema');
  const missing = [...fields].filter((f) => !readme.includes(`\`${f}\``));
  expect(missing).toEqual([]);
});

test('every preset in the schema is in the README preset table', () => {
  for (const preset of schema.$defs.integration.properties.preset.enum) expect(readme).toContain(`| \`${preset}\` |`);
});

test('the README gives the two commands', () => {
  expect(readme).toContain('npm ci && npm run synth');
  expect(readme).toContain('npm ci && npm test');
});

test('every CLI command is documented in the README', () => {
  const { buildProgram } = require('../cli/program') as typeof import('../cli/program');
  const names = buildProgram().commands.map((c) => c.name());
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(readme).toContain(`\`okta-sso ${name}`);
});

test('the README shows the example app, exactly as examples/typescript-app/main.ts has it', () => {
  const code = fs.readFileSync(path.join(root, 'examples', 'typescript-app', 'main.ts'), 'utf8').trimEnd();
  const marker = readme.indexOf('<!-- example-app:');
  expect(marker).toBeGreaterThan(0);
  const block = /```ts\n([\s\S]*?)\n```/.exec(readme.slice(marker));
  expect(block?.[1]).toBe(code);
});

test("the README's props tables are generated from the props interfaces as they are now (npm run docs)", () => {
  const { propsTables, withPropsTables } = require('../build/props-tables') as typeof import('../build/props-tables');
  expect(withPropsTables(readme, propsTables())).toBe(readme);
});

test('every rule is in the README rules table with its level', () => {
  const { RULE_CATALOG } = require('../model/rule-catalog') as typeof import('../model/rule-catalog');
  for (const r of Object.values(RULE_CATALOG)) expect(readme).toMatch(new RegExp(`\\| ${r.id} \\| ${r.level} \\| ${r.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\|`));
});
