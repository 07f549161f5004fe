import * as fs from 'fs';
import * as path from 'path';

/** A path under a directory as it really is (symlinks followed), or why it is refused. */
export type InsideDir = { readonly path: string } | { readonly why: string };

/** How many missing trailing components a path may have: the walk up to an existing parent stops there. */
const MAX_MISSING = 64;

/**
 * Where `rel` (relative to `dir`) really is, symlinks followed, when that is
 * inside `dir` (also followed). A path that does not exist yet is judged by its
 * nearest existing parent, so a file about to be written cannot land outside
 * either. Open the returned path, not `rel`: it is the one that was checked.
 */
export function resolveInside(dir: string, rel: string): InsideDir {
  let root: string;
  try {
    root = fs.realpathSync(dir);
  } catch {
    return { why: 'is in a config directory that cannot be read' };
  }
  // Walk up to the nearest path that exists; what is missing below it cannot be a symlink.
  let existing = path.resolve(dir, rel);
  const missing: string[] = [];
  while (!exists(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing || missing.length >= MAX_MISSING) return { why: 'is not a path under the config directory' };
    missing.unshift(path.basename(existing));
    existing = parent;
  }
  let real: string;
  try {
    real = fs.realpathSync(existing);
  } catch {
    return { why: 'is a symbolic link to a file that does not exist' };
  }
  const resolved = path.join(real, ...missing);
  return isInsideDir(root, resolved) ? { path: resolved } : { why: 'resolves outside the config directory (symbolic links followed)' };
}

/** Whether real path `p` is `root` or under it (both already resolved). */
export function isInsideDir(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** Whether the path itself exists (a dangling symlink does: it must not be walked past). */
function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
