import * as fs from 'fs';
import * as path from 'path';
import { replaceConfigFile } from '../../config/replace-file';
import { writeReplacing } from '../../config/write-replacing';
import { listFiles, tempDir } from '../helpers';

describe('replaceConfigFile: a config file replaced whole, in its place', () => {
  test('a regular file: replaced, nothing else left beside it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'old\n');
    replaceConfigFile(dir, path.join(dir, 'a.yaml'), 'new\n');
    expect(fs.readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe('new\n');
    expect(listFiles(dir)).toEqual(['a.yaml']);
  });

  test("the file's permissions are kept (a config kept 600 does not become world-readable); a new file gets the umask's", () => {
    const dir = tempDir();
    for (const mode of [0o600, 0o640, 0o664]) {
      fs.writeFileSync(path.join(dir, 'a.yaml'), 'old\n');
      fs.chmodSync(path.join(dir, 'a.yaml'), mode);
      replaceConfigFile(dir, path.join(dir, 'a.yaml'), 'new\n');
      expect(fs.statSync(path.join(dir, 'a.yaml')).mode & 0o7777).toBe(mode);
    }
  });

  test('a symbolic link inside the directory stays a link: the file it leads to is replaced', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'real'));
    fs.writeFileSync(path.join(dir, 'real', 'o.yml'), 'old\n');
    fs.symlinkSync('real/o.yml', path.join(dir, 'okta-sso.yaml'));
    replaceConfigFile(dir, path.join(dir, 'okta-sso.yaml'), 'new\n');
    expect(fs.lstatSync(path.join(dir, 'okta-sso.yaml')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real', 'o.yml'), 'utf8')).toBe('new\n');
    expect(listFiles(dir)).toEqual(['okta-sso.yaml', 'real/o.yml']);
  });

  test('a link leading outside the directory, or a directory: refused, nothing written anywhere', () => {
    const dir = tempDir();
    const outside = path.join(tempDir(), 'outside.yaml');
    fs.writeFileSync(outside, 'theirs\n');
    fs.symlinkSync(outside, path.join(dir, 'a.yaml'));
    expect(() => replaceConfigFile(dir, path.join(dir, 'a.yaml'), 'new\n')).toThrow(/a\.yaml resolves outside the config directory \(symbolic links followed\); nothing was written to it$/);
    expect(fs.readFileSync(outside, 'utf8')).toBe('theirs\n');
    fs.mkdirSync(path.join(dir, 'd.yaml'));
    expect(() => replaceConfigFile(dir, path.join(dir, 'd.yaml'), 'new\n')).toThrow(/d\.yaml is not a regular file; nothing was written to it$/);
    expect(listFiles(dir)).toEqual(['a.yaml']);
  });
});

describe('writeReplacing', () => {
  test('a write cut short leaves no partial temporary file, and the target as it was', () => {
    const dir = tempDir();
    const target = path.join(dir, 'wiki.xml');
    fs.writeFileSync(target, 'previous');
    // The module object itself (the import above is a read-only view of it), which the code under test reads through.
    const nodeFs = require('fs') as { writeFileSync: (...args: unknown[]) => void };
    const real = nodeFs.writeFileSync;
    nodeFs.writeFileSync = (file: unknown, ...rest: unknown[]) => {
      if (typeof file === 'number') {
        real(file, 'half of it');
        throw Object.assign(new Error('EFBIG: file too large, write'), { code: 'EFBIG' });
      }
      return real(file, ...rest);
    };
    try {
      expect(() => writeReplacing(target, 'the new text')).toThrow(/EFBIG/);
    } finally {
      nodeFs.writeFileSync = real;
    }
    expect(fs.readdirSync(dir)).toEqual(['wiki.xml']);
    expect(fs.readFileSync(target, 'utf8')).toBe('previous');
  });

  test('a name near the file system limit (240 characters) is still replaced', () => {
    const target = path.join(tempDir(), `${'w'.repeat(236)}.xml`);
    writeReplacing(target, 'text');
    expect(fs.readFileSync(target, 'utf8')).toBe('text');
  });
});
