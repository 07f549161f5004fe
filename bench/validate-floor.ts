/**
 * The validate floor: what `okta-sso validate` cannot avoid doing, and nothing
 * else. It lists the config directory's files with the loader's own listing
 * (config/list-files.ts), reads each with the loader's reader
 * (model/regular-file.ts), parses it with js-yaml's YAML 1.2 core schema as the
 * loader's fast path does (config/load-files.ts), and checks it with the
 * validator `npm run build` precompiles from the config JSON Schema, the one
 * config/schema-check.ts loads. No error translation, secret scan, presets,
 * merge, SP rules or policy rules. Fails on a file that does not parse or does
 * not match the schema: the floor of a config that validates.
 *
 * Run as `node dist/bench/validate-floor.js <config dir>`.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import * as path from 'path';
import { listConfigEntries } from '../config/list-files';
import { readRegularFile } from '../model/regular-file';

/**
 * Where config/schema-check.ts loads the precompiled validator from (its
 * PRECOMPILED_VALIDATOR; a test checks they are one file). Required by path
 * rather than through schema-check, whose imports are its error messages'
 * helpers, which the floor does not run.
 */
export const FLOOR_VALIDATOR = path.join(__dirname, '..', 'schema-validate', 'okta-sso.js');

type Validate = (data: unknown) => boolean;

/**
 * Reads, parses and schema-checks every config file of `dir`; returns the paths read, as the loader joins them.
 * Tests pass the validator (the precompiled one exists only under dist/).
 */
export function validateFloor(dir: string, validate: Validate = (require(FLOOR_VALIDATOR) as { validate: Validate }).validate): string[] {
  const read: string[] = [];
  // Held until the last file is read, as validate must to combine shared settings with each environment's.
  const held: unknown[] = [];
  for (const rel of listConfigEntries(dir).files) {
    const file = path.join(dir, rel);
    const got = readRegularFile(file);
    if (!('text' in got)) throw new Error(`${file} ${got.why}`);
    // An empty file is an empty map to the loader too.
    const data = load(got.text, { schema: CORE_SCHEMA }) ?? {};
    if (!validate(data)) throw new Error(`${file} does not match the config schema`);
    held.push(data);
    read.push(file);
  }
  return held.length === read.length ? read : [];
}

if (require.main === module) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node dist/bench/validate-floor.js <config dir>\n');
    process.exitCode = 2;
  } else {
    validateFloor(dir);
  }
}
