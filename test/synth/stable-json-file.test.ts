import * as fs from 'fs';
import * as path from 'path';
import { writeStableJsonFile } from '../../synth/stable-json-file';
import { tempDir } from '../helpers';

// What cdktf writes cdk.tf.json with: the bytes to match.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stableStringify = require(require.resolve('json-stable-stringify', { paths: [path.dirname(require.resolve('cdktf'))] })) as (value: unknown, opts: { space: number }) => string;

/** The fs module itself (not the import's namespace copy), for spies the code under test sees. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fsModule = require('fs') as typeof fs;

afterEach(() => jest.restoreAllMocks());

function written(value: unknown): string {
  const file = path.join(tempDir(), 'cdk.tf.json');
  writeStableJsonFile(file, value);
  return fs.readFileSync(file, 'utf8');
}

const cases: Array<[string, unknown]> = [
  ['a stack-shaped object', { '//': { metadata: { backend: 'local', cloud: undefined } }, resource: { okta_app_saml: { b: { label: 'B' }, a: { label: 'A', count: 1 } } } }],
  ['empty objects and lists, at every level', { a: {}, b: [], c: { d: { e: {}, f: [[], {}] } } }],
  ['undefined and functions: left out of objects, null in lists', { a: undefined, b: () => 1, c: [undefined, () => 1, 2], d: 'kept' }],
  ['toJSON', { when: new Date(Date.UTC(2026, 11, 2)), custom: { toJSON: () => ({ z: 1, a: [true] }) }, gone: { toJSON: () => undefined } }],
  ['numbers JSON cannot hold, and negative zero', { nan: NaN, inf: -Infinity, zero: -0, big: 1e21, small: 5e-7 }],
  ['text that needs escaping, and keys sorted by UTF-16 code unit', { 'é': '"quoted"\n\t\u0001', Z: 'ß😀', a: '\u2028', '😀': 1, '': null, '10': 1, '9': 2 }],
  ['a list at the root', [1, 'two', { three: 3 }, [4]]],
];

test.each(cases)('%s: the same bytes as json-stable-stringify with space 2', (_name, value) => {
  expect(written(value)).toBe(stableStringify(value, { space: 2 }));
});

test('random documents: the same bytes as json-stable-stringify with space 2', () => {
  // A fixed seed: the same documents on every run.
  let seed = 20261202;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const text = () => Array.from({ length: Math.floor(next() * 6) }, () => pick(['a', 'B', '"', '\\', '\n', 'é', '😀', ' ', '$', '{'])).join('');
  const value = (depth: number): unknown => {
    const kind = depth > 4 ? Math.floor(next() * 5) : Math.floor(next() * 8);
    if (kind === 0) return text();
    if (kind === 1) return Math.floor(next() * 2000) - 1000 + pick([0, 0.5, 0.125]);
    if (kind === 2) return pick([true, false, null]);
    if (kind === 3) return undefined;
    if (kind === 4) return pick([[], {}]);
    if (kind === 5) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [text(), value(depth + 1)]));
  };
  for (let i = 0; i < 300; i++) {
    const doc = { root: value(0) };
    expect(written(doc)).toBe(stableStringify(doc, { space: 2 }));
  }
});

test('a large document is written a piece at a time, never as one text', () => {
  const resource = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`app_${i}`, { label: `App ${i} ✓`, sso_url: `https://example.com/${i}/acs` }]));
  const doc = { resource: { okta_app_saml: resource } };
  const writes: number[] = [];
  const writeSync = fsModule.writeSync;
  jest.spyOn(fsModule, 'writeSync').mockImplementation(((fd: number, buffer: Buffer, offset: number, length: number) => {
    writes.push(length);
    return (writeSync as (fd: number, b: Buffer, o: number, l: number) => number)(fd, buffer, offset, length);
  }) as typeof fs.writeSync);
  const text = written(doc);
  jest.restoreAllMocks();
  expect(text).toBe(stableStringify(doc, { space: 2 }));
  const total = Buffer.byteLength(text);
  expect(total).toBeGreaterThan(4 << 20);
  expect(writes.reduce((a, b) => a + b, 0)).toBe(total);
  // Each write is about a megabyte of text (a few bytes per character at most), far less than the whole.
  expect(Math.max(...writes)).toBeLessThan(total / 2);
  expect(writes.length).toBeGreaterThan(3);
});

test('a cycle is refused as JSON refuses it, and the file is closed', () => {
  const doc: Record<string, unknown> = { a: 1 };
  doc.self = doc;
  const closed = jest.spyOn(fsModule, 'closeSync');
  expect(() => written(doc)).toThrow(new TypeError('Converting circular structure to JSON'));
  expect(closed).toHaveBeenCalledTimes(1);
});

test('a value with no JSON text at all is refused, not written as "undefined"', () => {
  expect(() => written(undefined)).toThrow(/no JSON text/);
});
