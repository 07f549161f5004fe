/**
 * `okta-sso adopt` on bad input (the issue's "Bad input" list): each case gets a clear message that names the
 * problem and what is accepted, exit code 2, and leaves the config directory byte for byte as it was, even with
 * --write. HTTP cases run against the fake Okta server, which must only ever see reads.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { ADOPT_FAILED_EXIT } from '../../cli/adopt';
import { listFiles, runCliCaptured, tempDir, writeConfigDir } from '../helpers';
import { FakeOkta, FakeOktaOptions, ORG_IDENTITY_PATH, apiRequests, copyOrg, startFakeOkta, writeJson } from '../support/fake-okta';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'adopt');
const ORG = path.join(EXAMPLE, 'saved-org');
const AIVEN = '0oaFdrCWerdFtJ8ib1d7';
const OIDC = '0oaplNITrh6bacgtY1d7';
const WIKI = '0oarX3huH7Jn0OwNs1d7';
const UNKNOWN = '0oa00000000000000000';
const TOKEN = '00TESTtoken-abcdefghijklmnopqrstuvwxyz0123';
const CREDENTIAL_VARIABLES = ['OKTA_API_TOKEN', 'OKTA_API_CLIENT_ID', 'OKTA_API_PRIVATE_KEY', 'OKTA_API_PRIVATE_KEY_ID'];

/** A fresh copy of the example config to adopt into: every test may --write. */
function freshConfig(): string {
  const dir = tempDir('adopt-config-');
  fs.cpSync(path.join(EXAMPLE, 'config'), dir, { recursive: true });
  return dir;
}

/** Every file of `dir` with its bytes, to prove that a failed adopt wrote nothing (not even a temp file). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]));
}

const adopt = (config: string, ...args: string[]) => runCliCaptured(['adopt', '--env', 'prod', '--config', config, ...args]);

/** Runs adopt with --write, expecting it to fail: exit 2, one message on stderr, nothing on stdout, the config untouched. Returns stderr. */
async function expectRefused(config: string, ...args: string[]): Promise<string> {
  const before = snapshot(config);
  const { code, out, err } = await adopt(config, ...args, '--write');
  expect({ code, out }).toEqual({ code: ADOPT_FAILED_EXIT, out: '' });
  expect(err).toMatch(/^okta-sso adopt: /);
  // internal errors leaking as messages
  expect(err).not.toMatch(/Cannot read properties|is not a function|undefined|\[object Object\]|\n\s+at /);
  expect(snapshot(config)).toEqual(before);
  return err;
}

