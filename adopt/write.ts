import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Document, Pair, Scalar, YAMLMap, isMap, parseDocument } from 'yaml';
import { listConfigFiles, loadConfigFiles } from '../config/load-files';
import { formatProblemList, problemCount } from '../config/problems';
import { isPlainObject } from '../model/prop-strings';
import { keepLineFormatting } from '../config/yaml-format';
import { replaceConfigFile } from '../config/replace-file';
import { AdoptError } from './okta-api';
import { AdoptPlan } from './plan';
import { describe } from './read-org';

/** The config files of `dir` and the SP metadata files they name, relative to `dir` (inside it only). */
function configInputs(dir: string): string[] {
  const { files } = loadConfigFiles(dir);
  const inputs = new Set(listConfigFiles(dir));
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isPlainObject(value)) {
      const file = (value.spMetadata as { file?: unknown } | undefined)?.file;
      if (typeof file === 'string' && !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..') && fs.existsSync(path.join(dir, file))) inputs.add(file);
      Object.values(value).forEach(visit);
    }
  };
  files.forEach((f) => visit(f.data));
  return [...inputs];
}

/** The config files' new texts, by path: shared entries and this environment's entries added, comments and order kept. */
export function adoptionTexts(plan: AdoptPlan): Map<string, string> {
  const docs = new Map<string, { doc: Document; original: string }>();
  const docOf = (file: string) => {
    let d = docs.get(file);
    if (!d) {
      const original = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      d = { doc: parseDocument(original || '{}'), original };
      docs.set(file, d);
    }
    return d.doc;
  };
  for (const item of plan.integrations) {
    const origin = ` adopted from the live Okta app ${describe(item.app)} by okta-sso adopt`;
    if (item.shared) {
      const doc = docOf(plan.sharedFile);
      const at = ['integrations'];
      blockMap(doc, at);
      addEntry(doc, doc.getIn(at, true) as YAMLMap, item.key, item.shared, origin);
    }
    const doc = docOf(plan.envFile);
    const entries = ['environments', plan.env, 'integrations'];
    blockMap(doc, entries);
    const base = [...entries, item.key];
    if (!isMap(doc.getIn(base, true))) {
      // An entry enabled without values (`key:` or `key: null`) is replaced by the adopted one.
      const map = doc.getIn(entries, true) as YAMLMap;
      map.items = map.items.filter((p) => String((p.key as Scalar)?.value ?? p.key) !== item.key);
      addEntry(doc, map, item.key, item.envChanges, origin);
      continue;
    }
    for (const [at, value] of leaves(item.envChanges)) doc.setIn([...base, ...at], doc.createNode(value));
  }
  const texts = new Map<string, string>();
  for (const [file, { doc, original }] of docs) {
    texts.set(file, file.endsWith('.json') ? `${JSON.stringify(doc.toJS(), null, 2)}\n` : keepLineFormatting(original, doc.toString({ lineWidth: 0 })));
  }
  return texts;
}

/** `key: value` at the end of `map`, with a comment above it saying where it came from. */
function addEntry(doc: Document, map: YAMLMap, key: string, value: unknown, comment: string): void {
  const scalar = new Scalar(key);
  scalar.commentBefore = comment;
  map.items.push(new Pair(scalar, doc.createNode(value)));
}

/** The map at `at`, made a block map: entries added to `integrations: {}` are written one per line, not squeezed into braces. */
function blockMap(doc: Document, at: string[]): void {
  const node = doc.getIn(at, true);
  if (!isMap(node)) doc.setIn(at, new YAMLMap());
  else node.flow = false;
}

/** Each value to set: objects are walked into (so an existing entry's other fields stay), lists and scalars set whole. */
function leaves(value: Record<string, unknown>, at: string[] = []): Array<[string[], unknown]> {
  return Object.entries(value).flatMap(([k, v]) => (isPlainObject(v) ? leaves(v, [...at, k]) : [[[...at, k], v] as [string[], unknown]]));
}

/**
 * Writes the new texts only when the whole config, with them, validates (a
 * copy is checked first), each file replaced by a rename so that a config file
 * is never half written.
 */
export function writeAdoption(configDir: string, texts: ReadonlyMap<string, string>, check: (dir: string) => readonly string[]): void {
  checkAdoption(configDir, texts, check);
  for (const [file, text] of texts) {
    try {
      replaceConfigFile(configDir, file, text);
    } catch (err) {
      throw new AdoptError((err as Error).message);
    }
  }
}

/** Throws, listing the problems, unless the whole config with the new texts validates: checked on a copy, nothing written. */
export function checkAdoption(configDir: string, texts: ReadonlyMap<string, string>, check: (dir: string) => readonly string[]): void {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-adopt-'));
  try {
    // Only what validate reads: the config files and the SP metadata they name, never state or build output beside them.
    for (const rel of configInputs(configDir)) {
      fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
      fs.copyFileSync(path.join(configDir, rel), path.join(copy, rel));
    }
    for (const [file, text] of texts) fs.writeFileSync(path.join(copy, path.relative(configDir, file)), text);
    const problems = check(copy);
    if (problems.length) {
      throw new AdoptError(`the adopted config would not validate, so nothing can be written (${problemCount(problems.length)}):\n${formatProblemList(problems.map((p) => p.split(copy).join(configDir)))}`);
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
