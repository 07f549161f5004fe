import * as fs from 'fs';

/** A regular file, not a link to one: what synth reads or replaces in an output is never what a link leads to. */
export function isFileItself(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** A directory, not a link to one. */
export function isDirectoryItself(dir: string): boolean {
  try {
    return fs.lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}
