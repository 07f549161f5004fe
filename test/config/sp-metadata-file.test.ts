import * as fs from 'fs';
import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { MAX_SP_METADATA_BYTES } from '../../model/sp-metadata';
import { fixture } from '../fixture-files';
import { tempDir, writeConfigDir } from '../helpers';

/** The fs module itself (not the import's namespace copy), for spies the code under test sees. */
const fsModule = require('fs') as typeof fs;
const WIKI = fixture('sp-metadata/prefixed-md.xml');

/** A config whose wiki integration names `file` as its SP metadata; `files` are written beside it. */
function configNaming(file: string, files: Record<string, string> = {}): string {
  return writeConfigDir({
    'integrations.yaml': `integrations:\n  wiki:\n    preset: generic\n    spMetadata: { file: ${JSON.stringify(file)} }\n`,
    'environments/dev.yaml': 'environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      wiki: {}\n',
    ...files,
  });
}

function problemsOf(dir: string): string[] {
  const { model, problems } = readConfig(dir);
  expect(model).toBeUndefined();
  return problems.map((p) => formatProblem(p).split(`${dir}/`).join(''));
}

/** A directory outside every config dir, holding valid SP metadata whose values must never be echoed. */
function outsideDir(): string {
  const outside = tempDir('okta-sso-outside-');
  fs.writeFileSync(path.join(outside, 'wiki.xml'), WIKI.replace(/wiki\.acme\.example/g, 'outside.secret-host.example'));
  return outside;
}

describe('spMetadata.file resolves inside the config directory, symlinks followed', () => {
  const refused = (problems: string[], file: string) => {
    expect(problems).toContain(
      `integrations.yaml:4:19: integrations.wiki.spMetadata.file: SP metadata file ${JSON.stringify(file)} resolves outside the config directory (symbolic links followed); accepted: a path relative to the config directory, to a file inside it`,
    );
    // Nothing of the outside file is read: its values appear nowhere.
    expect(problems.join('\n')).not.toContain('outside.secret-host.example');
  };

  test('a path climbing out with .. is refused', () => {
    const outside = outsideDir();
    const dir = configNaming('x');
    const rel = path.relative(dir, path.join(outside, 'wiki.xml'));
    fs.writeFileSync(path.join(dir, 'integrations.yaml'), `integrations:\n  wiki:\n    preset: generic\n    spMetadata: { file: ${JSON.stringify(rel)} }\n`);
    refused(problemsOf(dir), rel);
  });

  test('a symlinked file pointing outside is refused', () => {
    const outside = outsideDir();
    const dir = configNaming('sp/wiki.xml');
    fs.mkdirSync(path.join(dir, 'sp'));
    fs.symlinkSync(path.join(outside, 'wiki.xml'), path.join(dir, 'sp', 'wiki.xml'));
    refused(problemsOf(dir), 'sp/wiki.xml');
  });

  test('a file under a symlinked directory pointing outside is refused', () => {
    const outside = outsideDir();
    const dir = configNaming('sp/wiki.xml');
    fs.symlinkSync(outside, path.join(dir, 'sp'));
    const problems = problemsOf(dir);
    refused(problems, 'sp/wiki.xml');
    // The config listing refuses the directory link too: config is never read from outside either.
    expect(problems).toContain('sp: this symbolic link resolves outside the config directory; accepted: config files and directories inside the config directory (symbolic links followed)');
  });

  test('a nested path and a symlink that stays inside still work', () => {
    expect(readConfig(configNaming('sp/saml/wiki.xml', { 'sp/saml/wiki.xml': WIKI })).problems).toEqual([]);
    const dir = configNaming('sp/wiki.xml', { 'saved/wiki-2024.xml': WIKI });
    fs.mkdirSync(path.join(dir, 'sp'));
    fs.symlinkSync('../saved/wiki-2024.xml', path.join(dir, 'sp', 'wiki.xml'));
    const { model, problems } = readConfig(dir);
    expect(problems).toEqual([]);
    expect(model!.environments[0].integrations[0].saml.audience).toBe('https://wiki.acme.example/saml/metadata');
  });
});

test.each([
  ['a NUL', '\u0000', 'U+0000 (NUL)'],
  ['a zero-width space', '\u200b', 'U+200B (zero-width space)'],
])('a spMetadata.file holding %s is refused naming the code point, never printing it, with no internal error code', (_name, char, named) => {
  const file = `sp-metadata/wiki-dev.xml${char}.txt`;
  const problems = problemsOf(configNaming(file, { 'sp-metadata/wiki-dev.xml': WIKI }));
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain(`integrations.yaml:4:19: integrations.wiki.spMetadata.file: SP metadata file path contains ${named} at character 25; accepted: text without control`);
  expect(problems.join('\n')).not.toContain(char);
  expect(problems.join('\n')).not.toMatch(/ERR_|\(E[A-Z]+\)/);
});

describe('an SP metadata file that cannot be read says why', () => {
  afterEach(() => jest.restoreAllMocks());

  test('permission denied is not reported as "not found"', () => {
    const dir = configNaming('sp/wiki.xml', { 'sp/wiki.xml': WIKI });
    const target = fs.realpathSync(path.join(dir, 'sp', 'wiki.xml'));
    // Tests run as root, whom chmod does not stop: the open fails as it would for another user.
    const open = fs.openSync;
    jest.spyOn(fsModule, 'openSync').mockImplementation((file, ...rest) => {
      if (file === target) throw Object.assign(new Error(`EACCES: permission denied, open '${target}'`), { code: 'EACCES' });
      return open(file, ...rest);
    });
    expect(problemsOf(dir)).toEqual([
      `integrations.yaml:4:19: integrations.wiki.spMetadata.file: SP metadata file sp/wiki.xml cannot be read (permission denied); accepted: the SP's SAML metadata XML, path relative to the config directory`,
    ]);
  });

  test('a directory and a FIFO are not regular files, and the FIFO is not opened for a blocking read', () => {
    const dir = configNaming('sp/wiki.xml');
    fs.mkdirSync(path.join(dir, 'sp', 'wiki.xml'), { recursive: true });
    expect(problemsOf(dir)[0]).toContain('sp/wiki.xml is not a regular file (a directory)');
    const fifoDir = configNaming('sp/wiki.xml');
    fs.mkdirSync(path.join(fifoDir, 'sp'));
    require('child_process').execFileSync('mkfifo', [path.join(fifoDir, 'sp', 'wiki.xml')]);
    expect(problemsOf(fifoDir)[0]).toContain('sp/wiki.xml is not a regular file (a FIFO)');
  });

  test('a file over the size cap is refused from its size, before it is read', () => {
    const dir = configNaming('sp/wiki.xml', { 'sp/wiki.xml': WIKI });
    fs.truncateSync(path.join(dir, 'sp', 'wiki.xml'), MAX_SP_METADATA_BYTES + 1);
    const read = jest.spyOn(fsModule, 'readSync');
    expect(problemsOf(dir)).toEqual([
      `integrations.yaml:4:19: integrations.wiki.spMetadata.file: SP metadata file sp/wiki.xml is ${MAX_SP_METADATA_BYTES + 1} bytes, more than ${MAX_SP_METADATA_BYTES}; accepted: the SP's SAML metadata XML, path relative to the config directory`,
    ]);
    // Config files are read; no buffer large enough for the metadata file ever is.
    expect(read.mock.calls.map((c) => (c[1] as Buffer).length).filter((n) => n > 1024 * 1024)).toEqual([]);
  });
});
