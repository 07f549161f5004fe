import { mergeSettings } from '../model/merge';
import { resolveIntegration } from '../model/resolve-integration';
import { IntegrationSettings } from '../model/settings';
import { BackendModel, EnvironmentModel, IntegrationModel, OrgModel } from '../model/types';
import { ConfigFile, loadConfigFiles } from './load-files';
import { ConfigError, ConfigProblem, sortProblems } from './problems';
import { checkAgainstSchema } from './schema-check';
import { readSpMetadata } from './sp-metadata-file';
import { findSecretLiterals } from './secrets';
import { closest } from './suggest';

type FieldPath = ReadonlyArray<string | number>;

interface Located<T> {
  readonly file: ConfigFile;
  readonly at: FieldPath;
  readonly value: T;
}

interface RawEnvironment {
  readonly okta: { readonly orgName: string; readonly baseUrl?: string };
  readonly backend?: Record<string, unknown> & { readonly type: string };
  readonly integrations?: Record<string, IntegrationSettings | null>;
}

export interface LoadResult {
  readonly model?: OrgModel;
  readonly problems: readonly ConfigProblem[];
}

/** Default local state: outside cdktf.out, so deleting synth output never loses state. */
export function defaultStatePath(env: string): string {
  return `state/${env}.tfstate`;
}

/**
 * Reads a config directory into the typed model. Every problem in every file is
 * collected; the model is returned only when there are none.
 */
export function readConfig(dir: string): LoadResult {
  const { files, problems, fileCount } = loadConfigFiles(dir);
  const report = (file: ConfigFile, at: FieldPath, message: string) =>
    problems.push({ file: file.file, path: at.join('.'), ...file.locate(at), message });

  const invalid = new Set<string>();
  for (const file of files) {
    for (const p of checkAgainstSchema(file.data)) {
      report(file, p.path, p.message);
      if (!p.structural) continue;
      if (p.path.length >= 2) invalid.add(`${p.path[0]}.${p.path[1]}`);
      else invalid.add(String(p.path[0] ?? ''));
    }
    for (const s of findSecretLiterals(file.data)) {
      report(file, s.path, `looks like ${s.kind} (value not shown); secrets never go in config files: keep it in a secret store and reference where it lives (e.g. env:SCIM_TOKEN)`);
    }
  }

  const integrations = collect<IntegrationSettings>(files, 'integrations', invalid, report);
  const environments = collect<RawEnvironment>(files, 'environments', invalid, report);
  if (environments.size === 0 && problems.length === 0) {
    problems.push({ file: dir, path: 'environments', message: 'no environment is defined; accepted: at least one entry under `environments:` in any config file' });
  }

  const envModels: EnvironmentModel[] = [];
  for (const name of [...environments.keys()].sort()) {
    const env = environments.get(name)!;
    const enabled = env.value.integrations ?? {};
    const models: IntegrationModel[] = [];
    for (const key of Object.keys(enabled).sort()) {
      const overrideAt = [...env.at, 'integrations', key];
      const shared = integrations.get(key);
      if (!shared) {
        // It may be defined in a file that did not parse; that file's error is already reported.
        if (invalid.has(`integrations.${key}`) || files.length < fileCount) continue;
        const suggestion = closest(key, [...integrations.keys()]);
        report(
          env.file,
          overrideAt,
          `environment ${JSON.stringify(name)} enables unknown integration ${JSON.stringify(key)}${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ';'} defined integrations: ${[...integrations.keys()].sort().join(', ') || 'none'}`,
        );
        continue;
      }
      const override = enabled[key] ?? {};
      const merged = mergeSettings<IntegrationSettings>(shared.value, override);
      const spMetadata = readSpMetadata(dir, merged.spMetadata);
      const resolved = resolveIntegration(key, merged, { spMetadata: spMetadata.value, spMetadataUnreadable: spMetadata.problems.length > 0 });
      for (const p of [...spMetadata.problems, ...resolved.problems]) {
        const fieldPath = p.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        const where = hasPath(override, fieldPath)
          ? { file: env.file, at: [...overrideAt, ...fieldPath] }
          : hasPath(shared.value, fieldPath)
            ? { file: shared.file, at: [...shared.at, ...fieldPath] }
            : { file: env.file, at: [...overrideAt, ...fieldPath] };
        report(where.file, where.at, p.message);
      }
      if (resolved.model) models.push(resolved.model);
    }
    checkRenames(models, (key, message) => report(env.file, [...env.at, 'integrations', key], message));
    envModels.push({
      name,
      okta: { orgName: env.value.okta.orgName, baseUrl: env.value.okta.baseUrl ?? 'okta.com' },
      backend: toBackend(name, env.value.backend),
      integrations: models,
    });
  }

  const unique = dedupe(problems);
  return unique.length > 0 ? { problems: sortProblems(unique) } : { problems: [], model: { environments: envModels } };
}

