import * as fs from 'fs';
import * as path from 'path';
import { Document, LineCounter, isMap, isSeq, isScalar, parseDocument, Node, Pair } from 'yaml';
import { ConfigProblem } from './problems';

const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** One parsed config file, able to say where a field sits in it. */
export class ConfigFile {
  constructor(
    /** Path for messages: the config dir as given, joined with the file's relative path. */
    readonly file: string,
    readonly data: unknown,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Line and column of the field at `fieldPath` (its key when it is a map entry), or of its nearest existing parent. */
  locate(fieldPath: ReadonlyArray<string | number>): { line?: number; column?: number } {
    let node: unknown = this.doc.contents;
    let offset: number | undefined = (this.doc.contents as Node | null)?.range?.[0];
    for (const segment of fieldPath) {
      if (isMap(node)) {
        const pair = node.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        offset = (node as Node).range?.[0] ?? offset;
      } else {
        break;
      }
    }
    if (offset === undefined) return {};
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}

/** Lists config files under `dir` (recursively, hidden entries skipped), sorted for determinism. */
export function listConfigFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(childRel);
      else if (CONFIG_EXTENSIONS.has(path.extname(entry.name))) found.push(childRel);
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
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, merge: false });
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const pos = lines.linePos(err.pos[0]);
        problems.push({ file: display, path: '', line: pos.line, column: pos.col, message: `${path.extname(rel) === '.json' ? 'JSON' : 'YAML'} syntax error: ${firstLine(err.message)}` });
      }
      continue;
    }
    const data = doc.toJS({ maxAliasCount: 100 }) ?? {};
    files.push(new ConfigFile(display, data, doc, lines));
  }
  return { files, problems, fileCount: rels.length };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