/** Okta's API is read by adopt, never changed: GETs only, and the OAuth token request when OAuth is used. */
function expectOnlyReads(okta: FakeOkta): void {
  expect(okta.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/oauth2/v1/token'))).toEqual([]);
}

let servers: Array<{ close(): Promise<void> }> = [];
async function fakeOkta(orgDir = ORG, options: FakeOktaOptions = { token: TOKEN }): Promise<FakeOkta> {
  const okta = await startFakeOkta(orgDir, options);
  servers.push(okta);
  return okta;
}

// The code reads the credentials from process.env: each test starts without any and gets the outer ones back after.
const savedEnv: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const name of CREDENTIAL_VARIABLES) {
    savedEnv[name] = process.env[name];
    delete process.env[name];
  }
});
afterEach(async () => {
  for (const name of CREDENTIAL_VARIABLES) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('adopt: an app that cannot be adopted', () => {
  test('an unknown app ID in saved responses: names the ID and the 404', async () => {
    const err = await expectRefused(freshConfig(), '--from', ORG, '--app', UNKNOWN);
    expect(err).toContain(`no app ${UNKNOWN} in ${ORG} (Okta answered 404); check the ID in the app's Admin Console URL`);
  });

  test('an unknown app ID in the org: names the ID and the 404, and only read', async () => {
    process.env.OKTA_API_TOKEN = TOKEN;
    const okta = await fakeOkta();
    const err = await expectRefused(freshConfig(), '--org-url', okta.url, '--app', UNKNOWN);
    expect(err).toContain(`no app ${UNKNOWN} in ${okta.url} (Okta answered 404)`);
    expect(okta.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${ORG_IDENTITY_PATH}`, `GET /api/v1/apps/${UNKNOWN}`]);
    expectOnlyReads(okta);
  });

  test('an app ID that is not one: refused before any read, with the accepted form', async () => {
    const err = await expectRefused(freshConfig(), '--from', ORG, '--app', '../groups');
    expect(err).toContain('--app "../groups" is not an Okta app ID; accepted: 0oa followed by 17 letters or digits');
  });

  test('an app that is not SAML 2.0, asked for by ID: an error with its sign-on mode, and nothing written', async () => {
    const err = await expectRefused(freshConfig(), '--from', ORG, '--app', OIDC);
    expect(err).toBe(`okta-sso adopt: cannot adopt "Acme Internal API" (${OIDC}): sign-on mode OPENID_CONNECT: adopt handles SAML 2.0 apps\n`);
  });

  test('without --app, the OIDC and bookmark apps are skipped with the reason and the SAML apps adopted', async () => {
    const config = freshConfig();
    const { code, out, err } = await adopt(config, '--from', ORG, '--write');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('3 SAML app(s) to adopt into prod, 2 skipped');
    expect(out).toContain(`skipped "Acme Internal API" (${OIDC}): sign-on mode OPENID_CONNECT: adopt handles SAML 2.0 apps`);
    expect(out).toContain('skipped "Acme Status Page" (0oatpu4pVKFUHLuhJ1d7): sign-on mode BOOKMARK: adopt handles SAML 2.0 apps');
    const written = fs.readFileSync(path.join(config, 'okta-sso.yaml'), 'utf8');
    for (const id of [AIVEN, '0oarSj1TOa2c617ji1d7', WIKI]) expect(written).toContain(`oktaAppId: ${id}`);
    expect(written).not.toContain(OIDC);
  });
});

describe('adopt: keys and SPs that clash', () => {
  /** The example config with an Aiven integration already declared, for another Aiven account than the live app's. */
  const configWithAiven = () =>
    writeConfigDir({
      'okta-sso.yaml': `integrations:
  aiven:
    preset: aiven
    groups: [Engineering]
environments:
  prod:
    okta: { orgName: acme, baseUrl: okta.com }
    integrations:
      aiven:
        aiven: { accountId: a1111111111f, methodId: am1111111111f }
`,
    });

  test('a proposed key that is already an integration: names the key and how to choose another', async () => {
    const err = await expectRefused(configWithAiven(), '--from', ORG);
    expect(err).toContain(`the key proposed for "Aiven" (${AIVEN}), "aiven", is an integration in`);
    expect(err).toContain(`adopt it under another key with --app ${AIVEN} --key NAME`);
  });

  test('the same app under a key of its own is adopted', async () => {
    const config = configWithAiven();
    const { code, out, err } = await adopt(config, '--from', ORG, '--app', AIVEN, '--key', 'aiven_live', '--write');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain(`"Aiven" (${AIVEN}) -> aiven_live (aiven, new)`);
    const written = fs.readFileSync(path.join(config, 'okta-sso.yaml'), 'utf8');
    expect(written).toContain('aiven_live:');
    // the integration that was there keeps its account
    expect(written).toContain('aiven: { accountId: a1111111111f, methodId: am1111111111f }');
    expect((await runCliCaptured(['validate', '--config', config])).code).toBe(0);
  });

  test('an unusable --key: says what a key may be', async () => {
    const err = await expectRefused(freshConfig(), '--from', ORG, '--app', AIVEN, '--key', 'Aiven-Live');
    expect(err).toContain('--key "Aiven-Live" is not an integration key; accepted: lowercase letters, digits and _, starting with a letter');
  });

  /** The saved org with a second live Aiven app, for another Aiven account, on the second page of the app list. */
  const AIVEN_EU = '0oaAivenEu0000000001';
  const orgWithTwoAivens = () =>
    copyOrg(ORG, (dir) => {
      const app = JSON.parse(fs.readFileSync(path.join(dir, 'apps', `${AIVEN}.json`), 'utf8'));
      const eu = JSON.parse(JSON.stringify(app).split(AIVEN).join(AIVEN_EU));
      eu.label = 'Aiven EU';
      eu.name = 'acmeinc_aiveneu_1';
      eu.settings.signOn.ssoAcsUrl = 'https://api.aiven.io/v1/sso/saml/account/a2e5c1f0b7d4/method/am2e5c1f0b7d5/acs';
      eu.settings.signOn.recipient = eu.settings.signOn.destination = eu.settings.signOn.ssoAcsUrl;
      eu.settings.signOn.audience = 'https://api.aiven.io/v1/sso/saml/account/a2e5c1f0b7d4/method/am2e5c1f0b7d5/metadata';
      writeJson(dir, `apps/${AIVEN_EU}.json`, eu);
      fs.cpSync(path.join(dir, 'apps', AIVEN), path.join(dir, 'apps', AIVEN_EU), { recursive: true });
      const page2 = JSON.parse(fs.readFileSync(path.join(dir, 'pages', 'apps-2.json'), 'utf8'));
      writeJson(dir, 'pages/apps-2.json', [...page2, eu]);
    });

  test('two live apps for one SP: lists both and asks for --app', async () => {
    const err = await expectRefused(freshConfig(), '--from', orgWithTwoAivens());
    expect(err).toContain(`2 live Aiven apps: "Aiven" (${AIVEN}), "Aiven EU" (${AIVEN_EU}); choose which to adopt with --app ID (one run per app)`);
  });

  test('two live apps for one SP: --app adopts the one chosen', async () => {
    const config = freshConfig();
    const { code, out, err } = await adopt(config, '--from', orgWithTwoAivens(), '--app', AIVEN_EU, '--write');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain(`"Aiven EU" (${AIVEN_EU}) -> aiven (aiven, new)`);
    const written = fs.readFileSync(path.join(config, 'okta-sso.yaml'), 'utf8');
    expect(written).toContain(`oktaAppId: ${AIVEN_EU}`);
    expect(written).toContain('accountId: a2e5c1f0b7d4');
    expect(written).not.toContain(AIVEN);
  });
});

describe('adopt: credentials', () => {
  test("none in the environment: names the variables, before any API request (only the org's public identity is asked)", async () => {
    const okta = await fakeOkta();
    const err = await expectRefused(freshConfig(), '--org-url', okta.url);
    expect(err).toContain('no Okta credentials: set OKTA_API_TOKEN');
    expect(err).toContain('or OKTA_API_CLIENT_ID and OKTA_API_PRIVATE_KEY');
    expect(err).toContain('or read saved responses with --from DIR');
    expect(okta.requests.map((r) => r.path)).toEqual([ORG_IDENTITY_PATH]);
  });

  test('a wrong token: says Okta refused it (401) and which variable, never its value', async () => {
    const wrong = '00WRONGtoken-zyxwvutsrqponmlkjihgfedcba9876';
    process.env.OKTA_API_TOKEN = wrong;
    const okta = await fakeOkta();
    const err = await expectRefused(freshConfig(), '--org-url', okta.url);
    expect(err).toContain(`Okta refused the credentials in OKTA_API_TOKEN (401 E0000011): check the variable and that it belongs to ${okta.url} (value not shown)`);
    expect(err).not.toContain(wrong);
    // the request did carry it: the test would prove nothing if it had not been sent
    expect(apiRequests(okta).map((r) => r.authorization)).toEqual([`SSWS ${wrong}`]);
    expectOnlyReads(okta);
  });

  test('an OAuth service app key the org does not trust: says the token request was refused and what to check', async () => {
    const trusted = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const okta = await fakeOkta(ORG, { oauth: { clientId: '0oaService0000000001', publicKeyPem: trusted.publicKey.export({ type: 'spki', format: 'pem' }).toString() } });
    process.env.OKTA_API_CLIENT_ID = '0oaService0000000001';
    process.env.OKTA_API_PRIVATE_KEY = other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const err = await expectRefused(freshConfig(), '--org-url', okta.url);
    expect(err).toContain('Okta refused the OAuth 2.0 token request of OKTA_API_CLIENT_ID (invalid_client: The client_assertion signature is invalid.)');
    expect(err).toContain('check the service app, its public key and that it is granted okta.apps.read and okta.groups.read');
    expect(err).not.toContain('PRIVATE KEY');
    expect(apiRequests(okta).map((r) => `${r.method} ${r.path} ${r.scope}`)).toEqual(['POST /oauth2/v1/token okta.apps.read okta.groups.read']);
    expectOnlyReads(okta);
  });

  test('OKTA_API_PRIVATE_KEY that is not a key: says so without showing it', async () => {
    const okta = await fakeOkta();
    process.env.OKTA_API_CLIENT_ID = '0oaService0000000001';
    process.env.OKTA_API_PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nnot-a-key-at-all\n-----END PRIVATE KEY-----\n';
    const err = await expectRefused(freshConfig(), '--org-url', okta.url);
    expect(err).toContain('OKTA_API_PRIVATE_KEY is not a usable private key (value not shown); accepted: an RSA private key in PEM');
    expect(err).not.toContain('not-a-key-at-all');
    expect(apiRequests(okta)).toEqual([]);
  });

  test('a successful adopt over HTTP shows and writes the token nowhere', async () => {
    process.env.OKTA_API_TOKEN = TOKEN;
    const okta = await fakeOkta();
    const config = freshConfig();
    const { code, out, err } = await adopt(config, '--org-url', okta.url, '--write');
    expect(code).toBe(0);
    expect(out).toContain('3 SAML app(s) to adopt into prod, 2 skipped');
    // Aiven's group assignments answer 429 first: adopt waits it out, and says so on stderr
    expect(err).toMatch(/^okta-sso adopt: rate limited on GET \/api\/v1\/apps\/0oaFdrCWerdFtJ8ib1d7\/groups: waiting \d s until X-Rate-Limit-Reset\n$/);
    expect(out + err).not.toContain(TOKEN);
    for (const f of listFiles(config)) expect(fs.readFileSync(path.join(config, f), 'utf8')).not.toContain(TOKEN);
    expect(apiRequests(okta).every((r) => r.authorization === `SSWS ${TOKEN}`)).toBe(true);
    // The org's public identity is asked without credentials.
    expect(okta.requests.filter((r) => r.path === ORG_IDENTITY_PATH).map((r) => r.authorization)).toEqual([undefined]);
    expectOnlyReads(okta);
  }, 15_000);
});

describe('adopt: the network', () => {
  beforeEach(() => {
    process.env.OKTA_API_TOKEN = TOKEN;
  });

  test('nothing listening: says it cannot reach the org, and what to check', async () => {
    // a port that was free a moment ago: nothing answers there
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const err = await expectRefused(freshConfig(), '--org-url', `http://127.0.0.1:${port}`);
    expect(err).toContain(`cannot reach http://127.0.0.1:${port} (ECONNREFUSED) for GET ${ORG_IDENTITY_PATH}; check --org-url or the environment's okta settings, and the network`);
  });

  test('a port fetch refuses to use (1): the cause, not "TypeError"', async () => {
    const err = await expectRefused(freshConfig(), '--org-url', 'http://127.0.0.1:1');
    expect(err).toContain(`cannot reach http://127.0.0.1:1 (bad port) for GET ${ORG_IDENTITY_PATH}`);
  });

  test('a server that accepts and never answers: gives up after --timeout with the time waited', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), silent.close(() => resolve()))) });
    const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const started = Date.now();
    const err = await expectRefused(freshConfig(), '--org-url', url, '--timeout', '1');
    expect(err).toContain(`cannot reach ${url} (no answer within 1 s) for GET ${ORG_IDENTITY_PATH}`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sockets.size).toBe(1);
  }, 10_000);

  test('a redirect is not followed (it could take the credentials elsewhere), and is said as such', async () => {
    const redirecting = http.createServer((_req, res) => {
      res.writeHead(302, { Location: 'https://elsewhere.example.com/' });
      res.end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise<void>((resolve) => redirecting.close(() => resolve())) });
    const url = `http://127.0.0.1:${(redirecting.address() as net.AddressInfo).port}`;
    const err = await expectRefused(freshConfig(), '--org-url', url);
    expect(err).toContain(`cannot reach ${url} (it answered with a redirect, which adopt does not follow) for GET ${ORG_IDENTITY_PATH}`);
  });

  test('an org URL that is not https: refused before any request', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    try {
      const err = await expectRefused(freshConfig(), '--org-url', 'http://example.com');
      expect(err).toContain('org URL "http://example.com" is not https; accepted: https://<org>.okta.com (http only for 127.0.0.1)');
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  test('--from and --org-url together: refused, one of them is accepted', async () => {
    const okta = await fakeOkta();
    const err = await expectRefused(freshConfig(), '--from', ORG, '--org-url', okta.url);
    expect(err).toContain('--from and --org-url both say where to read; accepted: one of them');
    expect(okta.requests).toEqual([]);
  });

  test('a --timeout that is not a number of seconds: says what is accepted', async () => {
    const err = await expectRefused(freshConfig(), '--from', ORG, '--timeout', 'soon');
    expect(err).toContain('--timeout "soon" is not a number of seconds; accepted: 1 to 600');
  });
});

