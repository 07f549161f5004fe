import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { FetchText, registerFetchMetadata } from '../../cli/fetch-metadata';
import { MAX_SP_METADATA_BYTES } from '../../model/sp-metadata';
import { fixture } from '../fixture-files';
import { tempDir, writeConfigDir } from '../helpers';

async function run(dir: string, fetchText: FetchText, extra: string[] = []) {
  let out = '';
  let err = '';
  let code = 0;
  const program = new Command('okta-sso').exitOverride();
  registerFetchMetadata(program, { out: (t) => (out += t), err: (t) => (err += t), exit: (c) => (code = c) }, fetchText);
  await program.parseAsync(['fetch-metadata', '--config', dir, ...extra], { from: 'user' });
  return { code, out, err };
}

const config = (url: string) =>
  writeConfigDir({
    'integrations.yaml': `integrations:\n  wiki:\n    preset: generic\n    spMetadata: { file: sp/wiki.xml, url: "${url}" }\n`,
    'environments/dev.yaml': 'environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      wiki: {}\n',
  });

describe('okta-sso fetch-metadata', () => {
  test('downloads the URL into the file, after checking it is SP metadata', async () => {
    const dir = config('https://wiki.acme.example/saml/metadata');
    const asked: string[] = [];
    const r = await run(dir, async (url) => (asked.push(url), fixture('sp-metadata/prefixed-md.xml')));
    expect(r.err).toBe('');
    expect(asked).toEqual(['https://wiki.acme.example/saml/metadata']);
    expect(fs.readFileSync(path.join(dir, 'sp', 'wiki.xml'), 'utf8')).toBe(fixture('sp-metadata/prefixed-md.xml'));
    expect(r.out).toContain('sp/wiki.xml: saved from https://wiki.acme.example/saml/metadata (entityID https://wiki.acme.example/saml/metadata; 1 HTTP-POST ACS)');
  });

  test('a document that is not SP metadata (a login page) is not written', async () => {
    const dir = config('https://wiki.acme.example/saml/metadata');
    const r = await run(dir, async () => fixture('sp-metadata/html-page.xml'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('dev/wiki: https://wiki.acme.example/saml/metadata: the document is not SAML 2.0 metadata');
    expect(r.err).toContain('sp/wiki.xml not written');
    expect(fs.existsSync(path.join(dir, 'sp', 'wiki.xml'))).toBe(false);
  });

  test('a download error keeps the existing file', async () => {
    const dir = config('https://wiki.acme.example/saml/metadata');
    fs.mkdirSync(path.join(dir, 'sp'));
    fs.writeFileSync(path.join(dir, 'sp', 'wiki.xml'), 'previous');
    const r = await run(dir, async () => {
      throw new Error('HTTP 503 Service Unavailable');
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('HTTP 503 Service Unavailable');
    expect(fs.readFileSync(path.join(dir, 'sp', 'wiki.xml'), 'utf8')).toBe('previous');
  });

  test("a network failure says why (node's own message is only 'fetch failed'), and a timeout in seconds", async () => {
    const dir = config('https://wiki.acme.example/saml/metadata');
    const unreachable = await run(dir, async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND wiki.acme.example'), { code: 'ENOTFOUND' }) });
    });
    expect(unreachable.err).toContain('dev/wiki: https://wiki.acme.example/saml/metadata: fetch failed (ENOTFOUND); check the URL and the network; ');
    const slow = await run(dir, async () => {
      throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    });
    expect(slow.err).toContain('https://wiki.acme.example/saml/metadata: no answer within 30 s; ');
  });

  test('a non-https URL and a config without URLs are refused without fetching', async () => {
    const fail: FetchText = async () => {
      throw new Error('must not fetch');
    };
    const http = await run(config('http://wiki.acme.example/saml/metadata'), fail);
    expect(http.code).toBe(1);
    expect(http.err).toContain('spMetadata.url "http://wiki.acme.example/saml/metadata" uses http, not https');
    const withProd = config('https://wiki.acme.example/m');
    fs.writeFileSync(path.join(withProd, 'environments', 'prod.yaml'), 'environments:\n  prod:\n    okta: { orgName: acme }\n    integrations: {}\n');
    const none = await run(withProd, fail, ['--env', 'prod']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no spMetadata with a url');
  });

  test.each([
    [['--env', 'prd'], '--env: no environment "prd" in config; accepted: "dev"'],
    [['--integration', 'wikki'], '--integration: no integration "wikki" in config; accepted: "wiki"'],
  ])('a name config does not define, %j, is a usage error (exit 2) listing the accepted names, nothing fetched', async (args, message) => {
    const fetched: string[] = [];
    const r = await run(config('https://wiki.acme.example/m'), async (url) => (fetched.push(url), ''), args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`okta-sso fetch-metadata: ${message}; nothing fetched\n`);
    expect(fetched).toEqual([]);
  });
});

describe('okta-sso fetch-metadata writes only inside the config directory', () => {
  const fetched: string[] = [];
  const fake: FetchText = async (url) => (fetched.push(url), fixture('sp-metadata/prefixed-md.xml'));
  const configNaming = (file: string) =>
    writeConfigDir({
      'integrations.yaml': `integrations:\n  wiki:\n    preset: generic\n    spMetadata: { file: ${JSON.stringify(file)}, url: "https://wiki.acme.example/m" }\n`,
      'environments/dev.yaml': 'environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      wiki: {}\n',
    });
  /** A file outside the config dir that must survive every refused fetch. */
  const outsideFile = () => {
    const file = path.join(tempDir('okta-sso-outside-'), '.bashrc');
    fs.writeFileSync(file, 'export PATH=/usr/bin\n');
    return file;
  };
  const expectRefused = async (dir: string, file: string, outside: string) => {
    fetched.length = 0;
    const r = await run(dir, fake);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `okta-sso fetch-metadata: dev/wiki: spMetadata.file: SP metadata file ${JSON.stringify(file)} resolves outside the config directory (symbolic links followed); accepted: a path relative to the config directory, to a file inside it; nothing fetched, nothing written`,
    );
    expect(fetched).toEqual([]);
    expect(fs.readFileSync(outside, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(fs.readdirSync(path.dirname(outside))).toEqual(['.bashrc']);
  };

  test('a path climbing out with .. is refused', async () => {
    const outside = outsideFile();
    const dir = configNaming('x');
    const rel = path.relative(dir, outside);
    fs.writeFileSync(path.join(dir, 'integrations.yaml'), fs.readFileSync(path.join(dir, 'integrations.yaml'), 'utf8').replace('"x"', JSON.stringify(rel)));
    await expectRefused(dir, rel, outside);
  });

  test('a symlinked file pointing outside is refused', async () => {
    const outside = outsideFile();
    const dir = configNaming('sp/wiki.xml');
    fs.mkdirSync(path.join(dir, 'sp'));
    fs.symlinkSync(outside, path.join(dir, 'sp', 'wiki.xml'));
    await expectRefused(dir, 'sp/wiki.xml', outside);
  });

  test('a file under a symlinked directory pointing outside is refused, also when it does not exist yet', async () => {
    const outside = outsideFile();
    const dir = configNaming('sp/new/wiki.xml');
    fs.symlinkSync(path.dirname(outside), path.join(dir, 'sp'));
    // The listing of config files refuses the link first: nothing is fetched at all.
    const r = await run(dir, fake);
    expect(r.code).toBe(1);
    expect(r.err).toContain('sp: this symbolic link resolves outside the config directory');
    expect(fs.readdirSync(path.dirname(outside))).toEqual(['.bashrc']);
  });

  test.each([
    ['a NUL', '\u0000', 'U+0000 (NUL)'],
    ['an escape', '\u001b', 'U+001B (escape)'],
    ['a right-to-left override', '\u202e', 'U+202E (right-to-left override)'],
  ])('a path holding %s is refused naming the code point, never printing it, with no internal error code', async (_name, char, named) => {
    fetched.length = 0;
    const dir = configNaming(`sp/wiki.xml${char}.txt`);
    const r = await run(dir, fake);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`dev/wiki: spMetadata.file: SP metadata file path contains ${named} at character 12; accepted: text without control`);
    expect(r.err).not.toContain(char);
    expect(r.err).not.toMatch(/ERR_|\(E[A-Z]+\)/);
    expect(fetched).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'sp'))).toBe(false);
  });

  test('an absolute path is refused', async () => {
    const outside = outsideFile();
    const r = await run(configNaming(outside), fake);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`SP metadata file ${JSON.stringify(outside)} is an absolute path`);
    expect(fs.readFileSync(outside, 'utf8')).toBe('export PATH=/usr/bin\n');
  });

  test('the temporary file is created exclusively: a symlink planted under its name is neither followed nor blocks the write', async () => {
    const outside = outsideFile();
    const dir = configNaming('sp/wiki.xml');
    fs.mkdirSync(path.join(dir, 'sp'));
    fs.symlinkSync(outside, path.join(dir, 'sp', `wiki.xml.tmp-${process.pid}`));
    const r = await run(dir, fake);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(outside, 'utf8')).toBe('export PATH=/usr/bin\n');
    // Written through another temporary name; the planted link is left as it was, not reused.
    expect(fs.readFileSync(path.join(dir, 'sp', 'wiki.xml'), 'utf8')).toBe(fixture('sp-metadata/prefixed-md.xml'));
    expect(fs.readdirSync(path.join(dir, 'sp')).sort()).toEqual(['wiki.xml', `wiki.xml.tmp-${process.pid}`]);
  });

  test('a nested path inside gets its parents created, and a symlink inside is written through', async () => {
    const nested = configNaming('sp/saml/prod/wiki.xml');
    expect((await run(nested, fake)).code).toBe(0);
    expect(fs.readFileSync(path.join(nested, 'sp/saml/prod/wiki.xml'), 'utf8')).toBe(fixture('sp-metadata/prefixed-md.xml'));
    const linked = configNaming('sp/wiki.xml');
    fs.mkdirSync(path.join(linked, 'saved'));
    fs.writeFileSync(path.join(linked, 'saved', 'wiki.xml'), 'old');
    fs.mkdirSync(path.join(linked, 'sp'));
    fs.symlinkSync('../saved/wiki.xml', path.join(linked, 'sp', 'wiki.xml'));
    expect((await run(linked, fake)).code).toBe(0);
    expect(fs.lstatSync(path.join(linked, 'sp', 'wiki.xml')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(linked, 'saved', 'wiki.xml'), 'utf8')).toBe(fixture('sp-metadata/prefixed-md.xml'));
  });
});

