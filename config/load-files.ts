import * as fs from 'fs';
import { CORE_SCHEMA, load as loadYamlData } from 'js-yaml';
import * as path from 'path';
import type { CST, Document, LineCounter, Node } from 'yaml';
import { readRegularFile } from '../model/regular-file';
import { listConfigEntries } from './list-files';
import { ConfigProblem } from './problems';
import { duplicateKey } from './yaml-duplicate-keys';
import { checkTags } from './yaml-tags';
import { lineAndColumn, notJsonAt } from '../model/json-text';
import { embeddedSecretKind } from '../model/secret-literals';
import { showValue } from '../model/show-value';
import { badCharacter } from '../model/text-chars';
import { checkAliases } from './yaml-aliases';
import { TOO_DEEP, isTooDeep, tooDeepToken } from './yaml-depth';
import { misalignedKey, overIndentedKey, overIndentedMessage } from './yaml-indent';

interface Positioned {
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** The largest config file read: 16 times a 10,000-integration environment's file; refused from its size, before it is read. */
export const MAX_CONFIG_FILE_BYTES = 64 * 1024 * 1024;

/** One parsed config file, able to say where a field sits in it. */
export class ConfigFile {
  private positions?: Map<string, number>;

  constructor(
    /** Path for messages: the config dir as given, joined with the file's relative path. */
    readonly file: string,
    readonly data: unknown,
    /** The file's text as read (promote --write takes the source's quoting from it). */
    readonly text: string,
    private positioned?: Positioned,
  ) {}

