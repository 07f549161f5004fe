import { showValue } from '../model/show-value';
import { Credentials, credentialsFromEnv } from './credentials';
import { AdoptError, ApiResponse, OktaReader, cut } from './okta-api';
import { RateLimitGovernor } from './rate-limit';

/** A page of 200 apps is about a megabyte; anything this large is not an Okta response. */
const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;
/** 429s in a row for one request before adopt gives up. */
const MAX_RETRIES = 5;
/** The longest adopt waits out one rate limit (Okta's windows are one minute). */
const MAX_WAIT_MS = 5 * 60 * 1000;

export interface LiveOrgOptions {
  /** Per request. @default 30 s */
  readonly timeoutMs?: number;
  /** Where waiting for a rate limit is said. */
  readonly log?: (line: string) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The percentage, 1 to 100, of each Okta rate-limit bucket adopt may use before it waits for the bucket's window to
   * reset: the environment's `maxApiCapacity`, as the provider uses it on plans.
   * @default 100 (only 429s are waited out)
   */
  readonly maxApiCapacity?: number;
}

/**
 * The live org over HTTPS: GET requests only (the OAuth token request aside),
 * each with a timeout, waiting out 429s until `X-Rate-Limit-Reset`, never
 * following a redirect or a link to another host (the credentials go nowhere
 * but the org).
 */
export class LiveOrg implements OktaReader {
  public readonly source: string;
  // Read from the environment on the first authenticated call, so that the
  // public identity check of --org-url comes before any word about credentials.
  private readonly readCredentials: () => Credentials;
  private credentialsRead?: Credentials;
  private readonly timeoutMs: number;
  private readonly log: (line: string) => void;
  private readonly governor: RateLimitGovernor;

  constructor(orgUrl: string, options: LiveOrgOptions = {}) {
    this.source = checkOrgUrl(orgUrl);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.log = options.log ?? (() => {});
    this.governor = new RateLimitGovernor(options.maxApiCapacity);
    this.readCredentials = () => credentialsFromEnv(options.env ?? process.env, this.source, (url, form) => this.postForm(url, form));
  }

  private get credentials(): Credentials {
    this.credentialsRead ??= this.readCredentials();
    return this.credentialsRead;
  }

  public async get(pathAndQuery: string): Promise<ApiResponse> {
    for (let attempt = 0; ; attempt++) {
      await this.throttle(pathAndQuery);
      const authorization = await this.credentials.authorization();
      const r = await this.send(pathAndQuery, { method: 'GET', headers: { Accept: 'application/json', Authorization: authorization, 'User-Agent': 'okta-sso-adopt' } });
      if (r.status === 401) {
        throw new AdoptError(`Okta refused the credentials in ${this.credentials.kind} (401${errorCode(r)}): check the variable and that it belongs to ${this.source} (value not shown)`);
      }
      if (r.status === 403) {
        throw new AdoptError(`the credentials in ${this.credentials.kind} may not read ${pathAndQuery.split('?')[0]} (403${errorCode(r)}); adopt needs read access to apps and groups (okta.apps.read, okta.groups.read or a read-only admin)`);
      }
      this.governor.after(pathAndQuery, r.headers);
      if (r.status !== 429) return r;
      if (attempt >= MAX_RETRIES) throw new AdoptError(`Okta kept answering 429 (rate limit) for GET ${pathAndQuery} after ${MAX_RETRIES} waits; try again later`);
      const reset = Number(r.headers['x-rate-limit-reset']);
      const wait = Number.isFinite(reset) ? Math.max(0, reset * 1000 - Date.now()) + 250 : 1000 * 2 ** attempt;
      if (wait > MAX_WAIT_MS) throw new AdoptError(`Okta's rate limit for GET ${pathAndQuery} resets in ${Math.round(wait / 1000)} s, longer than adopt waits; try again later`);
      await this.wait(wait, `rate limited on GET ${pathAndQuery.split('?')[0]}`);
    }
  }

  /** GET of a public path (no credentials sent: it needs none), e.g. the org's `/.well-known/okta-organization`. */
  public async getPublic(pathAndQuery: string): Promise<ApiResponse> {
    return this.send(pathAndQuery, { method: 'GET', headers: { Accept: 'application/json', 'User-Agent': 'okta-sso-adopt' } }, { textIfNotJson: true });
  }

