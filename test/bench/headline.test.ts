import { Measured, SizeResult, headline } from '../../bench/headline';
import { Summary, summarize } from '../../bench/stats';
import { targetChecks, verdict } from '../../bench/targets';

/** A measure whose medians are the given values (wall s, peak RSS MB, CPU s), from three runs around them. */
function m(wall: number, rss: number, cpu = wall): Measured {
  const around = (x: number): Summary => summarize([x * 0.9, x, x * 1.2]);
  return { wall: around(wall), rss: around(rss), cpu: around(cpu) };
}

/** One size's results with distinct medians, so that each ratio can only come from the right pair. */
function sized(size: number, scale: number, options: { review?: boolean } = {}): SizeResult {
  return {
    size,
    synth: m(13 * scale, 170 * scale, 19 * scale),
    bare: m(10 * scale, 200 * scale, 20 * scale),
    review: options.review === false ? undefined : m(3 * scale, 90 * scale),
    reviewFloor: options.review === false ? undefined : m(2 * scale, 80 * scale),
    validate: m(7 * scale, 70 * scale),
    validateFloor: m(5 * scale, 60 * scale),
    resources: 8 * size,
    oktaApiCalls: 11 * size + 1,
  };
}

const example = summarize([0.5, 0.6, 0.7]);
const machine = { nproc: 2, cpu: 'test CPU', node: 'v20.0.0' };
const keysOf = (h: Record<string, unknown>, pattern: RegExp) => Object.keys(h).filter((k) => pattern.test(k)).sort();

const THOUSAND_KEYS = [
  'ratio_vs_bare_1000',
  'rss_ratio_vs_bare_1000',
  'cpu_ratio_vs_bare_1000',
  'synth_1000x3_s',
  'peak_rss_mb_1000x3',
  'bare_1000x3_s',
  'bare_peak_rss_mb_1000x3',
  'review_1000x3_s',
  'validate_1000x3_s',
  'example_org_synth_s',
];

