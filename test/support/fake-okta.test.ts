import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { copyOrg, FakeOkta, startFakeOkta, writeJson } from './fake-okta';

const ORG = path.join(__dirname, '..', '..', 'examples', 'adopt', 'saved-org');
const TOKEN = 'fake-ssws-token';
const AIVEN = '0oaFdrCWerdFtJ8ib1d7';
const WIKI = '0oarX3huH7Jn0OwNs1d7';
const ssws = { Authorization: `SSWS ${TOKEN}` };
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(ORG, rel), 'utf8'));
// any: response bodies are asserted field by field
const body = async (r: Response | Promise<Response>): Promise<any> => (await r).json();

let okta: FakeOkta;
afterEach(async () => okta?.close());

/** A GET with the raw path, untouched by URL normalisation (fetch and new URL() resolve `..` before sending). */
function rawGet(base: string, rawPath: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path: rawPath, headers: ssws }, (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0))).on('error', reject);
  });
}

describe('the fake Okta server', () => {
  test('pages /api/v1/apps with Link headers that point at itself', async () => {
    okta = await startFakeOkta(ORG, { token: TOKEN });
    const p1 = await fetch(`${okta.url}/api/v1/apps?limit=200`, { headers: ssws });
    expect(p1.status).toBe(200);
    // Okta sends self and next as two Link lines; fetch joins them
    expect(p1.headers.get('link')).toBe(`<${okta.url}/api/v1/apps?limit=200>; rel="self", <${okta.url}/api/v1/apps?after=${WIKI}&limit=200>; rel="next"`);
    const apps1 = await body(p1);
    expect(apps1.map((a: { signOnMode: string }) => a.signOnMode)).toEqual(['SAML_2_0', 'OPENID_CONNECT', 'SAML_2_0', 'SAML_2_0']);
    expect(apps1[0]._links.metadata.href).toBe(`${okta.url}/api/v1/apps/${AIVEN}/sso/saml/metadata`);
    expect(JSON.stringify(apps1)).not.toContain('https://acme.okta.com');

    const p2 = await fetch(`${okta.url}/api/v1/apps?after=${WIKI}&limit=200`, { headers: ssws });
    expect(p2.headers.get('link')).toBe(`<${okta.url}/api/v1/apps?after=${WIKI}&limit=200>; rel="self"`);
    expect((await body(p2)).map((a: { name: string }) => a.name)).toEqual(['bookmark']);
    // index.json's 401 for the same url is the FAKEPROV_OKTA_FAULT answer (auth: true), never served in turn
    expect((await fetch(`${okta.url}/api/v1/apps?limit=200`, { headers: ssws })).status).toBe(200);
  });

  test('answers 429 with a reset in the next second, then 200 on the retry and after', async () => {
    okta = await startFakeOkta(ORG, { token: TOKEN });
    const url = `${okta.url}/api/v1/apps/${AIVEN}/groups?limit=200`;
    const first = await fetch(url, { headers: ssws });
    expect(first.status).toBe(429);
    expect((await body(first)).errorCode).toBe('E0000047');
    const reset = Number(first.headers.get('x-rate-limit-reset'));
    const now = Date.now() / 1000;
    expect(reset).toBeGreaterThan(now);
    expect(reset).toBeLessThanOrEqual(now + 2);
    expect(first.headers.get('x-rate-limit-remaining')).toBe('0');
    for (let i = 0; i < 2; i++) {
      const again = await fetch(url, { headers: ssws });
      expect(again.status).toBe(200);
      expect((await body(again)).map((g: { id: string; priority: number }) => [g.id, g.priority])).toEqual([['00gB2wH41HlFCAbyE1d7', 0], ['00g52ioPpWyjdt1i01d7', 1]]);
    }
  });

  test('answers 401 E0000011 without the token, and only GETs: 405 for anything else, still recorded', async () => {
    okta = await startFakeOkta(ORG, { token: TOKEN });
    for (const headers of [{}, { Authorization: 'SSWS wrong' }, { Authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      const r = await fetch(`${okta.url}/api/v1/apps/${AIVEN}`, { headers });
      expect(r.status).toBe(401);
      expect((await body(r)).errorCode).toBe('E0000011');
    }
    expect((await fetch(`${okta.url}/api/v1/apps/${AIVEN}`, { headers: ssws })).status).toBe(200);
    expect((await fetch(`${okta.url}/.well-known/okta-organization`)).status).toBe(200); // public in Okta too
    const post = await fetch(`${okta.url}/api/v1/apps`, { method: 'POST', headers: { ...ssws, 'Content-Type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(405);
    expect(okta.requests.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/v1/apps');
    expect(okta.requests.find((r) => r.method === 'POST')?.authorization).toBe(`SSWS ${TOKEN}`);
  });

  test('serves files by path: SAML metadata with its location rewritten, 404 E0000007 for unknown ids and for ..', async () => {
    okta = await startFakeOkta(ORG);
    const md = await fetch(`${okta.url}/api/v1/apps/${AIVEN}/sso/saml/metadata?kid=oqlTElrzPc_Ym6XZMJtsEPD6bzPHqPfxBNhiK5OAnKa`);
    expect(md.headers.get('content-type')).toBe('application/xml');
    expect(await md.text()).toContain(`Location="${okta.url}/app/acmeinc_aiven_1/exkIvYu6rES1Do3tY1d7/sso/saml"`);
    const missing = await fetch(`${okta.url}/api/v1/apps/0oa00000000000000000`);
    expect(missing.status).toBe(404);
    expect((await body(missing)).errorCode).toBe('E0000007');
    expect(await rawGet(okta.url, '/api/v1/apps/../index')).toBe(404);
    expect(await rawGet(okta.url, '/api/v1/apps/%2e%2e/index')).toBe(404);
  });

  test('groups?q= matches names starting with q, ignoring case', async () => {
    okta = await startFakeOkta(ORG);
    const names = async (q: string) => (await body(fetch(`${okta.url}/api/v1/groups?q=${encodeURIComponent(q)}`))).map((g: { profile: { name: string } }) => g.profile.name);
    expect(await names('engineering')).toEqual(['Engineering', 'Engineering-Dev']);
    expect(await names('Wiki-A')).toEqual(['Wiki-Admins']);
    expect(await names('ineer')).toEqual([]);
  });

  describe('OAuth 2.0 client credentials with a private_key_jwt assertion', () => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const clientId = '0oaservice1234567890';
    const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
    const jwt = (claims: Record<string, unknown>, key = privateKey) => {
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const data = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}`;
      return `${data}.${crypto.sign('sha256', Buffer.from(data), key).toString('base64url')}`;
    };
    const tokenFor = (assertion: string, scope = 'okta.apps.read okta.groups.read') =>
      fetch(`${okta.url}/oauth2/v1/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope, client_assertion_type: JWT_BEARER, client_assertion: assertion }),
      });
    const claims = () => ({ iss: clientId, sub: clientId, aud: `${okta.url}/oauth2/v1/token`, exp: Math.floor(Date.now() / 1000) + 300, jti: crypto.randomUUID() });

    beforeEach(async () => {
      okta = await startFakeOkta(ORG, { token: TOKEN, oauth: { clientId, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() } });
    });

    test('issues a Bearer token that the API accepts, and records the scope', async () => {
      const r = await tokenFor(jwt(claims()));
      expect(r.status).toBe(200);
      const t = await body(r);
      expect(t).toEqual({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String), scope: 'okta.apps.read okta.groups.read' });
      expect((await fetch(`${okta.url}/api/v1/apps/${AIVEN}`, { headers: { Authorization: `Bearer ${t.access_token}` } })).status).toBe(200);
      expect((await fetch(`${okta.url}/api/v1/apps/${AIVEN}`, { headers: { Authorization: 'Bearer not-issued' } })).status).toBe(401);
      expect(okta.requests[0]).toMatchObject({ method: 'POST', path: '/oauth2/v1/token', scope: 'okta.apps.read okta.groups.read' });
    });

    test.each([
      ['signed by another key', () => jwt(claims(), other)],
      ['for another audience', () => jwt({ ...claims(), aud: 'https://acme.okta.com/oauth2/v1/token' })],
      ['from another client', () => jwt({ ...claims(), iss: '0oaother', sub: '0oaother' })],
      ['expired', () => jwt({ ...claims(), exp: Math.floor(Date.now() / 1000) - 5 })],
    ])('refuses an assertion %s with 401 invalid_client', async (_name, assertion) => {
      const r = await tokenFor(assertion());
      expect(r.status).toBe(401);
      expect(await body(r)).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    });

    test('refuses a request without scope with 400 invalid_scope', async () => {
      const r = await tokenFor(jwt(claims()), '');
      expect(r.status).toBe(400);
      expect((await body(r)).error).toBe('invalid_scope');
    });
  });

  test('copyOrg and writeJson make a variant without touching the saved org', async () => {
    const ops = { id: '00gNEWNEWNEWNEWNE1d7', type: 'OKTA_GROUP', profile: { name: 'Engineering-Ops' } };
    const dir = copyOrg(ORG, (d) => writeJson(d, 'groups.json', [...readJson('groups.json'), ops]));
    okta = await startFakeOkta(dir);
    expect((await body(fetch(`${okta.url}/api/v1/groups?q=Engineering`))).length).toBe(3);
    expect(readJson('groups.json').length).toBe(7);
  });
});