describe('adopt: saved responses that are not Okta\'s shape', () => {
  test('an apps page that is not a list: names the request', async () => {
    const org = copyOrg(ORG, (dir) => writeJson(dir, 'pages/apps-1.json', { apps: [] }));
    const err = await expectRefused(freshConfig(), '--from', org);
    expect(err).toContain(`listing the org's apps: GET /api/v1/apps?limit=200 from ${org} did not return a list, which is not Okta's shape`);
  });

  test("--from responses saved from another Okta org: refused, naming both, nothing written (its app IDs would go into prod's config)", async () => {
    const other = copyOrg(ORG, (dir) => writeJson(dir, '.well-known/okta-organization.json', { id: '00ostaging', _links: { organization: { href: 'https://acme-staging.okta.com' } } }));
    const err = await expectRefused(freshConfig(), '--from', other);
    expect(err).toBe(
      `okta-sso adopt: --from ${other} is the Okta org "acme-staging.okta.com", not environment "prod"'s "acme.okta.com" (its okta.orgName and okta.baseUrl): ` +
        `its app IDs would be written into prod's config; accepted: responses saved from acme.okta.com (its custom domain too), or --env of the environment that org is\n`,
    );
  });

  test('--from responses that do not save the identity: the org they were recorded from (index.json org_url) is enough; else a note', async () => {
    const recorded = copyOrg(ORG, (dir) => fs.rmSync(path.join(dir, '.well-known'), { recursive: true }));
    const same = await adopt(freshConfig(), '--from', recorded);
    expect({ code: same.code, err: same.err }).toEqual({ code: 0, err: '' });
    const unknown = copyOrg(recorded, (dir) => {
      const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
      delete index.org_url;
      writeJson(dir, 'index.json', index);
    });
    const unsure = await adopt(freshConfig(), '--from', unknown);
    expect(unsure.code).toBe(0);
    expect(unsure.err).toContain(`okta-sso adopt: note: could not confirm that ${unknown} is acme.okta.com (no organization at /.well-known/okta-organization); check --from`);

    // Recorded from another org: refused as its identity would be, nothing written.
    const other = copyOrg(recorded, (dir) => {
      const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
      writeJson(dir, 'index.json', { ...index, org_url: 'https://globex.okta.com' });
    });
    const config = freshConfig();
    const before = snapshot(config);
    const refused = await adopt(config, '--from', other, '--write');
    expect(refused.code).toBe(ADOPT_FAILED_EXIT);
    expect(refused.err).toContain(`--from ${other} is the Okta org "globex.okta.com", not environment "prod"'s "acme.okta.com"`);
    expect(snapshot(config)).toEqual(before);
  });

  test("--org-url of another Okta org than the environment's: refused, naming both, nothing written", async () => {
    process.env.OKTA_API_TOKEN = TOKEN;
    const other = copyOrg(ORG, (dir) => writeJson(dir, '.well-known/okta-organization.json', { id: '00ostaging', _links: { organization: { href: 'https://acme-staging.okta.com' } } }));
    const okta = await fakeOkta(other);
    const err = await expectRefused(freshConfig(), '--org-url', okta.url);
    // Asked first: nothing else of the org is read.
    expect(okta.requests.map((r) => r.path)).toEqual([ORG_IDENTITY_PATH]);
    expect(err).toBe(
      `okta-sso adopt: --org-url ${okta.url} is the Okta org "acme-staging.okta.com", not environment "prod"'s "acme.okta.com" (its okta.orgName and okta.baseUrl): ` +
        `its app IDs would be written into prod's config; accepted: an org URL of acme.okta.com (its custom domain too), or --env of the environment that org is\n`,
    );
    expectOnlyReads(okta);
  });

  test('--org-url of another org with no credentials set: the wrong org is said, not the missing credentials', async () => {
    const other = copyOrg(ORG, (dir) => writeJson(dir, '.well-known/okta-organization.json', { id: '00ostaging', _links: { organization: { href: 'https://acme-staging.okta.com' } } }));
    const okta = await fakeOkta(other);
    const err = await expectRefused(freshConfig(), '--org-url', okta.url);
    expect(err).toContain(`--org-url ${okta.url} is the Okta org "acme-staging.okta.com", not environment "prod"'s "acme.okta.com"`);
    expect(err).not.toContain('credentials');
  });

  test("--org-url of the environment's own org (the saved org is acme.okta.com): adopted, its identity asked once", async () => {
    process.env.OKTA_API_TOKEN = TOKEN;
    const okta = await fakeOkta();
    const { code, err } = await adopt(freshConfig(), '--org-url', okta.url);
    expect(err).not.toContain('could not confirm');
    expect(code).toBe(0);
    expect(okta.requests.filter((r) => r.path === ORG_IDENTITY_PATH)).toHaveLength(1);
  });

  test('an org that does not say its identity: adopted, with a note that it was not confirmed', async () => {
    process.env.OKTA_API_TOKEN = TOKEN;
    const okta = await fakeOkta(copyOrg(ORG, (dir) => fs.rmSync(path.join(dir, '.well-known'), { recursive: true })));
    const { code, err } = await adopt(freshConfig(), '--org-url', okta.url);
    expect(code).toBe(0);
    expect(err).toContain(`okta-sso adopt: note: could not confirm that ${okta.url} is acme.okta.com (no organization at /.well-known/okta-organization); check --org-url`);
  });

  test('an identity answer that says JSON but is not: adopted, with the note', async () => {
    process.env.OKTA_API_TOKEN = TOKEN;
    const okta = await fakeOkta(copyOrg(ORG, (dir) => fs.writeFileSync(path.join(dir, '.well-known', 'okta-organization.json'), '<html>maintenance</html>')));
    const { code, err } = await adopt(freshConfig(), '--org-url', okta.url);
    expect(code).toBe(0);
    expect(err).toContain(`okta-sso adopt: note: could not confirm that ${okta.url} is acme.okta.com`);
  });

  test('the same over HTTP: names the request, and only read', async () => {
    process.env.OKTA_API_TOKEN = TOKEN;
    const okta = await fakeOkta(copyOrg(ORG, (dir) => writeJson(dir, 'pages/apps-1.json', { apps: [] })));
    const err = await expectRefused(freshConfig(), '--org-url', okta.url);
    expect(err).toContain(`listing the org's apps: GET /api/v1/apps?limit=200 from ${okta.url} did not return a list, which is not Okta's shape`);
    expectOnlyReads(okta);
  });

  test('an app without id: says which app of the list and the field', async () => {
    const org = copyOrg(ORG, (dir) => {
      const apps = JSON.parse(fs.readFileSync(path.join(dir, 'pages', 'apps-1.json'), 'utf8'));
      delete apps[2].id;
      writeJson(dir, 'pages/apps-1.json', apps);
    });
    const err = await expectRefused(freshConfig(), '--from', org);
    expect(err).toContain(`app 3 of the list from ${org} has no id, which is not Okta's shape (an app object as GET /api/v1/apps returns it)`);
  });

  test('a group assignment without id: names the app', async () => {
    const org = copyOrg(ORG, (dir) => {
      const assignments = JSON.parse(fs.readFileSync(path.join(dir, 'apps', WIKI, 'groups.json'), 'utf8'));
      delete assignments[0].id;
      writeJson(dir, `apps/${WIKI}/groups.json`, assignments);
    });
    const err = await expectRefused(freshConfig(), '--from', org, '--app', WIKI);
    expect(err).toContain(`a group assignment of "Acme Wiki" (${WIKI}) from ${org} has no id, which is not Okta's shape`);
  });

  test('a saved file that is not JSON: names the file', async () => {
    const org = copyOrg(ORG, (dir) => fs.writeFileSync(path.join(dir, 'apps', `${WIKI}.json`), '{"id": "0oarX3huH7Jn0OwNs1d7",'));
    const err = await expectRefused(freshConfig(), '--from', org, '--app', WIKI);
    expect(err).toContain(`${path.join(org, 'apps', `${WIKI}.json`)} is not a saved Okta API response; accepted: JSON as the Okta API returns it`);
  });

  test('an index.json that is not the saved-org index: names it and the accepted shape', async () => {
    const org = copyOrg(ORG, (dir) => writeJson(dir, 'index.json', { responses: [{ url: '/api/v1/apps?limit=200', status: '200' }] }));
    const err = await expectRefused(freshConfig(), '--from', org);
    expect(err).toContain(`${path.join(org, 'index.json responses.0')} is not a saved Okta API response; accepted: { url, status, headers, body: <file> }`);
  });

  // A symlink out of the saved org is not followed, whether index.json names the file or its path is the request's.
  test.each([
    ['a page that index.json names', 'pages/apps-1.json', []],
    ['an app file found by its path', `apps/${WIKI}.json`, ['--app', WIKI]],
  ])('a symlink to a file outside the saved org (%s) is not read, and the message says outside', async (_what, rel, args) => {
    const outside = path.join(tempDir('outside-'), 'response.json');
    fs.copyFileSync(path.join(ORG, rel), outside);
    const org = copyOrg(ORG, (dir) => {
      fs.rmSync(path.join(dir, rel));
      fs.symlinkSync(outside, path.join(dir, rel));
    });
    const err = await expectRefused(freshConfig(), '--from', org, ...args);
    expect(err).toContain(`${org}: ${JSON.stringify(rel)} is outside the saved org; accepted: files inside ${org}`);
  });
});

