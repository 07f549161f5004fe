import * as fs from 'fs';
import * as path from 'path';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import { idpRecordOutputName } from '../model/idp-record';
import { parseJsonText } from '../model/json-text';
import { listSome, showValue } from '../model/show-value';

/** Path of the IdP-record output schema shipped with the package. */
export const IDP_RECORD_SCHEMA_PATH = path.join(__dirname, '..', 'schema', 'idp-record.schema.json');
// Compiled code lives one level deeper (dist/cli), so look there too.
const SCHEMA_CANDIDATES = [IDP_RECORD_SCHEMA_PATH, path.join(__dirname, '..', '..', 'schema', 'idp-record.schema.json')];

/** One field of an IdP record, as `terraform output -json` shows it after apply. */
export interface IdpRecordFieldValue {
  readonly id: string;
  readonly label: string;
  readonly apiName?: string;
  readonly format: 'url' | 'uri' | 'pem' | 'base64' | 'xml' | 'boolean' | 'text';
  readonly value: string | boolean;
}

/** The value of an `idp_record_<key>` output (schema/idp-record.schema.json). */
export interface IdpRecordValue {
  readonly schemaVersion: 1;
  readonly integration: string;
  /** Absent in records written before environments were recorded. */
  readonly environment?: string;
  readonly preset: string;
  readonly sp: string;
  readonly where: string;
  readonly terraformResource?: string;
  readonly fields: readonly IdpRecordFieldValue[];
}

let validator: ValidateFunction | undefined;

/** The IdP-record schema, compiled once per process. */
export function idpRecordValidator(): ValidateFunction {
  if (!validator) {
    const file = SCHEMA_CANDIDATES.find((p) => fs.existsSync(p));
    if (!file) throw new Error(`IdP record schema not found (looked in ${SCHEMA_CANDIDATES.join(', ')})`);
    validator = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  return validator;
}

/** Why `value` is not an IdP record, or an empty list. */
export function idpRecordProblems(value: unknown): string[] {
  const validate = idpRecordValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath || '(the record)'} ${e.message ?? 'is not accepted'}`);
}

/** Labels of fields whose value Okta has not filled (null or empty). */
function emptyFields(value: unknown): string[] {
  const fields = (value as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f) => f && typeof f === 'object' && (f.value === null || f.value === '')).map((f) => JSON.stringify(String(f.label)));
}

/**
 * Picks the IdP records out of `terraform output -json` text. `source` names
 * where the text came from in messages. Throws with every problem found.
 */
export function readIdpRecords(text: string, source: string, integration?: string): IdpRecordValue[] {
  const parsed = parseJsonText(text);
  // Never quote the text: `terraform output -raw` of a sensitive output is the secret itself.
  if (!parsed.ok) throw new Error(`${source} ${parsed.problem}; accepted: the output of \`terraform output -json\``);
  const outputs = parsed.value;
  if (outputs === null || typeof outputs !== 'object' || Array.isArray(outputs)) {
    throw new Error(`${source} is not the output of \`terraform output -json\` (expected an object of outputs by name)`);
  }
  const all = outputs as Record<string, unknown>;
  const names = Object.keys(all)
    .filter((n) => n.startsWith('idp_record_'))
    .sort();
  if (names.length === 0) throw new Error(`${source} has no idp_record_* output; apply the environment's stack first (terraform apply), then run \`terraform output -json\` in its directory`);
  const wanted = integration === undefined ? names : [idpRecordOutputName(integration)];
  const problems: string[] = [];
  const records: IdpRecordValue[] = [];
  for (const name of wanted) {
    const output = all[name] as { value?: unknown } | undefined;
    if (output === undefined) {
      problems.push(`${source} has no output ${name}; integrations with an IdP record: ${listSome(names.map((n) => showValue(n.slice('idp_record_'.length))))}`);
      continue;
    }
    if (output === null || typeof output !== 'object' || !('value' in output)) {
      problems.push(`${source}: output ${name} has no value; accepted: \`terraform output -json\` (an object with sensitive, type and value)`);
      continue;
    }
    const empty = emptyFields(output.value);
    if (empty.length > 0) {
      problems.push(`${source}: output ${name} has no value for ${empty.join(', ')}; Okta fills them once the app is applied and ACTIVE (status INACTIVE leaves them empty)`);
      continue;
    }
    const why = idpRecordProblems(output.value);
    if (why.length > 0) {
      problems.push(`${source}: output ${name} does not match schema/idp-record.schema.json: ${why.join('; ')}`);
      continue;
    }
    records.push(output.value as IdpRecordValue);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return records;
}