describe('the saved org (examples/adopt/saved-org)', () => {
  const pages = [...readJson('pages/apps-1.json'), ...readJson('pages/apps-2.json')];
  const groupIds = new Set(readJson('groups.json').map((g: { id: string }) => g.id));
  const saml = pages.filter((a) => a.signOnMode === 'SAML_2_0');

  test('every listed app is saved at apps/<id>.json with the same body and its own links', () => {
    expect(pages.map((a) => a.label)).toEqual(['Aiven', 'Acme Internal API', 'Snowflake', 'Acme Wiki', 'Acme Status Page']);
    for (const app of pages) {
      expect(app.id).toMatch(/^0oa[A-Za-z0-9]{17}$/);
      expect(readJson(`apps/${app.id}.json`)).toEqual(app);
      for (const href of JSON.stringify(app._links).match(/https?:\/\/[^"]+/g) ?? []) expect(href.startsWith('https://acme.okta.com/')).toBe(true);
      for (const l of ['groups', 'users', 'deactivate', 'uploadLogo']) expect(app._links[l].href).toContain(`/api/v1/apps/${app.id}/`);
    }
  });

  test('every group id in assignments and push mappings is in groups.json', () => {
    for (const app of saml) {
      const assigned = readJson(`apps/${app.id}/groups.json`).map((g: { id: string }) => g.id);
      const pushed = readJson(`apps/${app.id}/group-push/mappings.json`).map((m: { sourceGroupId: string }) => m.sourceGroupId);
      expect(assigned.length).toBeGreaterThan(0);
      for (const id of [...assigned, ...pushed]) expect(groupIds).toContain(id);
    }
    for (const m of readJson(`apps/${AIVEN}/group-push/mappings.json`)) expect(readJson(`apps/${AIVEN}/group-push/mappings/${m.id}.json`)).toEqual(m);
  });

  test('each SAML app has its signing key, and its metadata carries the same certificate', () => {
    for (const app of saml) {
      const [key] = readJson(`apps/${app.id}/credentials/keys.json`);
      expect(key.kid).toBe(app.credentials.signing.kid);
      const xml = fs.readFileSync(path.join(ORG, `apps/${app.id}/sso/saml/metadata.xml`), 'utf8');
      expect(/<ds:X509Certificate>([^<]+)</.exec(xml)?.[1].replace(/\s/g, '')).toBe(key.x5c[0]);
      expect(xml).toContain(`Location="https://acme.okta.com/app/${app.name}/`);
    }
  });

  test('every body named in index.json exists', () => {
    for (const e of readJson('index.json').responses) expect(fs.existsSync(path.join(ORG, e.body))).toBe(true);
  });
});
