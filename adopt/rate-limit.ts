/**
 * Keeps adopt's reads within a share of Okta's rate limits, the way the okta/okta provider's
 * `max_api_capacity` keeps a plan within them (okta/internal/apimutex, v6.12.0): every answer
 * says, in `X-Rate-Limit-Limit`, `-Remaining` and `-Reset`, how much of its bucket's one-minute
 * window is used; a request whose last answer showed more than the capacity used waits for the
 * window to reset. Adopt then shares the org's limits with the admins and integrations that
 * use them at the same time, instead of taking a bucket to its end and waiting out 429s.
 */

/** One kind of request's last known window. */
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

/** `GET /api/v1/apps/0oa.../groups?limit=200` -> `/api/v1/apps/{id}/groups`: the kind of request whose window an answer reports. */
export function requestClass(pathAndQuery: string): string {
  return pathAndQuery.split('?')[0].replace(OKTA_ID, '/{id}');
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
    const kind = requestClass(pathAndQuery);
    const w = this.windows.get(kind);
    const nowMs = this.now();
    // No answer yet, or its window is over: Okta's windows are one minute, so a reset past is a new window.
    if (!w || w.reset * 1000 <= nowMs) return undefined;
    const used = (100 * (w.limit - w.remaining)) / w.limit;
    if (used <= this.capacity) return undefined;
    return {
      waitMs: w.reset * 1000 - nowMs + 250,
      why: `${Math.round(used)}% of the rate limit used (${w.remaining} of ${w.limit} left), above maxApiCapacity ${this.capacity}%`,
    };
  }

  /** Records the window an answer reports; answers without the three headers (or with nonsense in them) change nothing. */
  public after(pathAndQuery: string, headers: Readonly<Record<string, string>>): void {
    const limit = Number(headers['x-rate-limit-limit']);
    const remaining = Number(headers['x-rate-limit-remaining']);
    const reset = Number(headers['x-rate-limit-reset']);
    if (!Number.isInteger(limit) || limit <= 0 || !Number.isInteger(remaining) || remaining < 0 || !Number.isInteger(reset)) return;
    const kind = requestClass(pathAndQuery);
    const known = this.windows.get(kind);
    // An answer from an older window (requests overlap) says nothing about the current one.
    if (known && reset < known.reset) return;
    this.windows.set(kind, { limit, remaining: Math.min(remaining, limit), reset });
  }
}