  /** Waits (a minute at most), when the last answer from this request's bucket showed more of it used than maxApiCapacity allows. */
  private async throttle(pathAndQuery: string): Promise<void> {
    const t = this.governor.before(pathAndQuery);
    if (!t) return;
    await this.wait(t.waitMs, `${t.why} on GET ${pathAndQuery.split('?')[0]}`);
  }

  /** Says why and how long, then waits. */
  private async wait(ms: number, why: string): Promise<void> {
    this.log(`${why}: waiting ${Math.ceil(ms / 1000)} s until X-Rate-Limit-Reset`);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  private async postForm(url: string, form: URLSearchParams): Promise<{ status: number; body: unknown }> {
    const path = new URL(url).pathname;
    const r = await this.send(path, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    return { status: r.status, body: r.body };
  }

  /** `textIfNotJson`: a body that claims JSON but is not is kept as text, for the caller to judge (not an error). */
  private async send(pathAndQuery: string, init: RequestInit, { textIfNotJson = false } = {}): Promise<ApiResponse> {
    const url = new URL(pathAndQuery, this.source);
    if (url.origin !== new URL(this.source).origin) throw new AdoptError(`Okta linked to ${cut(url.origin)}, outside ${this.source}; adopt sends credentials only to the org`);
    let response: Response;
    try {
      response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw new AdoptError(`cannot reach ${this.source} (${networkReason(err, this.timeoutMs)}) for ${init.method} ${url.pathname}; check --org-url or the environment's okta settings, and the network`);
    }
    const text = await readCapped(response, url.pathname);
    const headers: Record<string, string> = {};
    response.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
    let body: unknown = text;
    if ((headers['content-type'] ?? '').includes('json') || /^\s*[[{]/.test(text)) {
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        if (!textIfNotJson) throw new AdoptError(`${this.source} answered ${init.method} ${url.pathname} with a body that is not JSON; is --org-url an Okta org?`);
      }
    }
    return { status: response.status, headers, body };
  }
}

/** https only, except a local test org: the credentials must never cross a network in clear text. */
function checkOrgUrl(orgUrl: string): string {
  let url: URL;
  try {
    url = new URL(orgUrl);
  } catch {
    throw new AdoptError(`org URL ${showValue(orgUrl, 120)} is not a URL; accepted: https://<org>.okta.com`);
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new AdoptError(`org URL ${showValue(orgUrl, 120)} is not https; accepted: https://<org>.okta.com (http only for 127.0.0.1)`);
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search) {
    // Never quoted: a user name and password in it are credentials.
    const extra = url.username || url.password ? 'a user name or password' : url.search ? 'a query' : 'a path';
    throw new AdoptError(`org URL has ${extra}; accepted: the org's address alone, here ${url.origin}`);
  }
  return url.origin;
}

async function readCapped(response: Response, path: string): Promise<string> {
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > MAX_RESPONSE_BYTES) throw new AdoptError(`Okta's response to ${path} is ${length} bytes; accepted: up to ${MAX_RESPONSE_BYTES}`);
  const buffer = Buffer.from(await response.arrayBuffer());
  if (buffer.byteLength > MAX_RESPONSE_BYTES) throw new AdoptError(`Okta's response to ${path} is ${buffer.byteLength} bytes; accepted: up to ${MAX_RESPONSE_BYTES}`);
  return buffer.toString('utf8');
}

function networkReason(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  // Followed, a redirect could take the credentials to another host: never followed, and said as what it is.
  if (e?.cause?.message === 'unexpected redirect') return 'it answered with a redirect, which adopt does not follow';
  // The cause says why (ECONNREFUSED, ENOTFOUND, a certificate error, a port fetch refuses); fetch's own error only "fetch failed".
  return e?.cause?.code ?? (e?.cause?.message ? cut(e.cause.message, 120) : undefined) ?? e?.name ?? 'network error';
}

function errorCode(r: ApiResponse): string {
  const body = r.body as { errorCode?: unknown } | null;
  return body && typeof body.errorCode === 'string' ? ` ${body.errorCode}` : '';
}
