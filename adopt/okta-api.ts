import { showValue } from '../model/show-value';
import { cutText } from '../model/cut-text';

/**
 * Reading Okta's Management API for adoption: one interface, two sources (the
 * live org over HTTPS, or the same responses saved as files). Read-only by
 * construction: the only verb either source has is GET.
 */

/** An Okta API response: status, headers (lower-case names) and the parsed body. */
export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Where Okta's API responses come from. */
export interface OktaReader {
  /** For messages: the org URL or the saved-org directory. */
  readonly source: string;
  /** GET a path with its query, e.g. `/api/v1/apps?limit=200`; never throws for an HTTP status. */
  get(pathAndQuery: string): Promise<ApiResponse>;
}

/** A problem adoption cannot go on with: said to the user as is (never with a secret in it). */
export class AdoptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdoptError';
  }
}

/** The most pages adopt follows for one list (200 items each): far above any real org, a stop for a Link loop. */
const MAX_PAGES = 1000;

/** GET that fails with a clear message on anything but 2xx. */
export async function getOk(reader: OktaReader, pathAndQuery: string, what: string): Promise<ApiResponse> {
  return okOrThrow(reader, pathAndQuery, what, await reader.get(pathAndQuery));
}

/** `r`, the answer to GET `pathAndQuery`, when it is 2xx; else a clear message naming `what` was read. */
export function okOrThrow(reader: OktaReader, pathAndQuery: string, what: string, r: ApiResponse): ApiResponse {
  if (r.status >= 200 && r.status < 300) return r;
  throw new AdoptError(`${what}: ${describeStatus(r)} (GET ${pathAndQuery} from ${reader.source})`);
}

/** Every item of a paginated list, following `Link: <...>; rel="next"` until it is absent. */
export async function getAll(reader: OktaReader, pathAndQuery: string, what: string): Promise<unknown[]> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let next: string | undefined = pathAndQuery;
  for (let page = 0; next !== undefined; page++) {
    if (page >= MAX_PAGES || seen.has(next)) throw new AdoptError(`${what}: the list from ${reader.source} does not end (page ${page + 1}, ${next}); Okta's Link headers loop`);
    seen.add(next);
    const r = await getOk(reader, next, what);
    if (!Array.isArray(r.body)) throw new AdoptError(`${what}: GET ${next} from ${reader.source} did not return a list, which is not Okta's shape`);
    items.push(...r.body);
    next = nextLink(r.headers.link);
  }
  return items;
}

/** The path and query of the `rel="next"` link, if any (Okta's links are absolute URLs of the org). */
export function nextLink(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!m || !/\brel="?next"?/.test(m[2])) continue;
    const url = new URL(m[1], 'https://org.invalid');
    return url.pathname + url.search;
  }
  return undefined;
}

/** Okta's error as a user reads it: status, error code and summary (Okta's error bodies hold no secrets). */
export function describeStatus(r: ApiResponse): string {
  const body = r.body && typeof r.body === 'object' ? (r.body as Record<string, unknown>) : {};
  const code = typeof body.errorCode === 'string' ? ` ${body.errorCode}` : '';
  const summary = typeof body.errorSummary === 'string' ? ` ${showValue(body.errorSummary, 120)}` : '';
  return `Okta answered ${r.status}${code}${summary}`;
}

/** A string cut to a readable length for messages. */
export function cut(text: string, max = 120): string {
  return cutText(text, max);
}
