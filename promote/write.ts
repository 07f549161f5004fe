import * as fs from 'fs';
import { isPlainObject } from '../model/prop-strings';
import { showPath } from '../model/show-value';
import { BY_HAND, KeyComment, Splice, TextEdit, YamlEditError, applySplices, parseYaml, parsedYaml, splicesOf } from './yaml-edit';
import { styleOf } from './yaml-render';
import { PromotePlan } from './plan';

/** A promotion that cannot be written: names the file, line and field; nothing was written. */
export class PromoteWriteError extends Error {}

/** Path parts down to an integration's own entry: environments, the environment, integrations, the key. */
const INTEGRATION_DEPTH = 4;

/**
 * The plan as edits of the target file, in rounds: within a round no two edits
 * touch the same integration, so all of a round is computed on one parse (a
 * file of a thousand integrations is parsed a few times, not once per field).
 * The integrations the target lacks come first, in one edit: they are all
 * appended at the end of its `integrations:`.
 */
function roundsOf(plan: PromotePlan): TextEdit[][] {
  const integrationsAt = ['environments', plan.to, 'integrations'];
  const added: Array<[string, unknown]> = [];
  const comments: KeyComment[] = [];
  const queues: TextEdit[][] = [];
  for (const item of plan.integrations) {
    const base = [...integrationsAt, item.key];
    if (item.kind === 'missing') {
      const needs = item.needsValues.length ? `; set ${plan.to}'s own values for: ${item.needsValues.join(', ')}` : '';
      added.push([item.key, unflatten(item.fields)]);
      comments.push({ at: base, text: ` promoted from ${plan.from}${needs}` });
    } else if (item.kind === 'differs') {
      queues.push(
        item.changes.map((change): TextEdit => {
          const path = [...base, ...change.path.split('.')];
          return change.kind === 'set' && change.to !== undefined ? { kind: 'set', path, value: change.to } : { kind: 'delete', path, keep: base.length };
        }),
      );
    }
  }
  const rounds: TextEdit[][] = added.length ? [[{ kind: 'add', path: integrationsAt, entries: added, comments }]] : [];
  for (let n = 0; queues.some((q) => q.length > n); n++) rounds.push(queues.filter((q) => q.length > n).map((q) => q[n]));
  return rounds;
}

function unflatten(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(fields)) setData(out, path.split('.'), value);
  return out;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // Defined, never assigned: a `__proto__` key in config is data, not a prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Sets `path` in plain data, creating maps on the way; a value in the way that is not a map is an edit promote cannot make. */
function setData(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let here = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next = Object.hasOwn(here, path[i]) ? here[path[i]] : undefined;
    if (next !== undefined && next !== null && !isPlainObject(next)) throw new YamlEditError('holds a value that is not a map where promote must write inside a map; accepted: a map', path.slice(0, i + 1));
    if (!isPlainObject(next)) define(here, path[i], {});
    here = here[path[i]] as Record<string, unknown>;
  }
  define(here, path[path.length - 1], structuredClone(value));
}

/** Deletes `path` from plain data and the maps it leaves empty, below the first `keep` parts. */
function deleteData(root: Record<string, unknown>, path: readonly string[], keep: number): void {
  const chain: Array<Record<string, unknown>> = [root];
  for (const key of path.slice(0, -1)) {
    const here = chain[chain.length - 1];
    const next = Object.hasOwn(here, key) ? here[key] : undefined;
    if (!isPlainObject(next)) return;
    chain.push(next);
  }
  delete chain[path.length - 1][path[path.length - 1]];
  // Never the integration's own entry (chain[keep]): left empty, it stays enabled with no override.
  for (let n = path.length - 1; n > keep && Object.keys(chain[n]).length === 0; n--) delete chain[n - 1][path[n - 1]];
}

function applyData(data: Record<string, unknown>, edit: TextEdit): void {
  if (edit.kind === 'set') setData(data, edit.path, edit.value);
  else if (edit.kind === 'add') for (const [key, value] of edit.entries) setData(data, [...edit.path, key], value);
  else deleteData(data, edit.path, edit.keep);
}

/** Plain data with map keys sorted: two readings of a file compared for content, not for key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v)) ?? '';
}

function dataAt(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((here, key) => (isPlainObject(here) && Object.hasOwn(here, key) ? here[key] : undefined), data);
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
  return text.slice(0, offset).split('\n').length;
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
  for (const round of roundsOf(plan)) {
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
 * left half written. Returns whether the file changed.
 */
export function writePromotion(plan: PromotePlan, file: string = plan.targetFile): boolean {
  // Nothing to promote: the file is not even parsed, so nothing in it can be re-emitted differently.
  if (plan.integrations.every((i) => i.kind === 'only-in-target')) return false;
  const original = fs.readFileSync(file, 'utf8');
  const out = promotedText(plan, file, original);
  if (out === original) return false;
  const tmp = `${file}.promote-${process.pid}`;
  try {
    fs.writeFileSync(tmp, out);
    fs.renameSync(tmp, file);
  } finally {
    // A write or rename the file system refused leaves no stray file beside the config.
    fs.rmSync(tmp, { force: true });
  }
  return true;
}
