/**
 * A property test: the example organisation's config, mutated the ways users
 * and attackers break config (wrong types, prototype names, huge, invisible,
 * deeply nested and secret-looking values, removed and renamed keys), through
 * `validate` and `synth` as a user runs them. Whatever the mutation: an exit
 * code of 0, 1 or 2; every problem located; no message past a bound; no
 * internal error; no secret echoed; nothing written when synth fails; and what
 * validate accepts, synth accepts.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { EXAMPLE_DIR, runCliCaptured, tempDir } from '../helpers';

jest.setTimeout(120_000);

const STRIPE_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
const GITHUB_TOKEN = `ghp_${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'}`;
/** Values no message may show, whole or in part. */
const SECRETS = [STRIPE_KEY, GITHUB_TOKEN];

const nested = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

const HOSTILE_VALUES: unknown[] = [
  true,
  1,
  -1,
  1e308,
  null,
  [],
  {},
  '',
  [true],
  [null],
  [[]],
  [1, null],
  'toString',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  'x'.repeat(200_000),
  'a\u0000b',
  'Engineering\u200b',
  'a\u202eb',
  `https://console.aiven.io/?t=${STRIPE_KEY}`,
  `label ${GITHUB_TOKEN}`,
  `secret:${STRIPE_KEY}`,
  'eyJaaaaaaaa-'.repeat(20_000),
  nested(1_000),
  '../../../../etc/passwd',
  '/etc/passwd',
  '${var.x}',
  'http://insecure.example.com/acs',
  '~> 99',
  '> 6.6, < 6.0',
  '.',
];
const HOSTILE_KEYS = ['__proto__', 'toString', 'constructor', 'k'.repeat(300), 'a\u0000b'];

type Path = ReadonlyArray<string | number>;

/** Every path in `data` to a map entry or list item, in document order. */
function pathsIn(data: unknown, at: Path = []): Path[] {
  if (data === null || typeof data !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  return entries.flatMap(([k, v]) => [[...at, k], ...pathsIn(v, [...at, k])]);
}

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'renameKey'; to: string } | { kind: 'appendItem'; value: unknown };

function apply(data: unknown, at: Path, m: Mutation): void {
  let parent = data as Record<string | number, unknown>;
  for (const seg of at.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  if (m.kind === 'set') parent[last] = m.value;
  else if (m.kind === 'delete') Array.isArray(parent) ? parent.splice(last as number, 1) : delete parent[last];
  else if (m.kind === 'appendItem' && Array.isArray(parent[last])) (parent[last] as unknown[]).push(m.value);
  else if (m.kind === 'renameKey' && !Array.isArray(parent)) {
    // Defined as an own property, so that a key named __proto__ is written as a key, as a user's YAML would have it.
    Object.defineProperty(parent, m.to, { value: parent[last], enumerable: true, configurable: true, writable: true });
    delete parent[last];
  }
}

const CONFIG_FILES = ['integrations.yaml', 'environments/dev.yaml', 'environments/staging.yaml', 'environments/prod.yaml'];
const originals = Object.fromEntries(CONFIG_FILES.map((f) => [f, parse(fs.readFileSync(path.join(EXAMPLE_DIR, f), 'utf8'))]));
const pathCounts = Object.fromEntries(CONFIG_FILES.map((f) => [f, pathsIn(originals[f]).length]));

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), value: fc.constantFrom(...HOSTILE_VALUES) }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('renameKey' as const), to: fc.constantFrom(...HOSTILE_KEYS) }),
  fc.record({ kind: fc.constant('appendItem' as const), value: fc.constantFrom(...HOSTILE_VALUES) }),
);
const caseArb = fc.array(fc.record({ file: fc.constantFrom(...CONFIG_FILES), position: fc.nat(), mutation: mutationArb }), { minLength: 1, maxLength: 3 });

/** Writes the example config with the mutations applied; returns the config dir. */
function mutatedConfig(mutations: ReadonlyArray<{ file: string; position: number; mutation: Mutation }>): string {
  const dir = path.join(tempDir(), 'config');
  fs.cpSync(EXAMPLE_DIR, dir, { recursive: true, filter: (src) => !/[\\/](state|cdktf\.out)$/.test(src) });
  const data: Record<string, unknown> = Object.fromEntries(CONFIG_FILES.map((f) => [f, structuredClone(originals[f])]));
  for (const { file, position, mutation } of mutations) {
    const paths = pathsIn(data[file]);
    if (paths.length > 0) apply(data[file], paths[position % paths.length], mutation);
  }
  for (const f of CONFIG_FILES) fs.writeFileSync(path.join(dir, f), stringify(data[f], { aliasDuplicateObjects: false, lineWidth: 0 }));
  return dir;
}

const INTERNAL_ERROR = /Cannot read propert|is not a function|is not iterable|Maximum call stack|heap out of memory|\bat .+\(.+:\d+:\d+\)|TypeError|RangeError|ReferenceError|undefined \(reading/;
const MAX_LINE = 2_000;

/** What must hold of any command's output, whatever the config. */
function checkOutput(command: string, r: { code: number; out: string; err: string }, dir: string): void {
  const text = r.out + r.err;
  expect({ command, code: [0, 1, 2].includes(r.code) }).toEqual({ command, code: true });
  expect({ command, internal: INTERNAL_ERROR.exec(text)?.[0] }).toEqual({ command, internal: undefined });
  for (const secret of SECRETS) expect({ command, leaks: text.includes(secret.slice(0, 16)) }).toEqual({ command, leaks: false });
  for (const line of text.split('\n')) expect({ command, long: line.length > MAX_LINE ? line.slice(0, 120) : '' }).toEqual({ command, long: '' });
  // A problem line: `  <file>[:line:column]: [field path: ]message`, with a line or a field path.
  for (const line of r.err.split('\n').filter((l) => l.startsWith(`  ${dir}`))) {
    const located = /^ {2}\S+?:\d+:\d+: /.test(line) || /^ {2}\S+?(:\d+:\d+)?: [A-Za-z_$][\w$.-]*: /.test(line);
    expect({ command, line: located ? '' : line.slice(0, 200) }).toEqual({ command, line: '' });
  }
}

test('validate and synth of a mutated example config: exit 0/1/2, problems located, bounded, no internal error, no secret, nothing written on failure', async () => {
  expect(Object.values(pathCounts).every((n) => n > 10)).toBe(true);
  await fc.assert(
    fc.asyncProperty(caseArb, async (mutations) => {
      const dir = mutatedConfig(mutations);
      const validated = await runCliCaptured(['validate', '--config', dir]);
      checkOutput('validate', validated, dir);
      const outRoot = tempDir();
      const out = path.join(outRoot, 'nested', 'cdktf.out');
      const synthesized = await runCliCaptured(['synth', '--config', dir, '--out', out]);
      checkOutput('synth', synthesized, dir);
      if (synthesized.code !== 0) expect(fs.readdirSync(outRoot)).toEqual([]);
      // Whatever validate accepts, synth accepts: validate says everything synth would refuse.
      expect({ validate: validated.code === 0, synth: synthesized.code === 0 }).toEqual({ validate: validated.code === 0, synth: validated.code === 0 });
    }),
    { seed: 20261202, numRuns: 40 },
  );
});
