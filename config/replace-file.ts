import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { resolveInside } from './inside-dir';

/**
 * Replaces the config file `file` (a path under `configDir`) with `text`, never half written: the new text goes to a
 * temporary file created exclusively beside the file (a symlink planted under its name is never followed), then
 * renamed over it. A config file that is a symbolic link inside the directory stays one: what it leads to is replaced.
 * Throws, writing nothing, when the file leads outside the directory or is not a regular file.
 */
export function replaceConfigFile(configDir: string, file: string, text: string): void {
  const inside = resolveInside(configDir, path.relative(configDir, file));
  if ('why' in inside) throw new Error(`${file} ${inside.why}; nothing was written to it`);
  const target = inside.path;
  if (fs.existsSync(target) && !fs.statSync(target).isFile()) throw new Error(`${file} is not a regular file; nothing was written to it`);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.okta-sso-${process.pid}-${randomBytes(6).toString('hex')}`);
  let created = false;
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    created = true;
    fs.renameSync(tmp, target);
    created = false;
  } finally {
    // A write or rename the file system refused leaves no stray file beside the config.
    if (created) fs.rmSync(tmp, { force: true });
  }
}