describe('the downloader (against a loopback server, no outside network)', () => {
  const http = require('http') as typeof import('http');
  let server: import('http').Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/metadata') res.end(fixture('sp-metadata/prefixed-md.xml'));
      else if (req.url === '/huge') res.end(Buffer.alloc(MAX_SP_METADATA_BYTES + 1, 0x20));
      else {
        res.statusCode = 404;
        res.statusMessage = 'Not Found';
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as import('net').AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('returns the body, and fails on an HTTP error or an oversized body', async () => {
    const { httpFetchText } = await import('../../cli/fetch-metadata');
    expect(await httpFetchText(`${base}/metadata`)).toBe(fixture('sp-metadata/prefixed-md.xml'));
    await expect(httpFetchText(`${base}/nope`)).rejects.toThrow('HTTP 404 Not Found');
    // The one cap SP metadata has wherever it is read.
    await expect(httpFetchText(`${base}/huge`)).rejects.toThrow(`the response is ${MAX_SP_METADATA_BYTES + 1} bytes; accepted: SAML metadata up to ${MAX_SP_METADATA_BYTES} bytes`);
  });
});

describe('okta-sso fetch-metadata never sends nor prints a secret', () => {
  const fail: FetchText = async () => {
    throw new Error('must not fetch');
  };
  const STRIPE = 'sk_live_' + '51HcanaryQwErTyUiOp9876';

  test('a config with a secret in it is refused first, located like validate, and nothing is fetched', async () => {
    const dir = config(`https://host.example/meta.xml?token=${STRIPE}`);
    const r = await run(dir, fail);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/integrations\.yaml:4:\d+: integrations\.wiki\.spMetadata\.url: looks like a Stripe secret key \(value not shown\)/);
    expect(r.out + r.err).not.toContain(STRIPE);
    expect(fs.existsSync(path.join(dir, 'sp', 'wiki.xml'))).toBe(false);
  });

  test('a URL with user info is refused, and neither it nor a fetch error quoting it shows the password', async () => {
    const dir = config('https://svc:hunter2hunter2@wiki.acme.example/saml/metadata');
    const r = await run(dir, async (url) => {
      throw new Error(`Request cannot be constructed from a URL that includes credentials: ${url}`);
    });
    expect(r.code).toBe(1);
    expect(r.out + r.err).not.toContain('hunter2hunter2');
  });
});
