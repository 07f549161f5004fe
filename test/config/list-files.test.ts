import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { readRegularFile } from '../../model/regular-file';
import { MINIMAL_ENV, MINIMAL_INTEGRATIONS, tempDir, writeConfigDir } from '../helpers';

/** The fs module itself (not the import's namespace copy), for spies the code under test sees. */
const fsModule = require('fs') as typeof fs;

function problemsIn(dir: string): string[] {
  return readConfig(dir).problems.map((p) => formatProblem(p).split(`${dir}/`).join(''));
}

const validConfig = () => writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV });

describe('special files and links in the config directory', () => {
  afterEach(() => jest.restoreAllMocks());

  test('a FIFO named *.yaml is refused with a message, not read (which would block forever)', () => {
    const dir = validConfig();
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    expect(problemsIn(dir)).toEqual(['pipe.yaml: this file is not a regular file (a FIFO); accepted: config files that are regular files']);
  });

  test('a file swapped for a FIFO after the listing is not read either', () => {
    const fifo = path.join(tempDir(), 'late.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(readRegularFile(fifo)).toEqual({ why: 'is not a regular file (a FIFO)' });
  });

  test('a symlinked config file or directory resolving outside the config directory is refused', () => {
    const outside = writeConfigDir({ 'more.yaml': 'integrations: {}\n' });
    const dir = validConfig();
    fs.symlinkSync(path.join(outside, 'more.yaml'), path.join(dir, 'more.yaml'));
    fs.symlinkSync(outside, path.join(dir, 'shared'));
    const why = 'this symbolic link resolves outside the config directory; accepted: config files and directories inside the config directory (symbolic links followed)';
    expect(problemsIn(dir)).toEqual([`more.yaml: ${why}`, `shared: ${why}`]);
  });

  test('links that stay inside are followed once: a loop ends, a second link to one file is not read twice', () => {
    const dir = writeConfigDir({ 'envs/env.yaml': MINIMAL_ENV, 'i.yaml': MINIMAL_INTEGRATIONS });
    fs.symlinkSync('..', path.join(dir, 'envs', 'loop'));
    fs.symlinkSync('envs', path.join(dir, 'zz-envs'));
    fs.symlinkSync('i.yaml', path.join(dir, 'zz-i.yaml'));
    const { model, problems } = readConfig(dir);
    expect(problems).toEqual([]);
    expect(model!.environments.map((e) => e.name)).toEqual(['dev']);
  });

  test('an unreadable subdirectory is a located "permission denied", not a raw scandir error', () => {
    const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV, 'private/x.yaml': 'integrations: {}\n' });
    const readdir = fsModule.readdirSync;
    // Tests run as root, whom chmod does not stop: the listing fails as it would for another user.
    jest.spyOn(fsModule, 'readdirSync').mockImplementation(((p: fs.PathLike, options?: unknown) => {
      if (String(p).endsWith('private')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(p)}'`), { code: 'EACCES' });
      return readdir(p, options as { withFileTypes: true });
    }) as typeof fs.readdirSync);
    const problems = problemsIn(dir);
    expect(problems).toEqual([
      'private: this directory cannot be read (permission denied); accepted: a config directory whose subdirectories can be read (check their permissions)',
    ]);
    expect(problems.join('\n')).not.toContain('scandir');
  });
});

test('a file that holds more than its size says (a /proc file, or one still being written) is refused, never read in part', () => {
  const read = readRegularFile('/proc/self/status', 1024 * 1024);
  expect(read).toEqual({ why: 'changed while it was read (it grew); read it again once it is written' });
});
