import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { secretKind } from '../model/secret-literals';
import { closest } from '../model/suggest';
import { showValue } from '../model/show-value';
import { SHORTHAND, resolve, shorthandHint } from './schema-shorthand';

/** Path of the config JSON Schema shipped with the package. */
export const CONFIG_SCHEMA_PATH = path.join(__dirname, '..', 'schema', 'okta-sso.schema.json');
// Compiled code lives one level deeper (dist/config), so look there too.
const SCHEMA_CANDIDATES = [CONFIG_SCHEMA_PATH, path.join(__dirname, '..', '..', 'schema', 'okta-sso.schema.json')];

type Schema = Record<string, any>;

let compiled: { validate: ValidateFunction; schema: Schema } | undefined;

/** Options shared by the runtime compile and the build-time precompile, so both validate alike. */
export const AJV_OPTIONS = { allErrors: true, verbose: true, discriminator: true, strict: true, strictTypes: false, validateSchema: false, keywords: [SHORTHAND] };

/** Where `npm run build` writes the precompiled validator (dist/schema-validate/), next to dist/config. */
export const PRECOMPILED_VALIDATOR = path.join(__dirname, '..', 'schema-validate', 'okta-sso.js');

/** Content hash of the schema text: a precompiled validator is used only for the exact schema it was built from. */
export function schemaHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The shipped config schema file, from source (config/) or compiled code (dist/config/). */
export function configSchemaFile(): string {
  const file = SCHEMA_CANDIDATES.find((p) => fs.existsSync(p));
  if (!file) throw new Error(`config schema not found (looked in ${SCHEMA_CANDIDATES.join(', ')})`);
  return file;
}

/** The config schema, read once per process, with its validator: precompiled at build time when it matches, else compiled here. */
export function configSchema(): { validate: ValidateFunction; schema: Schema } {
  if (!compiled) {
    const file = configSchemaFile();
    const text = fs.readFileSync(file, 'utf8');
    const schema = JSON.parse(text) as Schema;
    compiled = { validate: precompiled(schemaHash(text)) ?? compileSchema(schema), schema };
  }
  return compiled;
}

/** Compiling costs ~40 ms of every command; the build does it once instead (build/precompile-schema.ts). */
function precompiled(hash: string): ValidateFunction | undefined {
  if (!fs.existsSync(PRECOMPILED_VALIDATOR)) return undefined;
  const module = require(PRECOMPILED_VALIDATOR) as { schemaHash?: string; validate?: ValidateFunction };
  return module.schemaHash === hash ? module.validate : undefined;
}

export function compileSchema(schema: Schema, options: Record<string, unknown> = {}): ValidateFunction {
  // Loaded only when needed: with a precompiled validator, ajv's compiler is never required.
  const { default: Ajv2020 } = require('ajv/dist/2020') as typeof import('ajv/dist/2020');
  // Not checked against the 2020-12 meta-schema at every start: test/config/schema-meta.test.ts does that once.
  return new Ajv2020({ ...AJV_OPTIONS, ...options }).compile(schema);
}

export interface SchemaProblem {
  readonly path: Array<string | number>;
  readonly message: string;
  /** False when the data keeps its shape (unknown field, bad string format), so later checks can still read it. */
  readonly structural: boolean;
  /** The required field this problem says is missing (itself, or the field a misspelt key stands for): later checks must not say it again. */
  readonly missing?: Array<string | number>;
  /** The known field a misspelt key stands for, required or not: a later check finding that field unset repeats this problem. */
  readonly meant?: Array<string | number>;
  /** Set on a key the schema does not know: a problem with the key, whatever its value. */
  readonly unknownField?: true;
}

/** Validates one file's data; returns problems in the users' words. */
export function checkAgainstSchema(data: unknown): SchemaProblem[] {
  const { validate, schema } = configSchema();
  if (validate(data)) return [];
  return translate(validate.errors ?? [], schema);
}

function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function show(value: unknown, fieldName: string | number | undefined): string {
  // Maps and lists are never printed: they may hold secrets, and their type says enough.
  if (value === null || typeof value === 'object') return `(${typeName(value)})`;
  if (typeof value === 'string' && secretKind(fieldName, value)) return '(a value that looks like a secret, not shown)';
  return showValue(value);
}

