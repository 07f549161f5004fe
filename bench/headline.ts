/**
 * The bench's last line of JSON, from the measured medians: a pure function of
 * the results, so that which keys appear at which sizes, and what each ratio
 * divides, is tested (test/bench/headline.test.ts).
 */
import { Summary } from './stats';

export interface Measured {
  readonly wall: Summary;
  readonly rss: Summary;
  readonly cpu: Summary;
}

/** What one size of organisation measured. */
export interface SizeResult {
  readonly size: number;
  readonly synth: Measured;
  readonly bare: Measured;
  /** Absent while the build has no `review` command. */
  readonly review?: Measured;
  readonly reviewFloor?: Measured;
  readonly validate: Measured;
  readonly validateFloor: Measured;
  /** Resources and data sources across the base synth's stacks. */
  readonly resources: number;
  /** Estimated Okta API calls of one `terraform plan` refresh, summed over the base synth's stacks. */
  readonly oktaApiCalls: number;
}

export interface MachineInfo {
  readonly nproc: number;
  readonly cpu: string;
  readonly node: string;
}

/** Sizes whose synth/bare ratios and peak RSS have top-level keys (`ratio_vs_bare_N`...). */
export const HEADLINE_SIZES = [1000, 10000] as const;

/** Median over median: every ratio of the bench compares medians of the same run. */
export function ratio(a: Summary, b: Summary): number {
  return a.median / b.median;
}

const round = (x: number | undefined, d = 3) => (x === undefined ? null : Number(x.toFixed(d)));

/** How synth grows from 1,000 to 10,000 integrations (one 10x step), when the run has both sizes. */
export function growth(results: readonly SizeResult[]): { time: number; rss: number } | undefined {
  const from = results.find((r) => r.size === 1000);
  const to = results.find((r) => r.size === 10000);
  return from && to ? { time: ratio(to.synth.wall, from.synth.wall), rss: ratio(to.synth.rss, from.synth.rss) } : undefined;
}

/**
 * The headline: the 1,000 x 3 keys always (null when that size did not run),
 * the 10,000 x 3 keys when it ran, the floor ratios and Okta API calls for
 * each size that ran, growth when both 1,000 and 10,000 ran, every size under
 * `sizes`, and the machine.
 */
export function headline(results: readonly SizeResult[], exampleWall: Summary, machine: MachineInfo): Record<string, unknown> {
  const at = results.find((r) => r.size === 1000);
  const out: Record<string, unknown> = {
    ratio_vs_bare_1000: round(at && ratio(at.synth.wall, at.bare.wall)),
    rss_ratio_vs_bare_1000: round(at && ratio(at.synth.rss, at.bare.rss)),
    cpu_ratio_vs_bare_1000: round(at && ratio(at.synth.cpu, at.bare.cpu)),
    synth_1000x3_s: round(at?.synth.wall.median),
    peak_rss_mb_1000x3: round(at?.synth.rss.median, 1),
    bare_1000x3_s: round(at?.bare.wall.median),
    bare_peak_rss_mb_1000x3: round(at?.bare.rss.median, 1),
    review_1000x3_s: round(at?.review?.wall.median),
    validate_1000x3_s: round(at?.validate.wall.median),
    example_org_synth_s: round(exampleWall.median),
  };
  const big = results.find((r) => r.size === 10000);
  if (big) {
    out.ratio_vs_bare_10000 = round(ratio(big.synth.wall, big.bare.wall));
    out.rss_ratio_vs_bare_10000 = round(ratio(big.synth.rss, big.bare.rss));
    out.peak_rss_mb_10000x3 = round(big.synth.rss.median, 1);
  }
  for (const r of results) {
    out[`validate_floor_ratio_${r.size}`] = round(ratio(r.validate.wall, r.validateFloor.wall));
    out[`review_floor_ratio_${r.size}`] = round(r.review && r.reviewFloor && ratio(r.review.wall, r.reviewFloor.wall));
    out[`okta_api_calls_per_plan_${r.size}`] = r.oktaApiCalls;
  }
  const grew = growth(results);
  if (grew) {
    out.growth_time_1000_to_10000 = round(grew.time);
    out.growth_rss_1000_to_10000 = round(grew.rss);
  }
  const sizes: Record<string, unknown> = {};
  for (const r of results) {
    sizes[String(r.size)] = {
      synth_s: round(r.synth.wall.median),
      bare_s: round(r.bare.wall.median),
      peak_rss_mb: round(r.synth.rss.median, 1),
      bare_peak_rss_mb: round(r.bare.rss.median, 1),
      ratio_vs_bare: round(ratio(r.synth.wall, r.bare.wall)),
      rss_ratio_vs_bare: round(ratio(r.synth.rss, r.bare.rss)),
      cpu_ratio_vs_bare: round(ratio(r.synth.cpu, r.bare.cpu)),
      review_s: round(r.review?.wall.median),
      review_floor_s: round(r.reviewFloor?.wall.median),
      validate_s: round(r.validate.wall.median),
      validate_floor_s: round(r.validateFloor.wall.median),
      resources: r.resources,
      okta_api_calls_per_plan: r.oktaApiCalls,
    };
  }
  return { ...out, sizes, machine };
}
