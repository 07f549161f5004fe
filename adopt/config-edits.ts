import * as fs from 'fs';
import { ConfigFile } from '../config/load-files';
import { isPlainObject } from '../model/prop-strings';
import { showPath } from '../model/show-value';
import { canonical, clonePlain, dataAt, setData } from '../yaml-edit/data';
import { TextEdit, YamlEditError, applySplices, parseYaml, parsedYaml, splicesOf } from '../yaml-edit/edit';
import { blockLines, styleOf } from '../yaml-edit/render';
import { AdoptError } from './okta-api';
import { AdoptPlan } from './plan';
import { describe } from './read-org';

type Json = Record<string, unknown>;

/** One edit of one config file. */
interface FileEdit {
  readonly file: string;
  readonly edit: TextEdit;
}

/**
 * The config files' new texts, by path: shared entries and this environment's entries added. YAML is
 * edited on its text (yaml-edit/, the editor promote uses too), so every line adopt does not touch keeps every byte: line
 * endings, comments at the end of a line, quoting. A value written through an alias (`*e`), or one an
 * alias repeats, is refused at its line: an edit there would change another environment too.
 */
export function adoptionTexts(plan: AdoptPlan): Map<string, string> {
  const envEntries = ['environments', plan.env, 'integrations'];
  const added = { env: [] as Array<[string, unknown]>, shared: [] as Array<[string, unknown]> };
  const comments = { env: [] as Array<{ at: string[]; text: string }>, shared: [] as Array<{ at: string[]; text: string }> };
  const attached: FileEdit[][] = [];
  const originals = new Map<string, { text: string; data: unknown }>();
  const original = (file: string) => {
    let o = originals.get(file);
    if (!o) {
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      originals.set(file, (o = { text, data: clonePlain(parseYaml(text).toJS({ maxAliasCount: -1 }) ?? {}) }));
    }
    return o;
  };
  for (const item of plan.integrations) {
    const origin = ` adopted from the live Okta app ${describe(item.app)} by okta-sso adopt`;
    if (item.shared) {
      added.shared.push([item.key, item.shared]);
      comments.shared.push({ at: ['integrations', item.key], text: origin });
    }
    const base = [...envEntries, item.key];
    const entry = dataAt(original(plan.envFile).data, base);
    if (entry === undefined) {
      added.env.push([item.key, item.envChanges]);
      comments.env.push({ at: base, text: origin });
    } else {
      attached.push(entryEdits(base, entry, item.envChanges).map((edit) => ({ file: plan.envFile, edit })));
    }
  }
  // Each round is made on one parse of each file; two edits of one map go in different rounds.
  const rounds: FileEdit[][] = [];
  if (added.env.length) rounds.push([{ file: plan.envFile, edit: { kind: 'add', path: envEntries, entries: added.env, comments: comments.env } }]);
  if (added.shared.length) rounds.push([{ file: plan.sharedFile, edit: { kind: 'add', path: ['integrations'], entries: added.shared, comments: comments.shared } }]);
  for (let r = 0; attached.some((queue) => r < queue.length); r++) rounds.push(attached.filter((queue) => r < queue.length).map((queue) => queue[r]));

  const texts = new Map<string, string>();
  const expected = new Map<string, Json>();
  for (const round of rounds) {
    for (const file of new Set(round.map((e) => e.file))) {
      const { text, data } = original(file);
      const now = texts.get(file) ?? text;
      const want = expected.get(file) ?? (clonePlain(data) as Json);
      const edits = round.filter((e) => e.file === file).map((e) => e.edit);
      for (const edit of edits) applyData(want, edit);
      expected.set(file, want);
      if (file.endsWith('.json')) continue;
      texts.set(file, editedText(file, text, now, edits));
    }
  }
  const out = new Map<string, string>();
  for (const file of [plan.sharedFile, plan.envFile]) {
    const want = expected.get(file);
    if (want === undefined || out.has(file)) continue;
    if (file.endsWith('.json')) {
      out.set(file, `${JSON.stringify(want, null, 2)}\n`);
      continue;
    }
    // What the text reads back as must be what adopt meant to write, in this file and nowhere else.
    if (canonical(parseYaml(texts.get(file)!).toJS({ maxAliasCount: -1 })) !== canonical(want)) {
      throw new AdoptError(`${file}: adopt's edit of this file would read back otherwise than planned; nothing was written; accepted: the adopted values (above) added by hand, then validate`);
    }
    out.set(file, texts.get(file)!);
  }
  return out;
}

/** The edits that add `changes` to an environment's existing entry at `base`: new keys appended, objects walked into, the rest set whole. */
function entryEdits(base: readonly string[], entry: unknown, changes: Json): TextEdit[] {
  // An entry enabled without values (`key:`, `key: null`, `key: {}`) is written whole.
  if (!isPlainObject(entry) || Object.keys(entry).length === 0) return [{ kind: 'set', path: base, value: changes }];
  const edits: TextEdit[] = [];
  const added: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(changes)) {
    const old = Object.hasOwn(entry, key) ? entry[key] : undefined;
    if (old === undefined) added.push([key, value]);
    else if (isPlainObject(value) && isPlainObject(old)) edits.push(...entryEdits([...base, key], old, value));
    else edits.push({ kind: 'set', path: [...base, key], value });
  }
  return added.length ? [{ kind: 'add', path: base, entries: added, comments: [] }, ...edits] : edits;
}

function applyData(data: Json, edit: TextEdit): void {
  if (edit.kind === 'add') for (const [key, value] of edit.entries) setData(data, [...edit.path, key], value);
  else if (edit.kind === 'set') setData(data, edit.path, edit.value);
}

/** `now` (the file's text so far) with `edits` made, each refused at its line in the original text when it cannot be made in place. */
function editedText(file: string, original: string, now: string, edits: readonly TextEdit[]): string {
  const doc = parseYaml(now);
  const style = styleOf(doc, original);
  if (doc.contents === null) {
    // A file with no content yet (new, or comments only): only entries are added to it, and they are all it will hold.
    const lines = edits.flatMap((e) => {
      if (e.kind !== 'add') return [];
      const value = e.path.reduceRight<unknown>((inner, key) => Object.fromEntries([[key, inner]]), Object.fromEntries(e.entries));
      return blockLines(value, 0, style, new Map(e.comments.map((c) => [c.at.join('.'), c.text])));
    });
    return `${now}${now && !now.endsWith('\n') ? style.eol : ''}${lines.join(style.eol)}${style.eol}`;
  }
  const parsed = parsedYaml(now, style, doc);
  const splices = edits.flatMap((edit) => {
    try {
      return splicesOf(parsed, edit);
    } catch (err) {
      if (!(err instanceof YamlEditError)) throw err;
      throw refused(file, original, edit, err);
    }
  });
  return applySplices(now, splices);
}

/** An edit the editor cannot make in place, at the line of the original file where the user should look. */
function refused(file: string, original: string, edit: TextEdit, err: YamlEditError): AdoptError {
  const field = edit.kind === 'add' ? [...edit.path, edit.entries[0][0]] : edit.path;
  const at = err.at.length ? err.at : field;
  const { line } = new ConfigFile(file, undefined, original).locate(at);
  // The part of the path at fault, when it is not the field itself: `environments.staging is an alias` for a field below it.
  const subject = err.at.length && err.at.length < field.length ? `${showPath(err.at.join('.'))} ` : '';
  return new AdoptError(`${file}${line !== undefined ? `:${line}` : ''}: ${showPath(field.join('.'))}: ${subject}${err.message}; nothing was written`);
}
