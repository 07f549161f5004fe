/**
 * The scale issue's targets, judged from one run's medians and printed beside
 * the figures. Reported, never asserted: timings belong to a machine and an
 * hour, not to a test.
 */
import { SizeResult, growth, ratio } from './headline';
import { times } from './stats';

export interface TargetCheck {
  readonly target: string;
  /** The measured value as printed (`1.18x`, `812 MB`), or `n/a` when it was not measured. */
  readonly shown: string;
  /** Judged on the value as printed, so a line never reads `1.30x <= 1.3x: not met`; undefined when not measured. */
  readonly met?: boolean;
}

function check(target: string, value: number | undefined, limit: number, show: (x: number) => string = times): TargetCheck {
  if (value === undefined) return { target, shown: 'n/a' };
  const shown = show(value);
  return { target, shown, met: Number.parseFloat(shown) <= limit };
}

/** Every target that applies to the sizes this run measured. */
export function targetChecks(results: readonly SizeResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const r of results) {
    const x = `${r.size} x 3`;
    if (r.size === 1000 || r.size === 10000) {
      checks.push(check(`${x} synth wall <= 1.3x bare cdktf`, ratio(r.synth.wall, r.bare.wall), 1.3));
      checks.push(check(`${x} synth peak RSS <= 1.0x bare cdktf`, ratio(r.synth.rss, r.bare.rss), 1.0));
    }
    if (r.size === 10000) checks.push(check(`${x} synth peak RSS <= 1024 MB`, r.synth.rss.median, 1024, (mb) => `${mb.toFixed(0)} MB`));
    checks.push(check(`${x} validate <= 2x its floor`, ratio(r.validate.wall, r.validateFloor.wall), 2));
    checks.push(check(`${x} review <= 2x its floor`, r.review && r.reviewFloor && ratio(r.review.wall, r.reviewFloor.wall), 2));
  }
  const grew = growth(results);
  if (grew) {
    checks.push(check('synth wall growth 1000 -> 10000 <= 11x', grew.time, 11));
    checks.push(check('synth peak RSS growth 1000 -> 10000 <= 11x', grew.rss, 11));
  }
  return checks;
}

/** `met`, `not met` or `n/a`, for the table. */
export function verdict(c: TargetCheck): string {
  return c.met === undefined ? 'n/a' : c.met ? 'met' : 'not met';
}
