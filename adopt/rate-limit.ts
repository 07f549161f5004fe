/**
 * Keeps adopt's reads within a share of Okta's rate limits, the way the okta/okta provider's
 * `max_api_capacity` keeps a plan within them (okta/internal/apimutex, v6.12.0): every answer
 * says, in `X-Rate-Limit-Limit`, `-Remaining` and `-Reset`, how much of its bucket's one-minute
 * window is used; a request whose bucket's last answer showed more than the capacity used waits
 * for the window to reset. Adopt then shares the org's limits with the admins and integrations that
 * use them at the same time, instead of taking a bucket to its end and waiting out 429s.
 */

/** One bucket's last known window. */
interface Window {
  readonly limit: number;
  readonly remaining: number;
  /** Epoch seconds. */
  readonly reset: number;
}

/** How long to wait before a request, and why (for the log line). */
export interface Throttle {
  readonly waitMs: number;
  readonly why: string;
}

/** An Okta object ID (20 letters or digits) in a path: requests that differ only by ID share a bucket. */
const OKTA_ID = /\/[A-Za-z0-9]{20}(?=\/|$)/g;

/** Okta's windows are one minute: no throttle waits longer, whatever this machine's clock says of the reset. */
const WINDOW_MS = 60_000;

/**
 * The rate-limit bucket a GET counts against, as Okta's rate-limit table and the provider's (rate_limit_lines.go, v6.12.0)
 * group adopt's reads: `/api/v1/apps/{id}` has its own; the list and every other read under an app (group assignments, push
 * group mappings) share `/api/v1/apps`; group reads are `/api/v1/groups/{id}` and `/api/v1/groups`.
 */
export function bucketOf(pathAndQuery: string): string {
  const path = pathAndQuery.split('?')[0].replace(OKTA_ID, '/{id}');
  if (path === '/api/v1/apps/{id}') return path;
  return path.startsWith('/api/v1/apps/') ? '/api/v1/apps' : path;
}

export class RateLimitGovernor {
  private readonly windows = new Map<string, Window>();

  /**
   * @param capacity the percentage, 1 to 100, of each bucket adopt may use (the environment's `maxApiCapacity`);
   *   undefined is the provider's 100: only 429s are waited out.
   * @param now epoch milliseconds (tests pass a clock)
   */
  constructor(
    private readonly capacity: number | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether, and how long, to wait before sending `pathAndQuery`. */
  public before(pathAndQuery: string): Throttle | undefined {
    if (this.capacity === undefined || this.capacity >= 100) return undefined;
    const w = this.windows.get(bucketOf(pathAndQuery));
    const nowMs = this.now();
    // No answer yet, or its window is over: Okta's windows are one minute, so a reset past is a new window.
    if (!w || w.reset * 1000 <= nowMs) return undefined;
    const used = (100 * (w.limit - w.remaining)) / w.limit;
    if (used <= this.capacity) return undefined;
    return {
      waitMs: Math.min(w.reset * 1000 - nowMs, WINDOW_MS) + 250,
      why: `${Math.round(used)}% of the rate limit used (${w.remaining} of ${w.limit} left), above maxApiCapacity ${this.capacity}%`,
    };
  }

  /** Records the window an answer reports; answers without the three headers (or with nonsense in them) change nothing. */
  public after(pathAndQuery: string, headers: Readonly<Record<string, string>>): void {
    const limit = Number(headers['x-rate-limit-limit']);
    const remaining = Number(headers['x-rate-limit-remaining']);
    const reset = Number(headers['x-rate-limit-reset']);
    if (!Number.isInteger(limit) || limit <= 0 || !Number.isInteger(remaining) || remaining < 0 || !Number.isInteger(reset)) return;
    const bucket = bucketOf(pathAndQuery);
    const known = this.windows.get(bucket);
    // An answer from an older window (requests overlap) says nothing about the current one.
    if (known && reset < known.reset) return;
    this.windows.set(bucket, { limit, remaining: Math.min(remaining, limit), reset });
  }
}
