import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { FetchText, registerFetchMetadata } from '../../cli/fetch-metadata';
import { fixture } from '../fixture-files';
import { writeConfigDir } from '../helpers';

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

  test('a non-https URL and a config without URLs are refused without fetching', async () => {
    const fail: FetchText = async () => {
      throw new Error('must not fetch');
    };
    const http = await run(config('http://wiki.acme.example/saml/metadata'), fail);
    expect(http.code).toBe(1);
    expect(http.err).toContain('spMetadata.url "http://wiki.acme.example/saml/metadata" uses http, not https');
    const none = await run(config('https://wiki.acme.example/m'), fail, ['--env', 'prod']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no spMetadata with a url');
  });
});

describe('the downloader (against a loopback server, no outside network)', () => {
  const http = require('http') as typeof import('http');
  let server: import('http').Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/metadata') res.end(fixture('sp-metadata/prefixed-md.xml'));
      else if (req.url === '/huge') res.end(Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
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
    await expect(httpFetchText(`${base}/huge`)).rejects.toThrow('the response is 5242881 bytes; accepted: SAML metadata up to 5242880 bytes');
  });
});