/** A map schema's field names as the schema lists them: its own, then those of the definition it refers to. */
function fieldsInOrder(s: Schema | undefined, root: Schema): string[] {
  if (!s) return [];
  const names = new Set<string>(Object.keys(s.properties ?? {}));
  if (typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/')) for (const n of fieldsInOrder(root.$defs[s.$ref.slice('#/$defs/'.length)], root)) names.add(n);
  return [...names];
}

/** Known field names of the (sub)schema, following $ref, sorted. */
function knownFields(s: Schema | undefined, root: Schema): string[] {
  return fieldsInOrder(s, root).sort();
}

/** The schema of field `name` of map schema `s` (its own properties, or those of the definition it refers to). */
function fieldSchema(s: Schema | undefined, name: string, root: Schema): Schema | undefined {
  if (!s) return undefined;
  if (s.properties && Object.hasOwn(s.properties, name)) return resolve(s.properties[name], root);
  return typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/') ? fieldSchema(root.$defs[s.$ref.slice('#/$defs/'.length)], name, root) : undefined;
}

/**
 * Where a field written one level too high belongs: the known map fields of `s` that have it (`pushGroups` under an
 * integration is `provisioning.pushGroups`; `accountId` is `aiven.accountId`; `template` is nameId's or username's).
 */
function nestedHome(name: string, s: Schema | undefined, known: readonly string[], root: Schema): string[] {
  return known.filter((field) => {
    const nested = fieldSchema(s, field, root);
    return nested !== undefined && knownFields(nested, root).includes(name);
  });
}

/** An integration's field written in an environment's entry that only its shared entry takes. */
const SHARED_ONLY = new Set(['preset', 'renamedFrom']);

function translate(errors: ErrorObject[], root: Schema): SchemaProblem[] {
  // Errors inside a failed oneOf branch of the wrong type are noise: keep the branch that matches the value's type.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  // An empty string can fail both minLength and a non-blank pattern: report it once, with the pattern's fuller wording.
  const patternPaths = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  const kept = errors.filter((e) => {
    if (e.keyword === 'minLength' && patternPaths.has(e.instancePath)) return false;
    if (e.keyword === 'oneOf' || e.keyword === 'discriminator') return false;
    // The failing rule inside propertyNames; its 'propertyNames' error names the key.
    if ((e as { propertyName?: string }).propertyName !== undefined) return false;
    if (e.keyword === 'type' && oneOfPaths.has(e.instancePath) && /\/oneOf\/\d+\/type$/.test(e.schemaPath)) return false;
    if (e.keyword === 'if') return false;
    return true;
  });
  kept.push(...unexplainedOneOfs(errors, kept));
  // A required field that is missing because it is misspelt (`org` for `orgName`) is one problem, the unknown field, not two.
  const unknownName = (e: ErrorObject): string => (e.params as any).additionalProperty ?? (e.params as any).unevaluatedProperty;
  const unknown = kept.filter((e) => e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties');
  // Each unknown field's accepted names, and the one it most likely misspells.
  const accepted = new Map(
    unknown.map((e) => {
      const known = knownFields(e.parentSchema as Schema, root);
      const name = unknownName(e);
      // A field of a map one level down, written here (`pushGroups` for `provisioning.pushGroups`): that, not a look-alike.
      const homes = nestedHome(name, e.parentSchema as Schema, known, root);
      return [e, { known, homes, suggestion: homes.length === 0 ? closest(name, known) : undefined }];
    }),
  );
  const misspelt = new Set(unknown.filter((e) => accepted.get(e)!.suggestion !== undefined).map((e) => `${e.instancePath}/${accepted.get(e)!.suggestion}`));
  const missing = new Set(kept.filter((e) => e.keyword === 'required').map((e) => `${e.instancePath}/${(e.params as any).missingProperty}`));
  const problems: SchemaProblem[] = [];
  for (const e of kept) {
    const at = pointerToPath(e.instancePath);
    const field = at[at.length - 1];
    switch (e.keyword) {
      case 'additionalProperties':
      case 'unevaluatedProperties': {
        const name = unknownName(e);
        const { known, homes, suggestion } = accepted.get(e)!;
        const home = homes.length === 1 ? homes[0] : undefined;
        // Standing for a missing required field, it leaves the data without that field: later checks must not read it.
        const required = suggestion !== undefined && missing.has(`${e.instancePath}/${suggestion}`);
        const inEnvironment = /^\/environments\/[^/]+\/integrations\/[^/]+$/.test(e.instancePath);
        const meant =
          home !== undefined
            ? ` (it goes under ${home}: ${home}.${name})`
            : homes.length > 1
              ? ` (it goes under one of ${homes.join(', ')}: ${homes.map((h) => `${h}.${name}`).join(' or ')})`
              : inEnvironment && SHARED_ONLY.has(name)
              ? ` (${name} is the integration's own: write it in its entry under \`integrations:\`, not in an environment's)`
              : suggestion
                ? ` (did you mean ${showValue(suggestion)}?${required ? ` ${showValue(suggestion)} is required and missing` : ''})`
                : '';
        problems.push({
          structural: required,
          path: [...at, name],
          ...(required ? { missing: [...at, suggestion] } : {}),
          ...(home !== undefined ? { meant: [...at, home, name] } : suggestion !== undefined ? { meant: [...at, suggestion] } : {}),
          unknownField: true,
          message: `unknown field ${showValue(name)}${meant}${known.length ? `; accepted: ${known.join(', ')}` : ''}`,
        });
        break;
      }
      case 'required': {
        const name = (e.params as any).missingProperty;
        if (misspelt.has(`${e.instancePath}/${name}`)) break;
        problems.push({ structural: true, path: [...at, name], missing: [...at, name], message: `missing required field ${showValue(name)}` });
        break;
      }
      case 'enum': {
        const allowed = (e.params as any).allowedValues as unknown[];
        // `Snowflake`, `on-prem`: the choice written in another case or with other separators. Not the nearest by spelling:
        // RSA_SHA512 is no typo of RSA_SHA1, and a weaker algorithm is no fix.
        const loose = (v: string) => v.toLowerCase().replace(/[-_\s]/g, '');
        const looselyMeant = typeof e.data === 'string' ? allowed.find((v): v is string => typeof v === 'string' && loose(v) === loose(e.data as string)) : undefined;
        // An SP's name (`snowflak`) is a typo of one: presets are names, not strengths, and no two are alike.
        const meant = looselyMeant ?? (field === 'preset' && typeof e.data === 'string' && !secretKind(field, e.data) ? closest(e.data, allowed.filter((v): v is string => typeof v === 'string')) : undefined);
        problems.push({
          // A value of another type (a map where a name goes) changes the data's shape: later checks could not read it.
          structural: !allowed.some((v) => typeof v === typeof e.data),
          path: at,
          message: `${show(e.data, field)} is not accepted; ${meant ? `did you mean ${JSON.stringify(meant)}? ` : ''}accepted: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
        });
        break;
      }
      case 'const':
        problems.push({ structural: true, path: at, message: `${show(e.data, field)} is not accepted; accepted: ${JSON.stringify((e.params as any).allowedValue)}` });
        break;
      case 'pattern':
        problems.push({ structural: false, path: at, message: `${show(e.data, field)} is not accepted; ${describe(e.parentSchema as Schema, root) ?? `accepted: a value matching ${(e.params as any).pattern}`}` });
        break;
      case 'propertyNames': {
        const key = String((e.params as any).propertyName);
        problems.push({
          structural: true,
          path: [...at, key],
          message: `key ${showValue(key)} is not accepted; ${describe((e.parentSchema as Schema).propertyNames, root) ?? 'see the schema'}`,
        });
        break;
      }
      case 'type': {
        const types: string[] = [].concat((e.params as any).type);
        // A string where a map goes is often the map's shorthand (`username: login`): say the map it stands for. One where a
        // list goes is often its one item (`groups: Data-Dev`).
        const plainText = typeof e.data === 'string' && typeof field === 'string' && !secretKind(field, e.data) && e.data.length <= 100 && !/[\r\n]/.test(e.data);
        const hint =
          plainText && types.includes('object')
            ? shorthandHint(field as string, e.data as string, e.parentSchema as Schema, root)
            : plainText && types.includes('array') && itemsTakeText(e.parentSchema as Schema, root)
              ? `${field}: [${/^[A-Za-z_][A-Za-z0-9_.@/+-]*$/.test(e.data as string) ? e.data : JSON.stringify(e.data)}]`
              : undefined;
        problems.push({
          structural: true,
          path: at,
          message: `${show(e.data, field)} is not accepted; ${hint ? `did you mean \`${hint}\`? ` : ''}accepted: ${types.map((t) => typeWords(t, e.parentSchema as Schema, root)).join(' or ')}`,
        });
        break;
      }
      case 'minLength':
        problems.push({ structural: false, path: at, message: 'is empty; accepted: a non-empty string' });
        break;
      case 'minItems':
        problems.push({ structural: true, path: at, message: `has fewer than ${(e.params as any).limit} item(s)` });
        break;
      default:
        problems.push({ structural: true, path: at, message: `${show(e.data, field)} ${e.message ?? 'is not accepted'}` });
    }
  }
  return dedupe(problems);
}

/**
 * A value of none of a oneOf's types (`groups: [true]`) fails only with the
 * branches' type errors, which translate drops as noise: without this, the
 * value would pass unreported and later checks would read malformed data.
 * Each oneOf that no kept error explains becomes one type error listing every
 * branch's type.
 */
function unexplainedOneOfs(errors: readonly ErrorObject[], kept: readonly ErrorObject[]): ErrorObject[] {
  // Indexed, so that thousands of bad list items cost linear time: every path a kept error is at or under, and type errors by path.
  const explained = new Set<string>();
  for (const k of kept) for (let at = k.instancePath; !explained.has(at); at = at.slice(0, Math.max(0, at.lastIndexOf('/')))) explained.add(at);
  const typesAt = new Map<string, ErrorObject[]>();
  for (const t of errors) {
    if (t.keyword !== 'type') continue;
    const list = typesAt.get(t.instancePath);
    if (list) list.push(t);
    else typesAt.set(t.instancePath, [t]);
  }
  return errors
    .filter((e) => e.keyword === 'oneOf' && !explained.has(e.instancePath))
    .map((e) => {
      const types = (typesAt.get(e.instancePath) ?? []).filter((t) => t.schemaPath.startsWith(`${e.schemaPath}/`)).flatMap((t) => [].concat((t.params as any).type));
      return types.length ? { ...e, keyword: 'type', params: { type: [...new Set(types)] } } : e;
    });
}

function describe(s: Schema | undefined, root: Schema): string | undefined {
  if (!s) return undefined;
  // A description starts a sentence; after "accepted:" it goes on one.
  if (s.description) return `accepted: ${s.description.charAt(0).toLowerCase()}${s.description.slice(1)}`;
  if (typeof s.$ref === 'string') return describe(root.$defs[s.$ref.slice('#/$defs/'.length)], root);
  return undefined;
}

/** The shapes a list schema's items may have: one, or each of a oneOf's (a group: its name, or a map); none when it says nothing of them. */
function itemShapes(schema: Schema | undefined, root: Schema): Schema[] {
  const items = resolve(schema?.items as Schema | undefined, root);
  if (!items) return [];
  return Array.isArray(items.oneOf) ? (items.oneOf as Schema[]).map((b) => resolve(b, root) ?? {}) : [items];
}

/** Whether a list schema's items may be text (a group's name), directly or as one of their shapes. */
function itemsTakeText(schema: Schema | undefined, root: Schema): boolean {
  return itemShapes(schema, root).some((b) => b.type === 'string');
}

/** What a type accepts, with the fields of a map, or of a list's maps, that the schema names (`a list of maps with group, target`). */
function typeWords(type: string, schema: Schema | undefined, root: Schema): string {
  const fieldsOf = (s: Schema | undefined) => {
    // Its own fields and those of the definitions it extends (an integration's entry), in the schema's order: a long list is said as "a map".
    const names = fieldsInOrder(resolve(s, root), root);
    return names.length > 0 && names.length <= 8 ? names.join(', ') : undefined;
  };
  if (type === 'object') {
    const fields = fieldsOf(schema);
    return fields ? `a map with ${fields}` : TYPE_WORDS.object;
  }
  if (type === 'array') {
    // An item of one of several shapes (a group: its name, or a map): each named.
    const item = (s: Schema): string | undefined => {
      const fields = s.type === 'object' ? fieldsOf(s) : undefined;
      return fields ? `a map with ${fields}` : s.type === 'string' ? 'text' : undefined;
    };
    const shapes = itemShapes(schema, root).map(item);
    return shapes.length > 0 && shapes.every((b) => b !== undefined) ? `a list, each ${shapes.join(' or ')}` : TYPE_WORDS.array;
  }
  return TYPE_WORDS[type] ?? `a ${type}`;
}

const TYPE_WORDS: Record<string, string> = { object: 'a map', array: 'a list', string: 'a string', boolean: 'true or false', number: 'a number', integer: 'a whole number', null: 'an empty value' };

/** The kind of a value, with its article, in users' words. */
function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  // YAML's !!binary parses to bytes, an object to the schema check: it is not a map the user wrote.
  if (v instanceof Uint8Array) return 'binary data (!!binary)';
  if (typeof v === 'object') return 'a map';
  return `a ${typeof v}`;
}

function dedupe(problems: SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path.join('.')}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
