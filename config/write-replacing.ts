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
  const fd = fs.openSync(tmp, 'wx');
  let renamed = false;
  try {
    try {
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