describe('the headline JSON', () => {
  test('small sizes: the 1,000 keys stay, as null; floor ratios and API calls for each size run; no 10,000 or growth keys', () => {
    const h = headline([sized(10, 0.1), sized(100, 0.3)], example, machine);
    for (const k of THOUSAND_KEYS.slice(0, -1)) expect({ k, v: h[k] }).toEqual({ k, v: null });
    expect(h.example_org_synth_s).toBe(0.6);
    expect(keysOf(h, /_10000|growth/)).toEqual([]);
    expect(keysOf(h, /floor_ratio|api_calls/)).toEqual([
      'okta_api_calls_per_plan_10',
      'okta_api_calls_per_plan_100',
      'review_floor_ratio_10',
      'review_floor_ratio_100',
      'validate_floor_ratio_10',
      'validate_floor_ratio_100',
    ]);
    expect(h.validate_floor_ratio_100).toBe(1.4);
    expect(h.review_floor_ratio_10).toBe(1.5);
    expect(h.okta_api_calls_per_plan_100).toBe(1101);
    expect(Object.keys(h).slice(-2)).toEqual(['sizes', 'machine']);
    expect(h.machine).toEqual(machine);
  });

  test('1,000 and 10,000: the 10,000 keys are synth over bare at 10,000, and growth is 10,000 over 1,000', () => {
    const h = headline([sized(1000, 1), sized(10000, 9)], example, machine);
    expect(keysOf(h, /./)).toEqual(
      [
        ...THOUSAND_KEYS,
        'ratio_vs_bare_10000',
        'rss_ratio_vs_bare_10000',
        'peak_rss_mb_10000x3',
        'validate_floor_ratio_1000',
        'review_floor_ratio_1000',
        'okta_api_calls_per_plan_1000',
        'validate_floor_ratio_10000',
        'review_floor_ratio_10000',
        'okta_api_calls_per_plan_10000',
        'growth_time_1000_to_10000',
        'growth_rss_1000_to_10000',
        'sizes',
        'machine',
      ].sort(),
    );
    expect(h).toMatchObject({
      ratio_vs_bare_1000: 1.3,
      rss_ratio_vs_bare_1000: 0.85,
      cpu_ratio_vs_bare_1000: 0.95,
      synth_1000x3_s: 13,
      peak_rss_mb_1000x3: 170,
      bare_1000x3_s: 10,
      bare_peak_rss_mb_1000x3: 200,
      review_1000x3_s: 3,
      validate_1000x3_s: 7,
      ratio_vs_bare_10000: 1.3,
      rss_ratio_vs_bare_10000: 0.85,
      peak_rss_mb_10000x3: 1530,
      okta_api_calls_per_plan_10000: 110001,
      growth_time_1000_to_10000: 9,
      growth_rss_1000_to_10000: 9,
    });
  });

  test('growth divides synth at 10,000 by synth at 1,000, wall and RSS each on its own', () => {
    const small = sized(1000, 1);
    const big: SizeResult = { ...sized(10000, 1), synth: m(13 * 10.5, 170 * 4) };
    const h = headline([small, big], example, machine);
    expect(h.growth_time_1000_to_10000).toBe(10.5);
    expect(h.growth_rss_1000_to_10000).toBe(4);
    expect(h.peak_rss_mb_10000x3).toBe(680);
  });

  test('10,000 alone: its keys, the 1,000 keys as null, and no growth', () => {
    const h = headline([sized(10000, 9)], example, machine);
    expect(h.ratio_vs_bare_1000).toBeNull();
    expect(h.ratio_vs_bare_10000).toBe(1.3);
    expect(keysOf(h, /growth/)).toEqual([]);
  });

  test('without a review command the review floor ratio is null, and the rest is still there', () => {
    const h = headline([sized(100, 1, { review: false })], example, machine);
    expect(h.review_floor_ratio_100).toBeNull();
    expect(h.validate_floor_ratio_100).toBe(1.4);
    expect((h.sizes as Record<string, Record<string, unknown>>)['100']).toMatchObject({ review_s: null, review_floor_s: null, validate_floor_s: 5, okta_api_calls_per_plan: 1101 });
  });
});

describe('the targets printed beside the figures', () => {
  const lines = (results: SizeResult[]) => targetChecks(results).map((c) => `${c.target}: ${c.shown} ${verdict(c)}`);

  test('at 1,000 and 10,000: synth against bare, 10,000 peak RSS, floors, growth', () => {
    expect(lines([sized(1000, 1), sized(10000, 9)])).toEqual([
      '1000 x 3 synth wall <= 1.3x bare cdktf: 1.30x met',
      '1000 x 3 synth peak RSS <= 1.0x bare cdktf: 0.85x met',
      '1000 x 3 validate <= 2x its floor: 1.40x met',
      '1000 x 3 review <= 2x its floor: 1.50x met',
      '10000 x 3 synth wall <= 1.3x bare cdktf: 1.30x met',
      '10000 x 3 synth peak RSS <= 1.0x bare cdktf: 0.85x met',
      '10000 x 3 synth peak RSS <= 1024 MB: 1530 MB not met',
      '10000 x 3 validate <= 2x its floor: 1.40x met',
      '10000 x 3 review <= 2x its floor: 1.50x met',
      'synth wall growth 1000 -> 10000 <= 11x: 9.00x met',
      'synth peak RSS growth 1000 -> 10000 <= 11x: 9.00x met',
    ]);
  });

  test('small sizes only have the floor targets; a missing review is n/a; a ratio over its target is not met', () => {
    const slow: SizeResult = { ...sized(10, 1, { review: false }), validate: m(10.6, 70) };
    expect(lines([slow])).toEqual(['10 x 3 validate <= 2x its floor: 2.12x not met', '10 x 3 review <= 2x its floor: n/a n/a']);
  });

  test('judged on the value as printed', () => {
    const edge: SizeResult = { ...sized(1000, 1), synth: m(13.04, 170) };
    expect(lines([edge])[0]).toBe('1000 x 3 synth wall <= 1.3x bare cdktf: 1.30x met');
  });
});
