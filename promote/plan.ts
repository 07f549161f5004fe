import { ConfigFile, loadConfigFiles } from '../config/load-files';
import { formatProblemList } from '../config/problems';
import { mergeSettings } from '../model/merge';
import { ownEntry } from '../model/own-entry';
import { listSome, showValue } from '../model/show-value';
import { METHOD_DEPENDENT_FIELDS, envSpecificFields, isEnvSpecific, isSecretLocation, provisioningMethod } from './env-specific';

/** Bad promote input (unknown environment, unreadable config): exit 2. */
export class PromoteInputError extends Error {}

/**
 * One field where the environments' effective settings (shared block merged
 * with each environment's override) differ, and the edit to the target's
 * override that makes them equal.
 */
export type FieldChange =
  | { readonly kind: 'set'; readonly path: string; /** target's effective value */ readonly from: unknown; /** source's effective value */ readonly to: unknown }
  | { readonly kind: 'remove'; readonly path: string; /** target's override */ readonly value: unknown; /** the shared value the source uses */ readonly shared: unknown };

export type IntegrationPlan =
  | { readonly key: string; readonly kind: 'missing'; readonly fields: Readonly<Record<string, unknown>>; /** env-specific fields the target must get its own values for */ readonly needsValues: readonly string[] }
  | { readonly key: string; readonly kind: 'only-in-target' }
  | { readonly key: string; readonly kind: 'differs'; readonly changes: readonly FieldChange[] };

export interface PromotePlan {
  readonly from: string;
  readonly to: string;
  /** Config file (as displayed) that defines the target environment. */
  readonly targetFile: string;
  readonly integrations: readonly IntegrationPlan[];
  /** Env-specific fields that were not compared, by integration. */
  readonly kept: ReadonlyArray<{ readonly key: string; readonly fields: readonly string[] }>;
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

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
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

/** What the target environment lacks or has that the source does not, leaving env-specific values out. */
export function planPromotion(configDir: string, from: string, to: string): PromotePlan {
  const { files, problems } = loadConfigFiles(configDir);
  if (problems.length) throw new PromoteInputError(`cannot read ${configDir}:\n${formatProblemList(problems)}`);
  const envs = findEnvironments(files);
  const known = listSome([...envs.keys()].sort().map((name) => showValue(name))) || 'none';
  for (const [flag, name] of [['--from', from], ['--to', to]] as const) {
    if (!envs.has(name)) throw new PromoteInputError(`${flag} ${showValue(name)} is not an environment in ${configDir}; accepted: ${known}`);
  }
  if (from === to) throw new PromoteInputError(`--from and --to are both ${showValue(from)}; accepted: two different environments (${known})`);

  const shared: Data = {};
  for (const file of files) if (isMap((file.data as Data)?.integrations)) Object.assign(shared, (file.data as Data).integrations);
  const source = envs.get(from)!.integrations;
  const target = envs.get(to)!.integrations;

  const integrations: IntegrationPlan[] = [];
  const kept: Array<{ key: string; fields: string[] }> = [];
  for (const key of [...new Set([...Object.keys(source), ...Object.keys(target)])].sort()) {
    // Own entries only: an integration named `constructor` is a valid key, and no inherited method may stand in for it.
    const [sharedEntry, sourceEntry, targetEntry] = [ownEntry(shared, key), ownEntry(source, key), ownEntry(target, key)];
    const preset: string | undefined = sharedEntry?.preset ?? sourceEntry?.preset ?? targetEntry?.preset;
    const prefixes = envSpecificFields(preset);
    const src = leaves(sourceEntry ?? {});
    const tgt = leaves(targetEntry ?? {});
    const specific = (path: string, ...values: unknown[]) => isEnvSpecific(path, prefixes) || values.some(isSecretLocation);
    if (!Object.hasOwn(target, key)) {
      const fields: Record<string, unknown> = {};
      const needsValues: string[] = [];
      for (const [path, value] of src) (specific(path, value) ? needsValues : (fields[path] = value, [])).push(path);
      integrations.push({ key, kind: 'missing', fields, needsValues });
      continue;
    }
    if (!Object.hasOwn(source, key)) {
      integrations.push({ key, kind: 'only-in-target' });
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
    for (const path of [...new Set([...effectiveSource.keys(), ...effectiveTarget.keys(), ...tgt.keys()])].sort()) {
      const s = effectiveSource.get(path);
      const t = effectiveTarget.get(path);
      if (specific(path, s, t, tgt.get(path)) || (ownMethod && isEnvSpecific(path, METHOD_DEPENDENT_FIELDS))) {
        if (src.has(path) || tgt.has(path)) keptFields.add(path);
        continue;
      }
      if (same(s, t)) continue;
      // The target's own override is what differs, and the source simply uses the shared value: drop the override.
      if (tgt.has(path) && !src.has(path) && same(common.get(path), s)) changes.push({ kind: 'remove', path, value: tgt.get(path), shared: s });
      else changes.push({ kind: 'set', path, from: t, to: s });
    }
    if (keptFields.size) kept.push({ key, fields: [...keptFields] });
    if (changes.length) integrations.push({ key, kind: 'differs', changes });
  }
  return { from, to, targetFile: envs.get(to)!.file.file, integrations, kept };
}
