import { replaceConfigFile } from '../config/replace-file';
import * as fs from 'fs';
import { Document, isAlias } from 'yaml';
import { lineAndColumn } from '../model/json-text';
import { showPath } from '../model/show-value';
import { dataAt, deleteData, insertData, moveData, renameData, setData, unflatten } from '../yaml-edit/data';
import { expandEdit } from './expand';
import { canonical } from '../yaml-edit/data';
import { BY_HAND, KeyComment, Splice, TextEdit, YamlEditError, applySplices, parseYaml, parsedYaml, splicesOf } from '../yaml-edit/edit';
import { styleOf } from '../yaml-edit/render';
import { PromotePlan, ValueSource, hasWork, removes } from './plan';
import { SourceFiles, quotedIn } from './source-quoting';

/** A promotion that cannot be written: names the file, line and field; nothing was written. */
export class PromoteWriteError extends Error {}

/** Path parts down to an integration's own entry: environments, the environment, integrations, the key. */
const INTEGRATION_DEPTH = 4;

/**
 * The plan as queues of edits of the target file, one queue per integration:
 * the edits of one queue are made one after another (each may expand into the
 * edits of the entries or items it changes, see expandEdit), and each round
 * makes the next edit of every queue on one parse (a file of a thousand
 * integrations is parsed a few times, not once per field). The integrations
 * the target lacks come first, in one edit of their own round: they are all
 * appended at the end of its `integrations:`.
 */
function queuesOf(plan: PromotePlan, quotedOf: (sources: readonly ValueSource[]) => ReadonlyMap<string, string>): { add?: TextEdit; queues: TextEdit[][] } {
  const integrationsAt = ['environments', plan.to, 'integrations'];
  const added: Array<[string, unknown]> = [];
  const comments: KeyComment[] = [];
  const quoted = new Map<string, string>();
  const queues: TextEdit[][] = [];
  for (const item of plan.integrations) {
    const base = [...integrationsAt, item.key];
    if (item.kind === 'missing') {
      const needs = item.needsValues.length ? `; set ${plan.to}'s own values for: ${item.needsValues.join(', ')}` : '';
      added.push([item.key, unflatten(item.fields)]);
      comments.push({ at: base, text: ` promoted from ${plan.from}${needs}` });
      for (const [value, text] of quotedOf(item.sources)) quoted.set(value, text);
    } else if (item.kind === 'differs') {
      const own = quotedOf(item.sources);
      // The target's entry under the integration's old key is renamed first: its values are the integration's own.
      const rename: TextEdit[] = item.renamedFrom !== undefined ? [{ kind: 'rename', path: [...integrationsAt, item.renamedFrom], to: item.key }] : [];
      queues.push([
        ...rename,
        ...item.changes.map((change): TextEdit => {
          const path = [...base, ...change.path.split('.')];
          return removes(change) ? { kind: 'delete', path, keep: base.length } : { kind: 'set', path, value: change.to, quoted: own };
        }),
      ]);
    }
  }
  return { add: added.length ? { kind: 'add', path: integrationsAt, entries: added, comments, quoted } : undefined, queues };
}

/**
 * The next round: the next edit of every queue, each expanded (on the data as
 * the earlier rounds left it) until it is one the editor makes. A value the
 * target writes as an alias (`*attrs`) is replaced whole: its entries are
 * written elsewhere, where promote must not change them.
 */
function nextRound(queues: TextEdit[][], data: unknown, doc: Document | undefined): TextEdit[] {
  const round: TextEdit[] = [];
  for (const queue of queues) {
    while (queue.length) {
      const expanded = isAlias(doc?.getIn(queue[0].path, true)) ? undefined : expandEdit(queue[0], dataAt(data, queue[0].path));
      if (!expanded) {
        round.push(queue.shift()!);
        break;
      }
      queue.splice(0, 1, ...expanded);
    }
  }
  return round;
}

function applyData(data: Record<string, unknown>, edit: TextEdit): void {
  if (edit.kind === 'set') setData(data, edit.path, edit.value);
  else if (edit.kind === 'insert') insertData(data, edit.path, edit.value);
  else if (edit.kind === 'move') moveData(data, edit.path, edit.to);
  else if (edit.kind === 'add') for (const [key, value] of edit.entries) setData(data, [...edit.path, key], value);
  else if (edit.kind === 'rename') renameData(data, edit.path, edit.to);
  else deleteData(data, edit.path, edit.keep);
}