/** Like readConfig, but throws a ConfigError listing every problem. */
export function loadConfig(dir: string): OrgModel {
  const { model, problems } = readConfig(dir);
  if (!model) throw new ConfigError(problems);
  return model;
}

function collect<T>(
  files: readonly ConfigFile[],
  section: 'integrations' | 'environments',
  invalid: ReadonlySet<string>,
  report: (file: ConfigFile, at: FieldPath, message: string) => void,
): Map<string, Located<T>> {
  const out = new Map<string, Located<T>>();
  const word = section === 'integrations' ? 'integration key' : 'environment';
  for (const file of files) {
    const entries = (file.data as Record<string, Record<string, T> | undefined>)[section];
    if (!entries || typeof entries !== 'object') continue;
    for (const [key, value] of Object.entries(entries)) {
      const at = [section, key];
      const previous = out.get(key);
      if (previous) {
        const pos = previous.file.locate(previous.at);
        report(file, at, `duplicate ${word} ${JSON.stringify(key)}: already defined in ${previous.file.file}${pos.line ? `:${pos.line}` : ''}; accepted: each ${word} defined once`);
        continue;
      }
      if (invalid.has(`${section}.${key}`)) continue;
      out.set(key, { file, at, value });
    }
  }
  return out;
}

function hasPath(data: unknown, fieldPath: FieldPath): boolean {
  let node: unknown = data;
  for (const seg of fieldPath) {
    if (node === null || typeof node !== 'object' || !(String(seg) in (node as object))) return false;
    node = (node as Record<string, unknown>)[String(seg)];
  }
  return true;
}

function checkRenames(models: readonly IntegrationModel[], report: (key: string, message: string) => void) {
  const keys = new Set(models.map((m) => m.key));
  const claimed = new Map<string, string>();
  for (const m of models) {
    if (!m.renamedFrom) continue;
    if (m.renamedFrom === m.key) report(m.key, `renamedFrom ${JSON.stringify(m.renamedFrom)} is the integration's own key; remove it`);
    else if (keys.has(m.renamedFrom)) report(m.key, `renamedFrom ${JSON.stringify(m.renamedFrom)} is still an integration in this environment; a key can be renamed only once it is gone`);
    else if (claimed.has(m.renamedFrom)) report(m.key, `renamedFrom ${JSON.stringify(m.renamedFrom)} is also claimed by ${JSON.stringify(claimed.get(m.renamedFrom))}`);
    claimed.set(m.renamedFrom, m.key);
  }
}

function toBackend(env: string, raw: RawEnvironment['backend']): BackendModel {
  if (!raw || raw.type === 'local') return { type: 'local', path: (raw?.path as string | undefined) ?? defaultStatePath(env) };
  if (raw.type === 's3') {
    return {
      type: 's3',
      bucket: raw.bucket as string,
      key: raw.key as string,
      region: raw.region as string,
      dynamodbTable: raw.dynamodbTable as string | undefined,
      useLockfile: raw.useLockfile as boolean | undefined,
      encrypt: (raw.encrypt as boolean | undefined) ?? true,
    };
  }
  return { type: 'hcp', organization: raw.organization as string, workspace: raw.workspace as string, hostname: raw.hostname as string | undefined };
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.file}|${p.path}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
