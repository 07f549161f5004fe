/**
 * adopt keeps within the environment's maxApiCapacity of each Okta rate-limit bucket, as the provider does on plans:
 * the governor on its own (a clock passed in), LiveOrg against a server that reports its limits, and the CLI reading
 * the capacity from config.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LiveOrg } from '../../adopt/live-org';
import { RateLimitGovernor, bucketOf } from '../../adopt/rate-limit';
import { runCliCaptured, tempDir } from '../helpers';
import { FakeOkta, startFakeOkta } from '../support/fake-okta';

const ORG = path.join(__dirname, '..', '..', 'examples', 'adopt', 'saved-org');
const CONFIG = path.join(__dirname, '..', '..', 'examples', 'adopt', 'config');
const TOKEN = '00TESTtoken-abcdefghijklmnopqrstuvwxyz0123';
const APP = '0oaFdrCWerdFtJ8ib1d7';

const window = (limit: number, remaining: number, reset: number) => ({ 'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': String(remaining), 'x-rate-limit-reset': String(reset) });

describe('RateLimitGovernor', () => {
  const NOW = 1_700_000_000_000;
  const clock = () => NOW;
  const reset = NOW / 1000 + 30;

  test('each read counts against its Okta bucket: an app by ID its own, the rest under apps one, groups by ID and by name theirs', () => {
    expect(bucketOf(`/api/v1/apps/${APP}`)).toBe('/api/v1/apps/{id}');
    expect(bucketOf('/api/v1/apps?limit=200')).toBe('/api/v1/apps');
    expect(bucketOf(`/api/v1/apps/${APP}/groups?limit=200`)).toBe('/api/v1/apps');
    expect(bucketOf(`/api/v1/apps/${APP}/group-push/mappings?limit=200`)).toBe('/api/v1/apps');
    expect(bucketOf('/api/v1/groups/00gCjINHo9ER07jqd1d7')).toBe('/api/v1/groups/{id}');
    expect(bucketOf('/api/v1/groups?q=Engineering&limit=200')).toBe('/api/v1/groups');
  });

  test('waits when the last answer of the kind showed more used than the capacity, until the reset', () => {
    const g = new RateLimitGovernor(50, clock);
    g.after(`/api/v1/apps/${APP}/groups`, window(100, 50, reset));
    // 50% used: at the capacity, not above it
    expect(g.before('/api/v1/apps/0oaOther000000000001/groups')).toBeUndefined();
    g.after(`/api/v1/apps/${APP}/groups`, window(100, 49, reset));
    const t = g.before('/api/v1/apps/0oaOther000000000001/groups?limit=200');
    expect(t).toEqual({ waitMs: 30_250, why: '51% of the rate limit used (49 of 100 left), above maxApiCapacity 50%' });
    // the list shares the bucket; a group search has its own
    expect(g.before('/api/v1/apps?limit=200')).toBeDefined();
    expect(g.before('/api/v1/groups?q=x')).toBeUndefined();
  });

  test('a reset further away than a window (this clock behind Okta\'s) is waited a minute at most', () => {
    const g = new RateLimitGovernor(50, clock);
    g.after('/api/v1/apps', window(100, 0, NOW / 1000 + 600));
    expect(g.before('/api/v1/apps')?.waitMs).toBe(60_250);
  });

  test('a window whose reset has passed is over: no wait', () => {
    let now = NOW;
    const g = new RateLimitGovernor(10, () => now);
    g.after('/api/v1/apps', window(100, 0, reset));
    expect(g.before('/api/v1/apps')).toBeDefined();
    now = reset * 1000;
    expect(g.before('/api/v1/apps')).toBeUndefined();
  });

  test('without a capacity (the provider default, 100) only 429s are waited out', () => {
    for (const capacity of [undefined, 100]) {
      const g = new RateLimitGovernor(capacity, clock);
      g.after('/api/v1/apps', window(100, 0, reset));
      expect(g.before('/api/v1/apps')).toBeUndefined();
    }
  });

  test('answers without the headers, with nonsense in them, or from an older window change nothing', () => {
    const g = new RateLimitGovernor(50, clock);
    for (const headers of [{}, window(0, 0, reset), { ...window(100, 0, reset), 'x-rate-limit-remaining': 'lots' }, { ...window(100, 0, reset), 'x-rate-limit-reset': 'soon' }]) {
      g.after('/api/v1/apps', headers);
    }
    expect(g.before('/api/v1/apps')).toBeUndefined();
    g.after('/api/v1/apps', window(100, 90, reset));
    // an answer of a window before the known one (still ahead of the clock): ignored
    g.after('/api/v1/apps', window(100, 0, reset - 10));
    expect(g.before('/api/v1/apps')).toBeUndefined();
  });
});

describe('adopt over HTTP with a rate-limited org (2 requests of a kind per window of two to three seconds)', () => {
  let okta: FakeOkta | undefined;
  afterEach(async () => {
    await okta?.close();
    okta = undefined;
  });

  test('LiveOrg with maxApiCapacity 50 waits for the window instead of taking it to a 429, and says why', async () => {
    okta = await startFakeOkta(ORG, { token: TOKEN, rateLimit: 2 });
    const lines: string[] = [];
    const org = new LiveOrg(okta.url, { env: { OKTA_API_TOKEN: TOKEN }, maxApiCapacity: 50, log: (l) => lines.push(l) });
    for (let i = 0; i < 3; i++) expect((await org.get(`/api/v1/apps/${APP}`)).status).toBe(200);
    expect(okta.requests.map((r) => r.status)).toEqual([200, 200, 200]);
    // the second answer showed 2 of 2 used: the third request waited for the next window
    const [, second, third] = okta.requests;
    expect(Math.floor(third.at / 1000)).toBeGreaterThan(Math.floor(second.at / 1000));
    expect(lines).toEqual([expect.stringMatching(/^100% of the rate limit used \(0 of 2 left\), above maxApiCapacity 50% on GET \/api\/v1\/apps\/0oaFdrCWerdFtJ8ib1d7: waiting \d s until X-Rate-Limit-Reset$/)]);
  }, 20_000);

  test('LiveOrg without a capacity takes the bucket to its 429 and waits that out', async () => {
    okta = await startFakeOkta(ORG, { token: TOKEN, rateLimit: 2 });
    const lines: string[] = [];
    const org = new LiveOrg(okta.url, { env: { OKTA_API_TOKEN: TOKEN }, log: (l) => lines.push(l) });
    for (let i = 0; i < 3; i++) expect((await org.get(`/api/v1/apps/${APP}`)).status).toBe(200);
    expect(okta.requests.map((r) => r.status)).toEqual([200, 200, 429, 200]);
    expect(lines).toEqual([expect.stringMatching(/^rate limited on GET \/api\/v1\/apps\/0oaFdrCWerdFtJ8ib1d7: waiting \d s until X-Rate-Limit-Reset$/)]);
  }, 20_000);

  test('okta-sso adopt takes maxApiCapacity from the environment: the whole org is read without taking a bucket to its 429, and the result is the same', async () => {
    okta = await startFakeOkta(ORG, { token: TOKEN, rateLimit: 2 });
    const saved = process.env.OKTA_API_TOKEN;
    process.env.OKTA_API_TOKEN = TOKEN;
    try {
      const config = tempDir('adopt-capacity-');
      fs.cpSync(CONFIG, config, { recursive: true });
      const file = path.join(config, 'okta-sso.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('okta: { orgName: acme, baseUrl: okta.com }', 'okta: { orgName: acme, baseUrl: okta.com, maxApiCapacity: 50 }'));
      const throttled = await runCliCaptured(['adopt', '--env', 'prod', '--config', config, '--org-url', okta.url]);
      expect(throttled.code).toBe(0);
      expect(throttled.err).toMatch(/above maxApiCapacity 50% on GET \/api\/v1\//);
      // the one 429 is the saved org's own (its index answers Aiven's group assignments with one first): none from the limit
      expect(okta.requests.filter((r) => r.status === 429).map((r) => r.path)).toEqual([`/api/v1/apps/${APP}/groups?limit=200`]);
      expect(throttled.err.match(/rate limited on/g)).toHaveLength(1);
      expect(okta.requests.length).toBeGreaterThan(6);

      // the same org from saved answers: what adopt proposes does not depend on how fast it read
      const fromFiles = await runCliCaptured(['adopt', '--env', 'prod', '--config', config, '--from', ORG]);
      expect(throttled.out.split(okta.url).join(ORG)).toBe(fromFiles.out);
    } finally {
      if (saved === undefined) delete process.env.OKTA_API_TOKEN;
      else process.env.OKTA_API_TOKEN = saved;
    }
  }, 60_000);
});
