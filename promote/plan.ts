import { renamedKeys } from '../model/rename-checks';
import { ConfigFile, loadConfigFiles } from '../config/load-files';
import { formatProblemList } from '../config/problems';
import { IntegrationSettings } from '../config/settings';
import { mergeSettings } from '../model/merge';
import { ownEntry } from '../model/own-entry';
import { listSome, showValue } from '../model/show-value';
import { clonePlain, deleteData, setData } from '../yaml-edit/data';
import { YamlEditError } from '../yaml-edit/error';
import { EffectOf, effectResolver } from './effect';
import { canonical } from '../yaml-edit/data';
import { matchList } from './list-match';
import { ADOPTED, METHOD_DEPENDENT_FIELDS, envSpecificFields, isEnvSpecific, isSecretLocation, provisioningMethod } from './env-specific';

/** An unknown environment name, or the same one twice: a usage error (exit 2). */
export class PromoteInputError extends Error {}

/** Config files that cannot be read (a YAML syntax error, an unreadable file): problems found (exit 1), as validate reports them. */
export class PromoteConfigError extends Error {}

/**
 * How a difference counts for `--check`, which fails only when the target lacks
 * what the source has: `lacks` (the target has no value, the source has one) and
 * `differs` (both have one) do; `target-only` (a value only the target has,
 * which --write removes) and `same-effect` (written differently, the same
 * resolved settings for users, e.g. a default stated on one side only) do not.
 */
export type Gap = 'lacks' | 'differs' | 'target-only' | 'same-effect';

/**
 * One field where the environments' effective settings (shared block merged
 * with each environment's override) differ, and the edit to the target's
 * override that makes them equal.
 */
export type FieldChange = Change & {
  readonly gap: Gap;
  /** For a list both environments have: its items that differ, each judged on its own (an item only the target has is not checked). */
  readonly items?: readonly ItemChange[];
};

/**
 * An item of a list both environments have that is not in both, the same and
 * in the same order relative to the others: lists are compared in order (the
 * order of attribute statements is the order Okta sends them in; of groups,
 * their priority), so an item in another place is a difference that counts.
 */
export interface ItemChange {
  /** The target's item and its index; none for an item the target lacks. */
  readonly from?: { readonly value: unknown; readonly at: number };
  /** The source's item and its index; none for an item only the target has. */
  readonly to?: { readonly value: unknown; readonly at: number };
  /** Whether the item is in another place relative to the items both have. */
  readonly moved: boolean;
  /** `target-only` for an item only the target has (--write removes it); `lacks` for one the source has; `differs` for one changed or moved. */
  readonly gap: Gap;
}

export type Change =
  | { readonly kind: 'set'; readonly path: string; /** target's effective value */ readonly from: unknown; /** source's effective value */ readonly to: unknown }
  | { readonly kind: 'remove'; readonly path: string; /** target's override */ readonly value: unknown; /** the shared value the source uses */ readonly shared: unknown };

/** A change --write makes by removing the target's value: a `remove`, or a `set` to no value (one only the target has). */
export type Removal = Extract<Change, { kind: 'remove' }> | (Extract<Change, { kind: 'set' }> & { readonly to: undefined });

/** Whether --write removes the target's value at this field rather than writing the source's. */
export function removes(change: Change): change is Removal {
  return change.kind === 'remove' || change.to === undefined;
}

/** Where the source's values of an integration are written (its shared entry, the source's override): their quoting is kept. */
export interface ValueSource {
  readonly file: string;
  /** The file's text as planPromotion read it: the writer does not read it again. */
  readonly text: string;
  readonly at: readonly string[];
}

export type IntegrationPlan =
  | { readonly key: string; readonly kind: 'missing'; readonly fields: Readonly<Record<string, unknown>>; /** env-specific fields the target must get its own values for */ readonly needsValues: readonly string[]; readonly sources: readonly ValueSource[] }
  | { readonly key: string; readonly kind: 'only-in-target' }
  | {
      readonly key: string;
      readonly kind: 'differs';
      readonly changes: readonly FieldChange[];
      readonly sources: readonly ValueSource[];
      /** The key the target's entry is still under: the integration was renamed (`renamedFrom`) and the target not yet. */
      readonly renamedFrom?: string;
    };

