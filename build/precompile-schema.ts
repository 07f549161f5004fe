/**
 * Build step (`npm run build`): compiles the config JSON Schema to standalone
 * validator code once, so no command pays ajv's compile at start. The output
 * is build output under dist/, never committed; config/schema-check.ts uses it
 * only while its schema hash matches the shipped schema.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AJV_OPTIONS, PRECOMPILED_VALIDATOR, configSchemaFile, schemaHash } from '../config/schema-check';

export function precompileSchema(schemaFile: string, outFile: string): void {
  const { default: Ajv2020 } = require('ajv/dist/2020') as typeof import('ajv/dist/2020');
  const standaloneCode = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  const text = fs.readFileSync(schemaFile, 'utf8');
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(JSON.parse(text));
  const code = `${standaloneCode(ajv, validate)}\nmodule.exports.validate = module.exports;\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(text))};\n`;
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, code);
}

if (require.main === module) precompileSchema(configSchemaFile(), PRECOMPILED_VALIDATOR);
