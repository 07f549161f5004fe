import * as fs from 'fs';

/** A file's text, or why it cannot be had, in words for a message ("not found", "cannot be read (permission denied)"...). */
export type FileText = { readonly text: string } | { readonly why: string };

/**
 * Reads a regular file (symlinks followed) as UTF-8, refusing anything else
 * before reading it: a FIFO would block the read forever, a device never end.
 * Opened non-blocking, then checked on the open descriptor, so a file swapped
 * for a FIFO after a listing cannot hang the read either. Files larger than
 * `maxBytes` are refused from their size, before any byte is read.
 */
export function readRegularFile(file: string, maxBytes: number = Number.MAX_SAFE_INTEGER): FileText {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { why: whyUnreadable(err) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { why: `is not a regular file (${fileKind(stat)})` };
    if (stat.size > maxBytes) return { why: tooLarge(stat.size, maxBytes) };
    // Read at most one byte past the cap: a file that grows after the stat is still refused, never read whole.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { why: `is more than ${maxBytes} bytes` };
    return { text: buffer.subarray(0, length).toString('utf8') };
  } catch (err) {
    return { why: whyUnreadable(err) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Why reading failed, from the error code: a missing file and a forbidden one need different fixes. */
export function whyUnreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is not a regular file (a directory)';
  if (code === 'ELOOP') return 'cannot be read (too many levels of symbolic links)';
  return `cannot be read (${code ?? 'read error'})`;
}

/** What a non-regular file is, for messages. */
export function fileKind(stat: fs.Stats | fs.Dirent): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function tooLarge(size: number, maxBytes: number): string {
  return `is ${size} bytes, more than ${maxBytes}`;
}