/** Line (from 1) of the deepest part of `path` that the original file has: where the user should look. */
function lineOf(text: string, path: readonly string[]): number {
  let node: unknown = parseYaml(text).contents;
  let offset = 0;
  for (const key of path) {
    const items = (node as { items?: Array<{ key?: { value?: unknown; range?: number[] }; value?: unknown }> } | null)?.items;
    const pair = Array.isArray(items) ? items.find((p) => p?.key?.range && String(p.key.value) === key) : undefined;
    if (!pair) break;
    offset = pair.key!.range![0];
    node = pair.value;
  }
  return lineAndColumn(text, offset).line;
}

/** The field an edit writes, as messages name it: the first added integration for an `add`. */
function fieldOf(edit: TextEdit): readonly string[] {
  return edit.kind === 'add' ? [...edit.path, edit.entries[0][0]] : edit.path;
}

function failure(file: string, original: string, edit: TextEdit, err: unknown): PromoteWriteError {
  // An edit this writer has no case for (or one that would read back differently): located and refused, never a stack trace or a half-written file.
  const known = err instanceof YamlEditError;
  const field = fieldOf(edit);
  const at = known && err.at.length ? err.at : field;
  // The part of the path at fault, when it is not the field itself: `...signing is an alias` for `...signing.algorithm`.
  const subject = known && err.at.length && err.at.length < field.length ? `${showPath(err.at.join('.'))} ` : '';
  const reason = known ? err.message : `promote cannot make this edit in place; ${BY_HAND}`;
  return new PromoteWriteError(`${file}:${lineOf(original, at)}: ${showPath(field.join('.'))}: ${subject}${reason}; nothing was written`);
}

/**
 * The target file's new text. YAML is edited on its text by the parsed nodes'
 * source ranges, so lines no edit touches keep every byte (comment spacing
 * included, which re-emitting the document through `yaml` normalises); after
 * each round the text must read back as the expected data, else nothing is
 * written. JSON files, which hold no comments, are rewritten from their data.
 */
export function promotedText(plan: PromotePlan, file: string, original: string): string {
  const json = file.endsWith('.json');
  let doc = parseYaml(original);
  const data = (doc.toJS({ maxAliasCount: -1 }) ?? {}) as Record<string, unknown>;
  const style = styleOf(doc, original);
  let text = original;
  const parsed: SourceFiles = new Map();
  const { add, queues } = queuesOf(plan, (sources) => quotedIn(sources, parsed));
  // The integrations the target lacks go in a round of their own, before the others' edits.
  for (let round = add ? [add] : nextRound(queues, data, json ? undefined : doc); round.length; round = nextRound(queues, data, json ? undefined : doc)) {
    const p = json ? undefined : parsedYaml(text, style, doc);
    const splices: Splice[] = [];
    for (const edit of round) {
      try {
        applyData(data, edit);
        if (p) splices.push(...splicesOf(p, edit));
      } catch (err) {
        throw failure(file, original, edit, err);
      }
    }
    if (json) continue;
    text = applySplices(text, splices);
    try {
      doc = parseYaml(text);
    } catch (err) {
      throw failure(file, original, round[0], err);
    }
    const readBack = doc.toJS({ maxAliasCount: -1 });
    if (canonical(readBack) !== canonical(data)) {
      // Name the edit whose integration reads back wrong.
      const wrong = round.find((e) => canonical(dataAt(readBack, e.path.slice(0, INTEGRATION_DEPTH))) !== canonical(dataAt(data, e.path.slice(0, INTEGRATION_DEPTH)))) ?? round[0];
      throw failure(file, original, wrong, new Error('reads back differently'));
    }
  }
  return json ? `${JSON.stringify(data, null, 2)}\n` : text;
}

/**
 * Applies a promotion plan to the target's config file, keeping its comments,
 * spacing, key order and env-specific values. The new text is made and checked
 * whole before anything is written, and the file is replaced by a rename, never
 * left half written; a file that is a symbolic link inside the config directory stays one. Returns whether the file changed.
 */
export function writePromotion(plan: PromotePlan, file: string = plan.targetFile): boolean {
  // Nothing to promote: the file is not even parsed, so nothing in it can be re-emitted differently.
  if (!hasWork(plan)) return false;
  const original = fs.readFileSync(file, 'utf8');
  const out = promotedText(plan, file, original);
  if (out === original) return false;
  replaceConfigFile(plan.configDir, file, out);
  return true;
}