describe('adopt: what a live app holds is never shown as is', () => {
  /** The saved org with the wiki app labelled `label`, in the app list and the app alike. */
  const labelled = (label: string) =>
    copyOrg(ORG, (dir) => {
      for (const file of ['pages/apps-1.json', `apps/${WIKI}.json`]) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        fs.writeFileSync(path.join(dir, file), text.split('"Acme Wiki"').join(JSON.stringify(label)));
      }
    });

  test('a label holding a token: the message says the label looks like one, and never quotes it', async () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const err = await expectRefused(freshConfig(), '--from', labelled(`Wiki ${token}`), '--app', WIKI);
    expect(err).toContain(`cannot adopt "Wiki (secret not shown)" (${WIKI})`);
    expect(err).toContain('label: looks like a GitHub token (value not shown)');
    expect(err).not.toContain('ghp_abcdef');
  });

  test('a label holding a zero-width space: the character is named by its code point, never printed', async () => {
    const err = await expectRefused(freshConfig(), '--from', labelled('Wiki\u200b'), '--app', WIKI);
    expect(err).toContain(`"Wiki\\u200b" (${WIKI})`);
    expect(err).not.toContain('\u200b');
  });

  test('an org URL with a user name and password: refused without quoting them', async () => {
    const err = await expectRefused(freshConfig(), '--org-url', 'https://admin:hunter2hunter2@acme.okta.com');
    expect(err).toContain('org URL has a user name or password; accepted: the org\'s address alone, here https://acme.okta.com');
    expect(err).not.toContain('hunter2');
  });
});

