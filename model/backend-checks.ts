import * as path from 'path';
import { showValue } from './show-value';
import { badCharacter } from './text-chars';
import { BackendModel } from './types';

/** A problem of one backend setting, by its field (`bucket`, `path`...). */
export interface BackendProblem {
  readonly field: string;
  readonly message: string;
}

export const STATE_PATH_ACCEPTED = 'a file path inside the config directory, outside the synth output, not ending in .yaml, .yml, .json or .xml (default: state/<env>.tfstate)';

/**
 * What is wrong with a backend's settings as written, before any file is
 * looked at: characters no bucket, key, region, workspace or path holds, and a
 * local state path that names a directory or leaves the config directory.
 */
export function checkBackend(backend: BackendModel): BackendProblem[] {
  const problems: BackendProblem[] = [];
  for (const [field, value] of Object.entries(backend)) {
    const bad = typeof value === 'string' ? badCharacter(value) : undefined;
    if (bad) problems.push({ field, message: bad });
  }
  if (backend.type === 'local' && problems.length === 0) {
    const why = statePathShape(backend.path);
    if (why) problems.push({ field: 'path', message: `state path ${showValue(backend.path)} ${why}; accepted: ${STATE_PATH_ACCEPTED}` });
  }
  return problems;
}

/** Why a local state path cannot be a state file in the config directory, from its text alone. */
function statePathShape(statePath: string): string | undefined {
  if (path.isAbsolute(statePath) || path.win32.isAbsolute(statePath)) return 'is absolute';
  const normal = path.posix.normalize(statePath);
  if (normal === '..' || normal.startsWith('../')) return 'is outside the config directory';
  if (normal === '.' || normal === './' || /[/\\]$/.test(statePath) || /(^|\/)\.\.?$/.test(statePath)) return 'names a directory, not a file';
  // Terraform would write state (which can hold a SCIM token in clear) over a config or SP metadata file, or where the next run reads it as config.
  const extension = configFileExtension(normal);
  if (extension) return `ends in ${extension}: the config directory's ${extension} files are its config and SP metadata, and Terraform would write state there`;
  return undefined;
}

/** The extension of a config or SP metadata file that `file` ends in (`.yaml`, `.YML`, `.json`, `.xml`), or undefined. */
export function configFileExtension(file: string): string | undefined {
  return /\.(ya?ml|json|xml)$/i.exec(file)?.[0];
}