/** Whether `--check` fails on a difference of this kind. */
export function isCheckedGap(gap: Gap): boolean {
  return gap === 'lacks' || gap === 'differs';
}

/** Whether `--check` fails on this: the target lacks an integration, or a value the source has (see Gap). */
export function isChecked(item: IntegrationPlan): boolean {
  return item.kind === 'missing' || (item.kind === 'differs' && (item.renamedFrom !== undefined || item.changes.some((c) => isCheckedGap(c.gap))));
}

/** Whether some of what this lists is marked not checked: a value, or an item of a list. */
export function hasUnchecked(item: IntegrationPlan): boolean {
  return item.kind === 'differs' && item.changes.some((c) => !isCheckedGap(c.gap) || c.items?.some((i) => !isCheckedGap(i.gap)));
}

export interface PromotePlan {
  readonly from: string;
  readonly to: string;
  /** Config file (as displayed) that defines the target environment. */
  readonly targetFile: string;
  /** The config directory the target file is in: it is written only there. */
  readonly configDir: string;
  readonly integrations: readonly IntegrationPlan[];
  /** Env-specific fields that were not compared, by integration. */
  readonly kept: ReadonlyArray<{ readonly key: string; readonly fields: readonly string[] }>;
  /**
   * Entries of environments other than the source and target still under an integration's old key (`renamedFrom`), as
   * config paths (`environments.prod.integrations.aiven`): a promotion into each renames them, so they do not stop this one.
   */
  readonly staleRenames: ReadonlySet<string>;
}

/** Whether --write would change the target: anything but integrations only the target has (promote never removes those). */
export function hasWork(plan: PromotePlan): boolean {
  return plan.integrations.some((i) => i.kind !== 'only-in-target');
}

type Data = Record<string, any>;

