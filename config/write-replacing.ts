import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Replaces `target` with `text`, never half written: the text goes to a temporary file created exclusively beside it
 * (a file or link planted under that name is never followed nor reused), then renamed over it. A write or rename the
 * file system refuses leaves no stray file beside the target; the error is the file system's, for the caller to word.
 */
export function writeReplacing(target: string, text: string): void {
  // Short (13 characters more than the target's name): a name near the file system's limit still gets one.
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.tmp${randomBytes(4).toString('hex')}`);
  // The file's own permissions (a config kept 600 stays so, not the umask's 644); a new file gets the umask's.
  const mode = existingMode(target);
  const fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
  let renamed = false;
  try {
    try {
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      fs.writeFileSync(fd, text);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    renamed = true;
  } finally {
    // Also after a write cut short (no space, a file size limit): no partial file is left beside the target.
    if (!renamed) fs.rmSync(tmp, { force: true });
  }
}

/** The permission bits of the file at `target` (a link followed), or undefined when there is none. */
function existingMode(target: string): number | undefined {
  try {
    return fs.statSync(target).mode & 0o7777;
  } catch {
    return undefined;
  }
}
