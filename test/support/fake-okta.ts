/**
 * A fake Okta org over HTTP, for tests of what reads the Okta Management API (`okta-sso adopt`).
 *
 * It serves a saved org (examples/adopt/saved-org) by the rules of the fake terraform provider's
 * reader (../shared/terraform-fake-providers/src/providers/okta_org.js), so the command under test
 * and `terraform plan` with FAKEPROV_OKTA_ORG see the same org. Differences, all on purpose: the
 * n-th request for a url gets the n-th index.json entry (a client sees the 429 itself, where the
 * provider's reader skips to the retry's answer), the saved org URL is rewritten to this server's
 * (except in /.well-known/okta-organization: the org's canonical URL, as through a custom domain), and requests are authenticated (SSWS token or an OAuth 2.0 client-credentials access token).
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { tempDir } from '../helpers';

export interface FakeOktaRequest {
  readonly method: string;
  /** Path with query, as sent. */
  readonly path: string;
  readonly authorization?: string;
  /** ms epoch */
  readonly at: number;
  /** The scope asked for, on token requests. */
  readonly scope?: string;
  /** The status answered. */
  readonly status?: number;
}

export interface FakeOkta {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly requests: FakeOktaRequest[];
  close(): Promise<void>;
}

export interface FakeOktaOptions {
  /** Require `Authorization: SSWS <token>` (or an access token from /oauth2/v1/token) on /api/v1. */
  readonly token?: string;
  /** Serve POST /oauth2/v1/token for this service app (private_key_jwt client authentication). */
  readonly oauth?: { readonly clientId: string; readonly publicKeyPem: string };
  /**
   * Rate-limit every /api/v1 GET as Okta does, with windows of two to three seconds instead of a minute: each kind of request
   * (its path with IDs as {id}) may be sent `limit` times per window; every answer carries X-Rate-Limit-Limit, -Remaining
   * and -Reset, and a request over the limit is answered 429.
   */
  readonly rateLimit?: number;
}

type Headers = Record<string, string | string[]>;
type RequestRecord = { -readonly [K in keyof FakeOktaRequest]: FakeOktaRequest[K] };
interface IndexEntry { method?: string; url: string; status: number; headers?: Headers; body?: string; auth?: boolean }
interface Answer { status: number; headers: Headers; body: string }

