import { showValue } from '../model/show-value';

/**
 * The shape of the synthesized files review reads (cdk.tf.json, runbook.json),
 * checked before any comparison: a wrong shape read as "nothing there" would
 * review as every app removed. Each problem names the JSON path that is wrong,
 * what is there (a value only when it is a scalar, redacted and cut) and what
 * is accepted.
 */

/** Problems listed per file; past it, a count of the rest. */
const MAX_PROBLEMS = 10;

/**
 * Where a value sits: its parent's place and its key, joined into text (`join`) only when a problem
 * is reported. A synthesized file has a member per setting of every resource: building every
 * member's path text up front cost more than parsing the file.
 */
interface At {
  readonly up: At | undefined;
  readonly key: string | number;
}

/**
 * A check is given its value's parent place and key (both undefined at the top level), not a place of its
 * own: only a check that visits members makes one, so the many values checked as a leaf (a runbook step's
 * fields, a resource body) allocate nothing.
 */
type Key = string | number | undefined;
type Report = (up: At | undefined, key: Key, value: unknown, accepted: string) => void;
type Check = (value: unknown, up: At | undefined, key: Key, report: Report) => void;

/** Stands for a member that has no place here (the name is wrong, not its value). */
const UNKNOWN_MEMBER = Symbol('unknown member');

const ANY: Check = () => undefined;
const STRING: Check = (v, up, key, report) => (typeof v === 'string' ? undefined : report(up, key, v, 'a string'));
const BOOLEAN: Check = (v, up, key, report) => (typeof v === 'boolean' ? undefined : report(up, key, v, 'a boolean'));

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The place of a value whose members are checked: the parent of those members. */
function place(up: At | undefined, key: Key): At | undefined {
  return key === undefined ? up : { up, key };
}

/** The path text of a value: `.name` segments, or `["odd key"]` quoted like any value; '' at the top level. */
function pathText(up: At | undefined, key: Key): string {
  if (key === undefined) return up === undefined ? '' : pathText(up.up, up.key);
  return join(pathText(up, undefined), key);
}

/** A path segment: `.name`, or `["odd key"]` quoted like any value. */
function join(at: string, key: string | number): string {
  if (typeof key === 'number') return `${at}[${key}]`;
  const segment = /^[A-Za-z_/][\w/-]*$/.test(key) ? key : `[${showValue(key, 40)}]`;
  return at && !segment.startsWith('[') ? `${at}.${segment}` : `${at}${segment}`;
}

/** An object whose every member passes `member` (members of any value are not visited). */
function objectOf(accepted: string, member: Check = ANY): Check {
  return (v, up, key, report) => {
    if (!isObject(v)) return report(up, key, v, accepted);
    if (member === ANY) return;
    const at = place(up, key);
    for (const k of Object.keys(v)) member(v[k], at, k, report);
  };
}

/** An object with these members (each optional unless required); others pass `others`, or are refused. */
function withFields(accepted: string, fields: Record<string, Check>, others: Check | 'refuse', required: readonly string[] = []): Check {
  return (v, up, key, report) => {
    if (!isObject(v)) return report(up, key, v, accepted);
    const at = place(up, key);
    for (const name of required) if (!(name in v)) report(at, name, undefined, accepted);
    for (const k of Object.keys(v)) {
      const check = Object.prototype.hasOwnProperty.call(fields, k) ? fields[k] : others;
      if (check === 'refuse') report(at, k, UNKNOWN_MEMBER, `the members ${Object.keys(fields).join(', ')} (${accepted})`);
      else if (check !== ANY) check(v[k], at, k, report);
    }
  };
}

function listOf(accepted: string, item: Check): Check {
  return (v, up, key, report) => {
    if (!Array.isArray(v)) return report(up, key, v, accepted);
    if (item === ANY) return;
    const at = place(up, key);
    for (let i = 0; i < v.length; i++) item(v[i], at, i, report);
  };
}

