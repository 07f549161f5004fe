import * as fs from 'fs';
import { CORE_SCHEMA, load as loadYamlData } from 'js-yaml';
import * as path from 'path';
import type { Document, LineCounter, Node } from 'yaml';
import { ConfigProblem } from './problems';

const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** Directories that hold tool output, never config. */
const SKIPPED_DIRS = new Set(['node_modules', 'cdktf.out', 'state']);

interface Positioned {
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** One parsed config file, able to say where a field sits in it. */
export class ConfigFile {
  private positions?: Map<string, number>;

  constructor(
    /** Path for messages: the config dir as given, joined with the file's relative path. */
    readonly file: string,
    readonly data: unknown,
    private readonly text: string,
    private positioned?: Positioned,
  ) {}

  /** Line and column of the field at `fieldPath` (its key when it is a map entry), or of its nearest existing parent. */
  locate(fieldPath: ReadonlyArray<string | number>): { line?: number; column?: number } {
    // Positions are parsed on first use: only a file with a problem needs them.
    const { doc, lines } = (this.positioned ??= parseWithPositions(this.text));
    const positions = (this.positions ??= indexPositions(doc));
    for (let n = fieldPath.length; n >= 0; n--) {
      const offset = positions.get(fieldPath.slice(0, n).join('\u0000'));
      if (offset !== undefined) {
        const pos = lines.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
    }
    return {};
  }
}

/** The `yaml` library: loaded only for a file with a problem or one the fast path does not take. */
const yamlLibrary = () => require('yaml') as typeof import('yaml');

/** Offsets of every map key and list item, by path: built once, so locating many problems stays linear. */
function indexPositions(doc: Document): Map<string, number> {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  const index = new Map<string, number>();
  const walk = (node: unknown, at: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const childAt = [...at, String(pair.key.value)];
        const offset = (pair.key as Node).range?.[0];
        if (offset !== undefined) index.set(childAt.join('\u0000'), offset);
        walk(pair.value, childAt);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const childAt = [...at, String(i)];
        const offset = (item as Node | null)?.range?.[0];
        if (offset !== undefined) index.set(childAt.join('\u0000'), offset);
        walk(item, childAt);
      });
    }
  };
  const root = doc.contents as Node | null;
  if (root?.range) index.set('', root.range[0]);
  walk(root, []);
  return index;
}

/** Lists config files under `dir` (recursively; hidden entries and tool output skipped), sorted for determinism. */
export function listConfigFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const isSynthOutput = fs.existsSync(path.join(dir, childRel, 'manifest.json'));
        if (!SKIPPED_DIRS.has(entry.name) && !isSynthOutput) walk(childRel);
      } else if (CONFIG_EXTENSIONS.has(path.extname(entry.name))) {
        found.push(childRel);
      }
    }
  };
  walk('');
  return found.sort();
}

export interface LoadedFiles {
  readonly files: ConfigFile[];
  readonly problems: ConfigProblem[];
  /** Config files found, including those that did not parse. */
  readonly fileCount: number;
}

/** Reads and parses every config file in `dir`; syntax errors become problems with line and column. */
export function loadConfigFiles(dir: string): LoadedFiles {
  const problems: ConfigProblem[] = [];
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return { files: [], fileCount: 0, problems: [{ file: dir, path: '', message: 'config directory not found; accepted: a directory of .yaml/.yml/.json config files' }] };
  }
  const rels = listConfigFiles(dir);
  if (rels.length === 0) {
    problems.push({ file: dir, path: '', message: 'no config files (.yaml, .yml or .json) in this directory' });
  }
  const files: ConfigFile[] = [];
  for (const rel of rels) {
    const display = path.join(dir, rel).split(path.sep).join('/');
    const kind = path.extname(rel) === '.json' ? 'JSON' : 'YAML';
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, rel), 'utf8');
    } catch (err) {
      problems.push({ file: display, path: '', message: `cannot read this file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      continue;
    }
    const fast = fastData(text);
    if (fast.ok) {
      files.push(new ConfigFile(display, fast.data ?? {}, text));
      continue;
    }
    const { doc, lines } = parseWithPositions(text);
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const pos = lines.linePos(err.pos[0]);
        problems.push({ file: display, path: '', line: pos.line, column: pos.col, message: `${kind} syntax error: ${firstLine(err.message)}` });
      }
      continue;
    }
    try {
      files.push(new ConfigFile(display, doc.toJS({ maxAliasCount: 100 }) ?? {}, text, { doc, lines }));
    } catch (err) {
      problems.push({ file: display, path: '', message: `${kind} error: ${firstLine((err as Error).message)}` });
    }
  }
  return { files, problems, fileCount: rels.length };
}

function parseWithPositions(text: string): Positioned {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, merge: false, logLevel: 'error' }), lines };
}

/**
 * Where js-yaml and `yaml` could read the same text differently: anchors and
 * aliases (`yaml` limits alias expansion), binary ints (`0b1`, a string for
 * `yaml`'s YAML 1.2 core schema) and signed bare-decimal floats (`+.5`).
 */
const NOT_FOR_FAST_PATH = /(^|[\s[{,])[&*]\S|\b0b[01]|[-+]\.[0-9]/m;

/**
 * The file's data through js-yaml (YAML 1.2 core schema), about five times
 * faster than `yaml`'s full document (600 ms for a 1,000-app organisation).
 * Anything it refuses (syntax errors, duplicate keys, unknown tags) and any text
 * it might read differently goes through `yaml`, which also gives positions.
 */
function fastData(text: string): { ok: true; data: unknown } | { ok: false } {
  if (NOT_FOR_FAST_PATH.test(text)) return { ok: false };
  try {
    return { ok: true, data: loadYamlData(text, { schema: CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
