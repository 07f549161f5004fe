import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listConfigFiles, loadConfigFiles } from '../config/load-files';
import { formatProblemList, problemCount } from '../config/problems';
import { isPlainObject } from '../model/prop-strings';
import { replaceConfigFile } from '../config/replace-file';
import { AdoptError } from './okta-api';

/** The config files of `dir` and the SP metadata files they name, relative to `dir` (inside it only). */
function configInputs(dir: string): string[] {
  const { files } = loadConfigFiles(dir);
  const inputs = new Set(listConfigFiles(dir));
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isPlainObject(value)) {
      const file = (value.spMetadata as { file?: unknown } | undefined)?.file;
      if (typeof file === 'string' && !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..') && fs.existsSync(path.join(dir, file))) inputs.add(file);
      Object.values(value).forEach(visit);
    }
  };
  files.forEach((f) => visit(f.data));
  return [...inputs];
}

/**
 * Writes the new texts only when the whole config, with them, validates (a
 * copy is checked first), each file replaced by a rename so that a config file
 * is never half written.
 */
export function writeAdoption(configDir: string, texts: ReadonlyMap<string, string>, check: (dir: string) => readonly string[]): void {
  checkAdoption(configDir, texts, check);
  for (const [file, text] of texts) {
    try {
      replaceConfigFile(configDir, file, text);
    } catch (err) {
      throw new AdoptError((err as Error).message);
    }
  }
}

/** Throws, listing the problems, unless the whole config with the new texts validates: checked on a copy, nothing written. */
export function checkAdoption(configDir: string, texts: ReadonlyMap<string, string>, check: (dir: string) => readonly string[]): void {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-adopt-'));
  try {
    // Only what validate reads: the config files and the SP metadata they name, never state or build output beside them.
    for (const rel of configInputs(configDir)) {
      fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
      fs.copyFileSync(path.join(configDir, rel), path.join(copy, rel));
    }
    for (const [file, text] of texts) fs.writeFileSync(path.join(copy, path.relative(configDir, file)), text);
    const problems = check(copy);
    if (problems.length) {
      // Lines of the files adopt would write, which the files on disk do not have yet: said, so a line past a file's end does not puzzle.
      throw new AdoptError(`the adopted config would not validate, so nothing can be written (${problemCount(problems.length)}, at lines of the files as adopt would write them):\n${formatProblemList(problems.map((p) => p.split(copy).join(configDir)))}`);
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