function isMap(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Leaf fields of an override (arrays are leaves), as dot paths. */
export function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isMap(value)) {
    for (const k of Object.keys(value)) leaves(value[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

/** Equal content: the entries of maps inside lists (attribute statements) compared whatever order they are written in. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * The items of the target's list `from` and the source's `to` that differ,
 * matched as --write matches them; undefined for lists too long to match item by item.
 */
function itemChanges(from: readonly unknown[], to: readonly unknown[]): ItemChange[] | undefined {
  const match = matchList(from, to);
  if (!match) return undefined;
  const item = (list: readonly unknown[], at: number) => ({ value: list[at], at });
  return [
    ...match.pairs.filter((p) => !p.equal || p.moved).map((p): ItemChange => ({ from: item(from, p.old), to: item(to, p.now), moved: p.moved, gap: 'differs' })),
    ...match.added.map((at): ItemChange => ({ to: item(to, at), moved: false, gap: 'lacks' })),
    ...match.removed.map((at): ItemChange => ({ from: item(from, at), moved: false, gap: 'target-only' })),
  ].sort((x, y) => (x.to?.at ?? x.from!.at) - (y.to?.at ?? y.from!.at));
}

interface EnvLocation {
  readonly file: ConfigFile;
  readonly integrations: Data;
}

function findEnvironments(files: readonly ConfigFile[]): Map<string, EnvLocation> {
  const envs = new Map<string, EnvLocation>();
  for (const file of files) {
    const defined = (file.data as Data)?.environments;
    if (!isMap(defined)) continue;
    for (const [name, env] of Object.entries(defined)) {
      if (!envs.has(name)) envs.set(name, { file, integrations: isMap(env?.integrations) ? env.integrations : {} });
    }
  }
  return envs;
}

/** The files that define environment `name`, in the order read. */
function filesDefining(files: readonly ConfigFile[], name: string): string[] {
  return files.filter((f) => isMap((f.data as Data)?.environments) && Object.hasOwn((f.data as Data).environments, name)).map((f) => f.file);
}

/** The target's override after `change` alone; undefined for one promote cannot edit (a list where a map goes). */
function promoted(override: Data | null | undefined, change: Change): Data | undefined {
  const after = clonePlain(override ?? {}) as Data;
  try {
    if (removes(change)) deleteData(after, change.path.split('.'), 0);
    else setData(after, change.path.split('.'), change.to);
  } catch (err) {
    if (!(err instanceof YamlEditError)) throw err;
    return undefined;
  }
  return after;
}

/** What the target environment lacks or has that the source does not, leaving env-specific values out. */
export function planPromotion(configDir: string, from: string, to: string): PromotePlan {
  const { files, problems } = loadConfigFiles(configDir);
  if (problems.length) throw new PromoteConfigError(`cannot read ${configDir}:\n${formatProblemList(problems)}`);
  const envs = findEnvironments(files);
  const known = listSome([...envs.keys()].sort().map((name) => showValue(name))) || 'none';
  for (const [flag, name] of [['--from', from], ['--to', to]] as const) {
    if (!envs.has(name)) throw new PromoteInputError(`${flag} ${showValue(name)} is not an environment in ${configDir}; accepted: ${known}`);
  }
  if (from === to) throw new PromoteInputError(`--from and --to are both ${showValue(from)}; accepted: two different environments (${known})`);
  // Config files are combined, not merged: an environment in two files is a problem of its own, and which one to read or write unknown.
  for (const name of [from, to]) {
    const defining = filesDefining(files, name);
    if (defining.length > 1) {
      throw new PromoteConfigError(`environment ${showValue(name)} is defined in ${defining.length} files (${defining.join(', ')}): config files are combined, not merged, so promote cannot tell which one is ${name}'s; accepted: each environment defined in one file; nothing written`);
    }
  }

  const shared: Data = {};
  // The file each shared entry comes from (the last one that defines it, as for its settings).
  const sharedFile = new Map<string, ConfigFile>();
  for (const file of files) {
    const defined = (file.data as Data)?.integrations;
    if (!isMap(defined)) continue;
    Object.assign(shared, defined);
    for (const key of Object.keys(defined)) sharedFile.set(key, file);
  }
  const sourceFile = envs.get(from)!.file;
  const source = envs.get(from)!.integrations;
  const target = envs.get(to)!.integrations;

  // An integration the source enables under a new key (renamedFrom in its shared entry) whose old key the target still enables,
  // and no longer defines: the target's entry is the integration's, under its old key. --write renames it, keeping its values.
  const renamedTo = renamedKeys(Object.entries(shared).map(([key, entry]) => [key, entry?.renamedFrom] as const), (k) => Object.hasOwn(shared, k));
  const renamedIn = new Map<string, string>();
  for (const [old, key] of renamedTo) {
    if (Object.hasOwn(source, key) && !Object.hasOwn(source, old) && Object.hasOwn(target, old) && !Object.hasOwn(target, key)) renamedIn.set(key, old);
  }
  const renamedAway = new Set(renamedIn.values());

  const integrations: IntegrationPlan[] = [];
  const kept: Array<{ key: string; fields: string[] }> = [];
  for (const key of [...new Set([...Object.keys(source), ...Object.keys(target)])].sort()) {
    if (renamedAway.has(key)) continue;
    const renamedFrom = renamedIn.get(key);
    // Own entries only: an integration named `constructor` is a valid key, and no inherited method may stand in for it.
    const [sharedEntry, sourceEntry, targetEntry] = [ownEntry(shared, key), ownEntry(source, key), ownEntry(target, renamedFrom ?? key)];
    const preset: string | undefined = sharedEntry?.preset ?? sourceEntry?.preset ?? targetEntry?.preset;
    const prefixes = envSpecificFields(preset);
    const src = leaves(sourceEntry ?? {});
    const tgt = leaves(targetEntry ?? {});
    const specific = (path: string, ...values: unknown[]) => isEnvSpecific(path, prefixes) || values.some(isSecretLocation);
    const sources: ValueSource[] = [
      ...(sharedFile.has(key) ? [{ file: sharedFile.get(key)!.file, text: sharedFile.get(key)!.text, at: ['integrations', key] }] : []),
      { file: sourceFile.file, text: sourceFile.text, at: ['environments', from, 'integrations', key] },
    ];
    if (!Object.hasOwn(target, renamedFrom ?? key)) {
      const fields: Record<string, unknown> = {};
      const needsValues: string[] = [];
      for (const [path, value] of src) if (!isEnvSpecific(path, ADOPTED)) (specific(path, value) ? needsValues : (fields[path] = value, [])).push(path);
      integrations.push({ key, kind: 'missing', fields, needsValues, sources });
      continue;
    }
    if (!Object.hasOwn(source, key)) {
      // A value that is no integration's entry (`label: X` indented one level too shallow) is a problem of the target, which
      // validate reports where it is; listed as an integration promote never removes, it was reported twice, once wrongly.
      if (isMap(target[key]) || target[key] === null) integrations.push({ key, kind: 'only-in-target' });
      continue;
    }
    const changes: FieldChange[] = [];
    const keptFields = new Set<string>();
    const common = leaves(sharedEntry ?? {});
    const mergedSource = mergeSettings<Data>(sharedEntry ?? {}, sourceEntry ?? {});
    const mergedTarget = mergeSettings<Data>(sharedEntry ?? {}, targetEntry ?? {});
    // Different provisioning methods: the target keeps its own method and all that depends on it.
    const ownMethod = provisioningMethod(mergedSource) !== provisioningMethod(mergedTarget);
    const effectiveSource = leaves(mergedSource);
    const effectiveTarget = leaves(mergedTarget);
    // Resolved on first use: most integrations do not differ.
    let effect: { of: EffectOf; now: string | undefined } | undefined;
    const gapOf = (change: Change, s: unknown, t: unknown, items: readonly ItemChange[] | undefined): Gap => {
      effect ??= (() => {
        const of = effectResolver(configDir, key, mergedTarget.spMetadata);
        return { of, now: of(mergedTarget as IntegrationSettings) };
      })();
      // No copy of the target's entry to judge when its settings do not resolve now: nothing can be shown equal.
      const after = effect.now === undefined ? undefined : promoted(targetEntry, change);
      if (after && effect.of(mergeSettings<IntegrationSettings>(sharedEntry ?? {}, after)) === effect.now) return 'same-effect';
      // A list both have counts as its items do: only items the target has besides the source's, in the source's order, are not checked.
      if (items) return items.some((i) => isCheckedGap(i.gap)) ? 'differs' : 'target-only';
      return s === undefined ? 'target-only' : t === undefined ? 'lacks' : 'differs';
    };
    for (const path of [...new Set([...effectiveSource.keys(), ...effectiveTarget.keys(), ...tgt.keys()])].sort()) {
      const s = effectiveSource.get(path);
      const t = effectiveTarget.get(path);
      if (specific(path, s, t, tgt.get(path)) || (ownMethod && isEnvSpecific(path, METHOD_DEPENDENT_FIELDS))) {
        if (src.has(path) || tgt.has(path)) keptFields.add(path);
        continue;
      }
      if (same(s, t)) continue;
      // The target's own override is what differs, and the source simply uses the shared value: drop the override.
      const change: Change =
        tgt.has(path) && !src.has(path) && same(common.get(path), s) ? { kind: 'remove', path, value: tgt.get(path), shared: s } : { kind: 'set', path, from: t, to: s };
      const items = Array.isArray(s) && Array.isArray(t) ? itemChanges(t, s) : undefined;
      changes.push({ ...change, gap: gapOf(change, s, t, items), ...(items ? { items } : {}) });
    }
    if (keptFields.size) kept.push({ key, fields: [...keptFields] });
    if (changes.length || renamedFrom !== undefined) integrations.push({ key, kind: 'differs', changes, sources, ...(renamedFrom !== undefined ? { renamedFrom } : {}) });
  }
  const staleRenames = new Set<string>();
  for (const [name, env] of envs) {
    if (name === from || name === to) continue;
    for (const old of Object.keys(env.integrations)) {
      const now = renamedTo.get(old);
      if (now !== undefined && !Object.hasOwn(env.integrations, now)) staleRenames.add(`environments.${name}.integrations.${old}`);
    }
  }
  return { from, to, targetFile: envs.get(to)!.file.file, configDir, integrations, kept, staleRenames };
}
