import * as fs from 'fs';
import Ajv2020 from 'ajv/dist/2020';
import { CONFIG_SCHEMA_PATH } from '../../config/schema-check';
import { SHORTHAND } from '../../config/schema-shorthand';

// configSchema() compiles without checking the schema itself, to save every command that time; this is that check.
test('the config schema is a valid JSON Schema 2020-12 document', () => {
  const schema = JSON.parse(fs.readFileSync(CONFIG_SCHEMA_PATH, 'utf8'));
  const ajv = new Ajv2020({ discriminator: true, strict: true, strictTypes: false, keywords: [SHORTHAND] });
  expect(ajv.validateSchema(schema)).toBe(true);
  expect(ajv.errors ?? null).toBeNull();
  expect(ajv.validateSchema({ ...schema, properties: { integrations: { type: 'not-a-type' } } })).toBe(false);
});