  /** Line and column of the field at `fieldPath` (its key when it is a map entry), or of its nearest existing parent. */
  locate(fieldPath: ReadonlyArray<string | number>): { line?: number; column?: number } {
    // Positions are parsed on first use: only a file with a problem needs them.
    // A file is located only once it parsed: within the depth limit, so composing cannot fail here.
    const { doc, lines } = (this.positioned ??= parseWithPositions(this.text) as Positioned);
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

/** A problem's place: the file, the field's dot path and, when found, its line and column. */
export function placeAt(file: ConfigFile, at: ReadonlyArray<string | number>): Omit<ConfigProblem, 'message'> {
  return { file: file.file, path: at.join('.'), ...file.locate(at) };
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
  return listConfigEntries(dir).files;
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
  const { files: rels, problems: listed } = listConfigEntries(dir);
  problems.push(...listed);
  if (rels.length === 0 && listed.length === 0) {
    problems.push({ file: dir, path: '', message: 'no config files (.yaml, .yml or .json) in this directory' });
  }
  const files: ConfigFile[] = [];
  for (const rel of rels) {
    // Every message names its file: a name that looks like a secret would be printed in each.
    const secretName = rel.split(path.sep).map((segment) => embeddedSecretKind(segment.replace(/\.(ya?ml|json)$/, ''))).find((kind) => kind !== undefined);
    if (secretName) {
      problems.push({ file: dir, path: '', message: `a config file's name, or a folder's it is in, looks like ${secretName} (name not shown); accepted: a name that says what the file holds (rename it)` });
      continue;
    }
    // A line break or a bidirectional control in a name would break, or reorder, every line that names the file.
    const badName = badCharacter(rel);
    if (badName) {
      problems.push({ file: dir, path: '', message: `config file ${showValue(rel.split(path.sep).join('/'))}: its name ${badName}; rename it` });
      continue;
    }
    const display = path.join(dir, rel).split(path.sep).join('/');
    const kind = path.extname(rel) === '.json' ? 'JSON' : 'YAML';
    const read = readRegularFile(path.join(dir, rel), MAX_CONFIG_FILE_BYTES);
    if (!('text' in read)) {
      problems.push({ file: display, path: '', message: `this file ${read.why}; accepted: a readable, regular ${kind} file of at most ${MAX_CONFIG_FILE_BYTES} bytes (split a larger one: every file of the directory is read)` });
      continue;
    }
    const text = read.text;
    // A NUL byte is never in a text file: a binary saved with a config name (an editor's swap file, a download).
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      problems.push({ file: display, path: '', message: isUtf16(text) ? `this file is UTF-16 text, not UTF-8; accepted: a ${kind} file saved as UTF-8 (Windows PowerShell 5 writes UTF-16 with \`>\`)` : `this file is binary, not text (a NUL byte at character ${nul + 1}); accepted: a ${kind} text file` });
      continue;
    }
    if (read.invalidUtf8) {
      const { line, column } = read.invalidUtf8;
      problems.push({ file: display, path: '', line, column, message: `this file is not UTF-8 text: the byte here is not part of a UTF-8 character (saved as Latin-1 or Windows-1252?); accepted: a ${kind} file saved as UTF-8` });
      continue;
    }
    // A .json file is JSON: YAML would also read trailing commas and `//` comments, as keys of their own.
    if (kind === 'JSON' && text.trim() !== '') {
      const bom = text.startsWith('\uFEFF') ? 1 : 0;
      const offset = notJsonAt(text.slice(bom));
      if (offset !== undefined) {
        const { line, column } = lineAndColumn(text, offset + bom);
        problems.push({ file: display, path: '', line, column, message: `JSON syntax error: not valid JSON here (a trailing comma, a comment, a quote missing?); accepted: a JSON file, or the same settings in a .yaml file` });
        continue;
      }
    }
    const fast = fastData(text);
    if (fast.ok) {
      files.push(new ConfigFile(display, fast.data ?? {}, text));
      continue;
    }
    const parsed = parseWithPositions(text);
    if ('tooDeepAt' in parsed) {
      const pos = parsed.lines.linePos(parsed.tooDeepAt);
      problems.push({ file: display, path: '', line: pos.line, column: pos.col, message: `${kind} error: ${TOO_DEEP}` });
      continue;
    }
    const { doc, lines } = parsed;
    if (doc.errors.length > 0) {
      // The parser's errors for an over-indented key are at the line above it, and two: one problem at the key instead.
      const overIndented = new Set<number>();
      for (const err of doc.errors) {
        const key = overIndentedKey(text, err.code, err.pos[0]) ?? misalignedKey(text, err.code, err.pos[0]);
        if (key && overIndented.has(key.offset)) continue;
        if (key) overIndented.add(key.offset);
        const pos = lines.linePos(key ? key.offset : pastIndentation(text, err.pos[0]));
        problems.push({ file: display, path: '', line: pos.line, column: pos.col, message: `${kind} syntax error: ${key ? overIndentedMessage(key) : firstLine(err.message)}` });
      }
      continue;
    }
    const duplicate = duplicateKey(doc, (offset) => lines.linePos(offset).line);
    if (duplicate) {
      const pos = lines.linePos(duplicate.offset);
      problems.push({ file: display, path: '', line: pos.line, column: pos.col, message: `${kind} syntax error: ${duplicate.message}` });
      continue;
    }
    const aliasProblem = checkAliases(doc);
    if (aliasProblem) {
      const pos = lines.linePos(aliasProblem.offset);
      problems.push({ file: display, path: '', line: pos.line, column: pos.col, message: `${kind} error: ${aliasProblem.message}` });
      continue;
    }
    const tagProblem = checkTags(doc, text);
    if (tagProblem) {
      const pos = lines.linePos(tagProblem.offset);
      problems.push({ file: display, path: '', line: pos.line, column: pos.col, message: `${kind} error: ${tagProblem.message}` });
      continue;
    }
    try {
      // checkAliases bounds what aliases expand to, with the place of the alias: the library's own count, without one, is not needed.
      files.push(new ConfigFile(display, doc.toJS({ maxAliasCount: -1 }) ?? {}, text, { doc, lines }));
    } catch (err) {
      problems.push({ file: display, path: '', message: `${kind} error: ${firstLine((err as Error).message)}` });
    }
  }
  return { files, problems, fileCount: rels.length };
}

/**
 * The `yaml` library's parseDocument, in its two steps: parsing (which keeps
 * its own stack) and composing (which recurses), with the depth checked in
 * between, so a thousand nested `[` is a located problem, not a stack overflow.
 */
function parseWithPositions(text: string): Positioned | { tooDeepAt: number; lines: LineCounter } {
  const { Composer, LineCounter, Parser } = yamlLibrary();
  const lines = new LineCounter();
  const tokens: CST.Token[] = [...new Parser(lines.addNewLine).parse(text)];
  const tooDeepAt = tooDeepToken(tokens);
  if (tooDeepAt !== undefined) return { tooDeepAt, lines };
  // The core schema whatever a `%YAML 1.1` directive says: read as js-yaml's fast path reads it (`yes` stays text).
  const docs = [...new Composer({ uniqueKeys: false, merge: false, logLevel: 'error', schema: 'core' }).compose(tokens, true, text.length)];
  const doc = docs[0];
  if (docs.length > 1) doc.errors.push(new (yamlLibrary().YAMLParseError)(docs[1].range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'more than one document (a second ---); accepted: one document per file'));
  return { doc, lines };
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
    const data = loadYamlData(text, { schema: CORE_SCHEMA });
    // Too deep: the `yaml` library's path refuses it with its line.
    return isTooDeep(data) ? { ok: false } : { ok: true, data };
  } catch {
    return { ok: false };
  }
}

/**
 * Where an error starting at `offset` is to be seen: an indentation error (`All mapping items
 * must start at the same column`) starts at the line's first space, column 1, while the item
 * that is out of place starts after its indentation.
 */
function pastIndentation(text: string, offset: number): number {
  let at = offset;
  while (text[at] === ' ' || text[at] === '\t') at++;
  // A line of blanks only: its start is the place.
  return text[at] === undefined || text[at] === '\n' || text[at] === '\r' ? offset : at;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * UTF-16 read as UTF-8: its byte order mark becomes two replacement characters, then text in the Latin range has a NUL
 * at every other place (every odd one little-endian, every even one big-endian). A binary file has no such rhythm.
 */
function isUtf16(text: string): boolean {
  const sample = (text.startsWith('\uFFFD\uFFFD') ? text.slice(2) : text).slice(0, 64);
  if (sample.length < 4) return false;
  let oddNul = true;
  let evenNul = true;
  for (let i = 0; i < sample.length; i++) {
    const nul = sample[i] === '\u0000';
    if (i % 2 === 0) evenNul &&= nul;
    else oddNul &&= nul;
    if (i % 2 === 1 && nul === (sample[i - 1] === '\u0000')) return false;
  }
  return oddNul || evenNul;
}