const JSON_TYPE = 'application/json';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export async function startFakeOkta(orgDir: string, options: FakeOktaOptions = {}): Promise<FakeOkta> {
  const index = readIndex(orgDir);
  const requests: FakeOktaRequest[] = [];
  const served = new Map<string, number>();
  const accessTokens = new Set<string>();
  const authRequired = options.token !== undefined || options.oauth !== undefined;
  let url = '';

  const windows = new Map<string, { reset: number; used: number }>();
  const limited = (reqUrl: string, answer: () => Answer): Answer => {
    const limit = options.rateLimit;
    if (limit === undefined) return answer();
    const kind = reqUrl.split('?')[0].replace(/\/[A-Za-z0-9]{20}(?=\/|$)/g, '/{id}');
    const now = Date.now();
    let w = windows.get(kind);
    // A window lasts at least two seconds: requests sent together land in one, even on a busy machine.
    if (!w || w.reset * 1000 <= now) windows.set(kind, (w = { reset: Math.floor(now / 1000) + 3, used: 0 }));
    w.used++;
    const headers = { 'X-Rate-Limit-Limit': String(limit), 'X-Rate-Limit-Remaining': String(Math.max(0, limit - w.used)), 'X-Rate-Limit-Reset': String(w.reset) };
    if (w.used > limit) return { status: 429, headers: { ...headers, 'Content-Type': JSON_TYPE }, body: oktaError('E0000047', 'API call exceeded rate limit due to too many requests.') };
    const a = answer();
    return { ...a, headers: { ...a.headers, ...headers } };
  };

  const api = (reqUrl: string): Answer => {
    const entries = index.entries.filter((e) => (e.method ?? 'GET') === 'GET' && e.url === reqUrl && !e.auth);
    if (entries.length) {
      // the n-th request gets the n-th recorded answer (429 first, then the retry's 200), later ones the last
      const n = served.get(reqUrl) ?? 0;
      served.set(reqUrl, n + 1);
      const e = entries[Math.min(n, entries.length - 1)];
      const headers = { ...(e.headers ?? {}) };
      // the saved reset is long past: Okta's is the next window, so a client that honours it waits about a second
      if (e.status === 429) headers['X-Rate-Limit-Reset'] = String(Math.floor(Date.now() / 1000) + 1);
      return { status: e.status, headers, body: e.body ? fs.readFileSync(path.join(orgDir, e.body), 'utf8') : '' };
    }
    return fromFiles(orgDir, reqUrl);
  };

  const authorized = (authorization: string | undefined): boolean => {
    if (!authRequired) return true;
    if (options.token !== undefined && authorization === `SSWS ${options.token}`) return true;
    const bearer = /^Bearer (\S+)$/.exec(authorization ?? '');
    return !!bearer && accessTokens.has(bearer[1]);
  };

  const unauthorized = (): Answer => {
    const e = index.entries.find((r) => r.auth && r.status === 401);
    if (e?.body) return { status: 401, headers: { ...(e.headers ?? {}) }, body: fs.readFileSync(path.join(orgDir, e.body), 'utf8') };
    return { status: 401, headers: { 'Content-Type': JSON_TYPE }, body: oktaError('E0000011', 'Invalid token provided') };
  };

  const handle = (req: http.IncomingMessage, body: string, record: RequestRecord): Answer => {
    const reqUrl = req.url ?? '/';
    const pathname = reqUrl.split('?')[0];
    if (req.method === 'POST' && pathname === '/oauth2/v1/token') {
      const r = tokenRequest(req, body, options.oauth, `${url}/oauth2/v1/token`);
      if (r.scope !== undefined) record.scope = r.scope;
      if (r.accessToken) accessTokens.add(r.accessToken);
      return r.answer;
    }
    // the API is read-only here, as adopt's token should be: any write is answered 405 (and stays in `requests` for the tests to see)
    if (req.method !== 'GET') {
      return { status: 405, headers: { 'Content-Type': JSON_TYPE, Allow: 'GET' }, body: oktaError('E0000022', 'The endpoint does not support the provided HTTP method') };
    }
    if (pathname.startsWith('/api/v1/')) return authorized(req.headers.authorization) ? limited(reqUrl, () => api(reqUrl)) : unauthorized();
    if (pathname.startsWith('/.well-known/')) return api(reqUrl);
    return notFound(pathname);
  };

  const server = http.createServer((req, res) => {
    const record: RequestRecord = { method: req.method ?? '', path: req.url ?? '', at: Date.now() };
    if (req.headers.authorization !== undefined) record.authorization = req.headers.authorization;
    requests.push(record);
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      let a: Answer;
      try {
        a = handle(req, body, record);
      } catch (e) {
        a = { status: 500, headers: { 'Content-Type': JSON_TYPE }, body: oktaError('E0000009', `Internal Server Error: ${(e as Error).message}`) };
      }
      record.status = a.status;
      // Link next links and _links point at this server, not at the saved org; but the org's identity stays its own, as
      // Okta names its canonical URL there whatever address (a custom domain) it was asked at.
      const identity = (req.url ?? '').split('?')[0] === '/.well-known/okta-organization';
      const rewrite = (s: string) => (index.orgUrl && !identity ? s.split(index.orgUrl).join(url) : s);
      for (const [k, v] of Object.entries(a.headers)) res.setHeader(k, Array.isArray(v) ? v.map(rewrite) : rewrite(v));
      res.writeHead(a.status);
      res.end(rewrite(a.body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as import('net').AddressInfo).port}`;
  return {
    url,
    requests,
    // idempotent, so an afterEach can close whatever the last test started
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function readIndex(orgDir: string): { orgUrl?: string; entries: IndexEntry[] } {
  const f = path.join(orgDir, 'index.json');
  if (!fs.existsSync(f)) return { entries: [] };
  const j = JSON.parse(fs.readFileSync(f, 'utf8'));
  return Array.isArray(j) ? { entries: j } : { orgUrl: j.org_url, entries: j.responses ?? [] };
}

/** okta_org.js's file convention: /api/v1/<path> -> <path>.json or .xml; /api/v1/groups?q= filtered like Okta (name starts with q). */
function fromFiles(orgDir: string, reqUrl: string): Answer {
  const [p, q] = reqUrl.split('?');
  let rel: string;
  try {
    rel = decodeURIComponent(p).replace(/^\/api\/v1\//, '').replace(/^\//, '');
  } catch {
    return notFound(p);
  }
  if (rel.includes('..') || p.includes('..')) return notFound(p);
  const query = new URLSearchParams(q ?? '');
  if (rel === 'groups') {
    const f = path.join(orgDir, 'groups.json');
    let groups: Array<{ type?: string; profile?: { name?: unknown } }> = fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : [];
    const qq = query.get('q');
    if (qq) groups = groups.filter((g) => typeof g.profile?.name === 'string' && g.profile.name.toLowerCase().startsWith(qq.toLowerCase()));
    const type = /^type eq "([^"]+)"$/.exec(query.get('filter') ?? '');
    if (type) groups = groups.filter((g) => g.type === type[1]);
    return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: JSON.stringify(groups) };
  }
  for (const [ext, type] of [['.json', JSON_TYPE], ['.xml', 'application/xml']]) {
    const f = path.join(orgDir, rel + ext);
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return { status: 200, headers: { 'Content-Type': type }, body: fs.readFileSync(f, 'utf8') };
  }
  return notFound(p);
}

function notFound(p: string): Answer {
  const kind = /\/apps\//.test(p) ? 'AppInstance' : /\/groups\//.test(p) ? 'UserGroup' : 'Resource';
  return { status: 404, headers: { 'Content-Type': JSON_TYPE }, body: oktaError('E0000007', `Not found: Resource not found: ${p.split('/').pop()} (${kind})`) };
}

function oktaError(code: string, summary: string): string {
  return JSON.stringify({ errorCode: code, errorSummary: summary, errorLink: code, errorId: `oae${crypto.randomBytes(16).toString('base64url').slice(0, 22)}`, errorCauses: [] });
}

/** POST /oauth2/v1/token, client_credentials with a private_key_jwt client assertion, checked as Okta's org authorization server does. */
function tokenRequest(req: http.IncomingMessage, body: string, oauth: FakeOktaOptions['oauth'], tokenUrl: string): { answer: Answer; scope?: string; accessToken?: string } {
  const form = new URLSearchParams(body);
  const scope = form.get('scope') || undefined;
  const reply = (status: number, json: object) => ({ status, headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' }, body: JSON.stringify(json) });
  const fail = (status: number, error: string, description: string) => ({ answer: reply(status, { error, error_description: description }), scope });
  const badClient = 'Client authentication failed. Either the client or the client credentials are invalid.';
  const formType = /^application\/x-www-form-urlencoded\b/.test(req.headers['content-type'] ?? '');
  if (!formType) return fail(400, 'invalid_request', 'The request must be application/x-www-form-urlencoded.');
  if (!oauth) return fail(401, 'invalid_client', badClient);
  if (form.get('grant_type') !== 'client_credentials') {
    return fail(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].');
  }
  const assertion = form.get('client_assertion');
  if (form.get('client_assertion_type') !== ASSERTION_TYPE || !assertion) return fail(401, 'invalid_client', badClient);
  const problem = assertionProblem(assertion, oauth, tokenUrl);
  if (problem) return fail(401, 'invalid_client', problem);
  if (!scope) return fail(400, 'invalid_scope', "The authorization server resource does not have any configured default scopes, 'scope' must be provided.");
  const accessToken = crypto.randomBytes(32).toString('base64url');
  return { answer: reply(200, { token_type: 'Bearer', expires_in: 3600, access_token: accessToken, scope }), scope, accessToken };
}

/** Why the client assertion JWT is refused, or undefined: RS256 signature by the registered key, iss = sub = client id, aud = token url, exp within the hour ahead. */
function assertionProblem(jwt: string, oauth: NonNullable<FakeOktaOptions['oauth']>, tokenUrl: string): string | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return 'The client_assertion is not a well-formed JWT.';
  let header: { alg?: string };
  let claims: { iss?: unknown; sub?: unknown; aud?: unknown; exp?: unknown };
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return 'The client_assertion is not a well-formed JWT.';
  }
  if (header.alg !== 'RS256') return `The client_assertion token has an unsupported algorithm: ${header.alg}.`;
  if (!crypto.verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), oauth.publicKeyPem, Buffer.from(parts[2], 'base64url'))) return 'The client_assertion signature is invalid.';
  if (claims.iss !== oauth.clientId || claims.sub !== oauth.clientId) return 'The client_assertion token has an invalid issuer or subject: both must be the client_id.';
  if (claims.aud !== tokenUrl) return 'The audience [aud] claim for client_assertion must be the endpoint invoked for the request.';
  const now = Date.now() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= now) return 'The client_assertion token is expired.';
  if (claims.exp > now + 3600) return 'The client_assertion token has an expiration too far in the future.';
  return undefined;
}

/** Copies a saved org into a fresh temp dir, for a test that needs a variant of it (`edit` changes the copy). */
export function copyOrg(orgDir: string, edit?: (dir: string) => void): string {
  const dir = tempDir('okta-org-');
  fs.cpSync(orgDir, dir, { recursive: true });
  if (edit) edit(dir);
  return dir;
}

/** Writes `value` as JSON at `rel` under `dir`, creating folders. */
export function writeJson(dir: string, rel: string, value: unknown): void {
  const f = path.join(dir, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, JSON.stringify(value, null, 2) + '\n');
}

/** Where an Okta org names itself, publicly (adopt asks it first when given --org-url, without credentials). */
export const ORG_IDENTITY_PATH = '/.well-known/okta-organization';

/** The requests to Okta's API, without the public identity request. */
export function apiRequests(okta: FakeOkta): FakeOktaRequest[] {
  return okta.requests.filter((r) => r.path !== ORG_IDENTITY_PATH);
}
