import * as fs from 'fs';
import { BackendProblem, STATE_PATH_ACCEPTED, checkBackend, configFileExtension } from '../model/backend-checks';
import { showValue } from '../model/show-value';
import { BackendModel } from '../model/types';
import { resolveInside } from './inside-dir';

/**
 * The backend's problems (model/backend-checks.ts), then, for a local state
 * path written in config, what the disk shows: a symbolic link that leads
 * outside the config directory, or a directory where the file should be. A
 * path that does not exist yet is fine: terraform creates it at the first apply.
 */
export function checkBackendIn(configDir: string, backend: BackendModel, pathWritten: boolean): BackendProblem[] {
  const problems = checkBackend(backend);
  if (backend.type !== 'local' || !pathWritten || problems.length > 0) return problems;
  const inside = resolveInside(configDir, backend.path);
  // Links followed: a state path that leads to a config or SP metadata file would have Terraform write state over it.
  const leadsTo = 'path' in inside ? configFileExtension(inside.path) : undefined;
  const why =
    'why' in inside
      ? inside.why
      : isDirectory(inside.path)
        ? 'is an existing directory'
        : leadsTo
          ? `leads through a symbolic link to a ${leadsTo} file: the config directory's config and SP metadata, where Terraform would write state`
          : undefined;
  return why ? [{ field: 'path', message: `state path ${showValue(backend.path)} ${why}; accepted: ${STATE_PATH_ACCEPTED}` }] : [];
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
