import { mergeSettings } from '../model/merge';
import { IntegrationSettings } from './settings';
import { loadConfigFiles } from './load-files';
import { secretProblemsIn } from './secret-problems';
import { ConfigProblem } from './problems';
import { spMetadataPath } from './sp-metadata-file';

/** One SP metadata file that config names, with where the SP publishes it. */
export interface SpMetadataSource {
  readonly environment: string;
  readonly integration: string;
  /** Path as config wrote it, relative to the config dir. */
  readonly file: string;
  /** The file's path for reading and writing (config dir joined with `file`). */
  readonly path: string;
  readonly url?: string;
}

/**
 * Every `spMetadata` that config declares, per environment and integration
 * (shared settings merged with the environment's override), and the secret
 * literals the files hold. Reads config files only: it must work before the
 * metadata files exist.
 */
export function listSpMetadataSources(dir: string): {
  sources: SpMetadataSource[];
  problems: ConfigProblem[];
  secrets: ConfigProblem[];
  /** Every environment config defines, sorted. */
  environments: string[];
  /** Every integration key config defines, sorted. */
  integrations: string[];
} {
  const { files, problems } = loadConfigFiles(dir);
  const shared = new Map<string, IntegrationSettings>();
  const environments = new Map<string, Record<string, IntegrationSettings | null>>();
  for (const file of files) {
    const data = (file.data ?? {}) as { integrations?: Record<string, IntegrationSettings>; environments?: Record<string, { integrations?: Record<string, IntegrationSettings | null> }> };
    for (const [key, value] of Object.entries(data.integrations ?? {})) shared.set(key, value);
    for (const [env, value] of Object.entries(data.environments ?? {})) environments.set(env, value?.integrations ?? {});
  }
  const sources: SpMetadataSource[] = [];
  for (const env of [...environments.keys()].sort()) {
    const enabled = environments.get(env)!;
    for (const key of Object.keys(enabled).sort()) {
      const merged = mergeSettings<IntegrationSettings>(shared.get(key) ?? {}, enabled[key] ?? {});
      const file = merged.spMetadata?.file;
      if (typeof file !== 'string') continue;
      sources.push({ environment: env, integration: key, file, path: spMetadataPath(dir, file), url: merged.spMetadata?.url });
    }
  }
  return { sources, problems, secrets: secretProblemsIn(files), environments: [...environments.keys()].sort(), integrations: [...shared.keys()].sort() };
}
