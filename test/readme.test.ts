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