const BLOCK = objectOf('an object (a block body)');
const RESOURCES = objectOf('an object of resource types, each an object of resources by name', objectOf('an object of resources by name', BLOCK));
// Terraform JSON allows one provider configuration or a list of them (aliases).
const PROVIDER_LIST = listOf('a list of configuration objects', BLOCK);
const PROVIDER: Check = (v, up, key, report) => (Array.isArray(v) ? PROVIDER_LIST : BLOCK)(v, up, key, report);
const MOVED = withFields('{"from": "<address>", "to": "<address>"}', { from: STRING, to: STRING }, ANY, ['from', 'to']);
const IMPORT = withFields('{"to": "<address>", "id": "<live ID>"}', { to: STRING, id: STRING }, ANY, ['to', 'id']);

const TF_JSON = withFields(
  'a Terraform JSON configuration, as cdktf synth writes it',
  {
    '//': BLOCK,
    resource: RESOURCES,
    data: RESOURCES,
    provider: objectOf('an object of providers by name, each a configuration object or a list of them', PROVIDER),
    terraform: withFields('an object (the terraform block)', { backend: objectOf('an object of one backend type: its settings', BLOCK), cloud: BLOCK }, ANY),
    output: objectOf('an object of outputs by name', BLOCK),
    variable: objectOf('an object of variables by name', BLOCK),
    locals: BLOCK,
    module: objectOf('an object of modules by name', BLOCK),
    moved: listOf('a list of moved blocks', MOVED),
    import: listOf('a list of import blocks', IMPORT),
    check: ANY,
    removed: ANY,
  },
  'refuse',
);

const STEP = withFields(
  'a runbook step: {"id": "...", "title": "...", "values": {...}, ...}',
  { id: STRING, integration: STRING, title: STRING, why: STRING, actions: listOf('a list', ANY), values: BLOCK, terraformOutput: STRING, checkOnly: BOOLEAN },
  ANY,
  ['id'],
);
const RUNBOOK = withFields('a runbook: {"environment": "...", "steps": [...]}', { environment: STRING, steps: listOf('a list of runbook steps', STEP) }, ANY, ['steps']);

/** What is at a wrong place, in words: a kind, and a scalar's value (redacted and cut). */
function what(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === UNKNOWN_MEMBER) return 'not accepted here';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${showValue(value)})`;
}

/** Nesting past this is no synthesized file (cdktf writes about 10 levels); the review's walks stay within the call stack. */
export const MAX_DEPTH = 100;

/**
 * Whether `value` nests deeper than `max` levels. Recursive, but never more than `max` calls deep:
 * it returns as soon as it reaches that depth, so any nesting is measured within the call stack.
 */
function nestsDeeper(value: unknown, max: number, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= max) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestsDeeper(value[i], max, depth + 1)) return true;
  } else {
    for (const k in value) if (nestsDeeper((value as Record<string, unknown>)[k], max, depth + 1)) return true;
  }
  return false;
}

function problems(check: Check, value: unknown): string[] {
  if (nestsDeeper(value, MAX_DEPTH)) return [`nests lists or objects deeper than ${MAX_DEPTH} levels; accepted: a file as okta-sso synth writes it`];
  const out: string[] = [];
  let more = 0;
  check(value, undefined, undefined, (up, key, v, accepted) => {
    if (out.length < MAX_PROBLEMS) out.push(`${pathText(up, key) || '(the top level)'} is ${what(v)}; accepted: ${accepted}`);
    else more++;
  });
  if (more > 0) out.push(`and ${more} more shape problems`);
  return out;
}

/** Where a parsed cdk.tf.json is not shaped as Terraform JSON. */
export function tfJsonShapeProblems(tf: unknown): string[] {
  return problems(TF_JSON, tf);
}

/** Where a parsed runbook.json is not shaped as a runbook. */
export function runbookShapeProblems(runbook: unknown): string[] {
  return problems(RUNBOOK, runbook);
}
