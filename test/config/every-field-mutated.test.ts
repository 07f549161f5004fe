import * as fs from 'fs';
import { dump, load } from 'js-yaml';
import * as path from 'path';
import { checkConfig } from '../../cli/check-config';
import { formatProblem } from '../../config/problems';
import { EXAMPLE_DIR, listFiles, tempDir } from '../helpers';

type Path = Array<string | number>;

/** Every field path of `value`, maps and list items alike. */
function fieldPaths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) fieldPaths(v, [...at, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

/** What a user may leave at a field by mistake: nothing, or a value of another shape. */
const MISTAKES: ReadonlyArray<[string, (parent: Record<string | number, unknown>, key: string | number) => void]> = [
  ['left out', (parent, key) => (Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key])],
  ['null', (parent, key) => (parent[key] = null)],
  ['an empty list', (parent, key) => (parent[key] = [])],
  ['an empty map', (parent, key) => (parent[key] = {})],
  ['a number', (parent, key) => (parent[key] = 1)],
  ['a list holding null', (parent, key) => (parent[key] = [null])],
];

// Each field of the example org (every SP, provisioning, push groups, IdP record forms), each mistake in turn:
// the answer is the config's model or located problems, never an error from inside.
test('any field of the example config left out or given the wrong shape gives a located problem, never an internal error', () => {
  const yamlFiles = listFiles(EXAMPLE_DIR).filter((f) => /\.ya?ml$/.test(f));
  const docs = new Map(yamlFiles.map((f) => [f, load(fs.readFileSync(path.join(EXAMPLE_DIR, f), 'utf8'))]));
  const dir = path.join(tempDir(), 'config');
  fs.cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const crashes: string[] = [];
  let tried = 0;
  for (const [file, doc] of docs) {
    for (const at of fieldPaths(doc).filter((p) => p.length >= 2)) {
      for (const [name, mistake] of MISTAKES) {
        const changed = structuredClone(doc) as Record<string | number, unknown>;
        const parent = at.slice(0, -1).reduce<Record<string | number, unknown>>((node, seg) => node[seg] as Record<string | number, unknown>, changed);
        mistake(parent, at[at.length - 1]);
        fs.writeFileSync(path.join(dir, file), dump(changed));
        tried += 1;
        try {
          const { model, problems } = checkConfig(dir);
          if (!model && problems.length === 0) crashes.push(`${file}: ${at.join('.')} ${name}: no model and no problem`);
          for (const p of problems) if (!p.file.startsWith(dir)) crashes.push(`${file}: ${at.join('.')} ${name}: a problem not located in the config: ${formatProblem(p)}`);
        } catch (err) {
          crashes.push(`${file}: ${at.join('.')} ${name}: ${(err as Error).message}`);
        }
      }
    }
    fs.copyFileSync(path.join(EXAMPLE_DIR, file), path.join(dir, file));
  }
  expect(crashes).toEqual([]);
  // The example covers every SP: hundreds of fields, so a loop that tried nothing fails here.
  expect(tried).toBeGreaterThan(1000);
}, 120_000);
