import * as fs from 'fs';

/** A file's text, or why it cannot be had, in words for a message ("not found", "cannot be read (permission denied)"...). */
export type FileText = { readonly text: string; readonly invalidUtf8?: TextPlace } | { readonly why: string };

/** A place in a text file, 1-based. */
export interface TextPlace {
  readonly line: number;
  readonly column: number;
}

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
    // One byte past its size was read: it grew while it was read, and what was read is a part of it.
    if (length > stat.size) return { why: 'changed while it was read (it grew); read it again once it is written' };
    const bytes = buffer.subarray(0, length);
    const text = bytes.toString('utf8');
    // Decoding puts U+FFFD where a byte is not UTF-8 (a file saved as Latin-1): where, so that the reader can say so.
    const invalid = text.includes('\uFFFD') ? firstInvalidUtf8(bytes) : undefined;
    return invalid === undefined ? { text } : { text, invalidUtf8: placeOf(bytes, invalid) };
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

/** The offset of the first byte that does not belong to a well-formed UTF-8 character, or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Leading byte: how many continuation bytes follow, and the smallest second byte (no overlong or surrogate forms).
    const [more, low, high] = b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] : b === 0xe0 ? [2, 0xa0, 0xbf] : b === 0xed ? [2, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [2, 0x80, 0xbf] : b === 0xf0 ? [3, 0x90, 0xbf] : b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf] : b === 0xf4 ? [3, 0x80, 0x8f] : [0, 0, 0];
    if (more === 0) return i;
    for (let k = 1; k <= more; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += more + 1;
  }
  return undefined;
}

/** Lines end at LF, CRLF or a CR alone (a classic Mac file), as the YAML parser counts them. */
function placeOf(bytes: Buffer, offset: number): TextPlace {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: bytes.subarray(lineStart, offset).toString('utf8').length + 1 };
}
