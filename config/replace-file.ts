import * as fs from 'fs';
import * as path from 'path';
import { resolveInside } from './inside-dir';
import { writeReplacing } from './write-replacing';

/**
 * Replaces the config file `file` (a path under `configDir`) with `text`, never half written (writeReplacing). A config file that is a symbolic link inside the directory stays one: what it leads to is replaced.
 * Throws, writing nothing, when the file leads outside the directory or is not a regular file.
 */
export function replaceConfigFile(configDir: string, file: string, text: string): void {
  const inside = resolveInside(configDir, path.relative(configDir, file));
  if ('why' in inside) throw new Error(`${file} ${inside.why}; nothing was written to it`);
  const target = inside.path;
  if (fs.existsSync(target) && !fs.statSync(target).isFile()) throw new Error(`${file} is not a regular file; nothing was written to it`);
  writeReplacing(target, text);
}
