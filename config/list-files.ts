import * as fs from 'fs';
import * as path from 'path';
import { fileKind, whyUnreadable } from '../model/regular-file';
import { isInsideDir } from './inside-dir';
import { ConfigProblem } from './problems';

const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** Directories that hold tool output, never config. */
const SKIPPED_DIRS = new Set(['node_modules', 'cdktf.out', 'state']);
const INSIDE_ONLY = 'accepted: config files and directories inside the config directory (symbolic links followed)';

/**
 * The config files under `dir` (recursively; hidden entries and tool output
 * skipped), relative and sorted, and what cannot be listed: an unreadable
 * directory, a config name that is not a regular file (a FIFO would block
 * the read forever), a symbolic link that leads outside `dir`. Symbolic links
 * inside are followed once: a loop or a second link to one file is skipped.
 */
export function listConfigEntries(dir: string): { files: string[]; problems: ConfigProblem[] } {
  const files: string[] = [];
  const problems: ConfigProblem[] = [];
  const refuse = (rel: string, message: string) => problems.push({ file: path.join(dir, rel).split(path.sep).join('/'), path: '', message });
  let root: string;
  try {
    root = fs.realpathSync(dir);
  } catch (err) {
    refuse('', `the config directory cannot be listed (${whyUnreadable(err)})`);
    return { files, problems };
  }
  const seen = new Set<string>([root]);
  const walk = (rel: string, real: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch (err) {
      refuse(rel, `this directory ${whyUnreadable(err)}; accepted: a config directory whose subdirectories can be read (check their permissions)`);
      return;
    }
    // In name order: which of two links to one directory is followed must not depend on the file system.
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const isConfigName = CONFIG_EXTENSIONS.has(path.extname(entry.name));
      let childReal = path.join(real, entry.name);
      let stat: fs.Stats | fs.Dirent = entry;
      if (entry.isSymbolicLink()) {
        try {
          childReal = fs.realpathSync(path.join(dir, childRel));
          stat = fs.statSync(childReal);
        } catch (err) {
          if (isConfigName) refuse(childRel, `this symbolic link cannot be followed (${whyUnreadable(err)}); ${INSIDE_ONLY}`);
          continue;
        }
        if (!isInsideDir(root, childReal)) {
          if (isConfigName || stat.isDirectory()) refuse(childRel, `this symbolic link resolves outside the config directory; ${INSIDE_ONLY}`);
          continue;
        }
      }
      if (stat.isDirectory()) {
        if (seen.has(childReal)) continue;
        seen.add(childReal);
        const isSynthOutput = fs.existsSync(path.join(dir, childRel, 'manifest.json'));
        if (!isSynthOutput) walk(childRel, childReal);
      } else if (isConfigName && seen.has(childReal)) {
        continue;
      } else if (isConfigName) {
        seen.add(childReal);
        if (stat.isFile()) files.push(childRel);
        else refuse(childRel, `this file is not a regular file (${fileKind(stat)}); accepted: config files that are regular files`);
      }
    }
  };
  walk('', root);
  return { files: files.sort(), problems };
}
