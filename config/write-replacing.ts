import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Replaces `target` with `text`, never half written: the text goes to a temporary file created exclusively beside it
 * (a file or link planted under that name is never followed nor reused), then renamed over it. A write or rename the
 * file system refuses leaves no stray file beside the target; the error is the file system's, for the caller to word.
 */
export function writeReplacing(target: string, text: string): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.okta-sso-${process.pid}-${randomBytes(6).toString('hex')}`);
  let created = false;
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    created = true;
    fs.renameSync(tmp, target);
    created = false;
  } finally {
    if (created) fs.rmSync(tmp, { force: true });
  }
}