describe('a secret on the command line or in the live org is never printed', () => {
  const GH = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
  const OKTA = '00' + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdE';

  test('an Okta API token given as --app, or a token as --env', async () => {
    const app = await adopt(freshConfig(), '--from', ORG, '--app', OKTA);
    expect(app.code).not.toBe(0);
    expect(app.err).toContain('(secret not shown)');
    expect(app.err + app.out).not.toContain(OKTA);
    const env = await runCliCaptured(['adopt', '--env', GH, '--config', freshConfig(), '--from', ORG]);
    expect(env.err + env.out).not.toContain(GH);
  });

  test("an app whose label holds a token: the label's token hidden wherever adopt prints it", async () => {
    const org = copyOrg(ORG, (dir) => {
      for (const file of fs.readdirSync(path.join(dir, 'pages'))) {
        const page = path.join(dir, 'pages', file);
        fs.writeFileSync(page, fs.readFileSync(page, 'utf8').split('"label":"Aiven"').join(`"label":"Aiven ${GH}"`).split('"label": "Aiven"').join(`"label": "Aiven ${GH}"`));
      }
      const app = path.join(dir, 'apps', `${AIVEN}.json`);
      fs.writeFileSync(app, fs.readFileSync(app, 'utf8').split('"label":"Aiven"').join(`"label":"Aiven ${GH}"`).split('"label": "Aiven"').join(`"label": "Aiven ${GH}"`));
    });
    const r = await adopt(freshConfig(), '--from', org);
    expect(r.err + r.out).toContain('Aiven (secret not shown)');
    expect(r.err + r.out).not.toContain(GH);
  });
});
