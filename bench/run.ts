/**
 * `npm run bench`: synth at organisation scale, side by side with bare cdktf.
 * For each size it generates a synthetic organisation (3 environments) in a
 * temp dir and times, each run in a fresh node process:
 *   synth    - the full pipeline: `okta-sso synth` (config load, schema, presets, constructs, rules, synth to disk);
 *   bare     - a plain cdktf app declaring the same resources (baseline-app.ts), output checked byte-identical;
 *   review   - `okta-sso review` of two synth dirs, one integration in ten changed ("n/a" while the command is missing);
 *   validate - `okta-sso validate` alone.
 * Prints a table, then a last line of JSON with the headline figures.
 * BENCH_SIZES (e.g. "10,100") and BENCH_RUNS (runs per size) override the defaults.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateOrg, writeOrg, BENCH_ENVIRONMENTS } from './generate';
import { runNode, Sample } from './measure';
import { formatTable, summarize, Summary } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'bin', 'okta-sso.js');
const APP = path.join(ROOT, 'dist', 'main.js');
const BARE = path.join(__dirname, 'baseline-app.js');

const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map((s) => Number(s.trim()));
const runsFor = (size: number) => Number(process.env.BENCH_RUNS ?? (size >= 1000 ? 3 : 5));

interface Measured {
  readonly wall: Summary;
  readonly rss: Summary;
  readonly cpu: Summary;
}

interface SizeResult {
  readonly size: number;
  readonly synth: Measured;
  readonly bare: Measured;
  readonly review?: Measured;
  readonly validate: Measured;
  readonly resources: number;
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-bench-'));
  try {
    await run(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function run(tmp: string): Promise<void> {
  log(`okta-sso bench: sizes ${SIZES.join(', ')} x ${BENCH_ENVIRONMENTS.length} environments; temp dir ${tmp}`);
  // The example organisation first: it also warms the file cache for node_modules.
  const exampleOut = path.join(tmp, 'example-out');
  const example: Sample[] = [];
  for (let r = 0; r <= 5; r++) {
    const s = check(await runNode(APP, [], { cwd: tmp, env: { OKTA_SSO_CONFIG: path.join(ROOT, 'examples', 'acme'), OKTA_SSO_OUT: exampleOut } }), 'example app');
    if (r > 0) example.push(s);
  }
  const exampleRun = measured(example);

  const results: SizeResult[] = [];
  let reviewAvailable = true;
  for (const size of SIZES) {
    const dir = path.join(tmp, String(size));
    const baseConfig = path.join(dir, 'config-base');
    const headConfig = path.join(dir, 'config-head');
    writeOrg(generateOrg({ integrations: size }), baseConfig);
    writeOrg(generateOrg({ integrations: size, changed: true }), headConfig);
    const baseSynth = path.join(dir, 'synth-base');
    const headSynth = path.join(dir, 'synth-head');
    const bareOut = path.join(dir, 'bare');

    const synth: Sample[] = [];
    const bare: Sample[] = [];
    for (let r = 0; r < runsFor(size); r++) {
      log(`  ${size}: run ${r + 1}/${runsFor(size)}: synth, bare`);
      synth.push(check(await runNode(CLI, ['synth', '--config', baseConfig, '--out', baseSynth], { cwd: dir }), 'synth'));
      fs.rmSync(bareOut, { recursive: true, force: true });
      bare.push(check(await runNode(BARE, [baseSynth, bareOut], { cwd: dir }), 'bare cdktf baseline'));
    }
    assertSameOutput(baseSynth, bareOut);
    check(await runNode(CLI, ['synth', '--config', headConfig, '--out', headSynth], { cwd: dir }), 'synth (head)');

    const review: Sample[] = [];
    for (let r = 0; reviewAvailable && r < runsFor(size); r++) {
      log(`  ${size}: run ${r + 1}/${runsFor(size)}: review`);
      const s = await runNode(CLI, ['review', '--base', baseSynth, '--head', headSynth, '--format', 'md'], { cwd: dir });
      if (s.exitCode === 2 && /unknown command/.test(s.stderr)) reviewAvailable = false;
      else review.push(check(s, 'review'));
    }
    const validate: Sample[] = [];
    for (let r = 0; r < runsFor(size); r++) {
      log(`  ${size}: run ${r + 1}/${runsFor(size)}: validate`);
      validate.push(check(await runNode(CLI, ['validate', '--config', baseConfig], { cwd: dir }), 'validate'));
    }
    results.push({
      size,
      synth: measured(synth),
      bare: measured(bare),
      review: review.length > 0 ? measured(review) : undefined,
      validate: measured(validate),
      resources: countResources(baseSynth),
    });
  }

  process.stdout.write(`\n${table(results, exampleRun)}\n\n${machine().line}\n\n`);
  process.stdout.write(`${JSON.stringify(headline(results, exampleRun.wall))}\n`);
}

function measured(samples: readonly Sample[]): Measured {
  return { wall: summarize(samples.map((s) => s.wallS)), rss: summarize(samples.map((s) => s.peakRssMb)), cpu: summarize(samples.map((s) => s.cpuS)) };
}

function check(s: Sample, what: string): Sample {
  if (s.exitCode !== 0) throw new Error(`${what} failed with exit code ${s.exitCode}:\n${s.stderr}${s.stdout}`);
  return s;
}

/** The baseline is only a baseline if it declares exactly what the pipeline declared. */
function assertSameOutput(pipelineDir: string, bareDir: string): void {
  for (const env of BENCH_ENVIRONMENTS) {
    const rel = path.join('stacks', env, 'cdk.tf.json');
    if (!fs.readFileSync(path.join(pipelineDir, rel)).equals(fs.readFileSync(path.join(bareDir, rel)))) {
      throw new Error(`bare cdktf baseline output differs from the pipeline's in ${rel}; the ratio would be meaningless`);
    }
  }
}

/** Resources and data sources across the stacks, for the table. */
function countResources(synthDir: string): number {
  let n = 0;
  for (const env of BENCH_ENVIRONMENTS) {
    const tf = JSON.parse(fs.readFileSync(path.join(synthDir, 'stacks', env, 'cdk.tf.json'), 'utf8'));
    for (const kind of ['resource', 'data']) for (const byId of Object.values<object>(tf[kind] ?? {})) n += Object.keys(byId).length;
  }
  return n;
}

const sec = (x: number) => x.toFixed(2);
const mb = (x: number) => x.toFixed(0);
const range = (s: Summary, f: (x: number) => string) => `${f(s.min)}-${f(s.max)}`;

function table(results: readonly SizeResult[], example: Measured): string {
  const rows: string[][] = [];
  const row = (label: string, runs: string, m: Measured | undefined) =>
    rows.push(m ? [label, runs, sec(m.wall.median), range(m.wall, sec), mb(m.rss.median), range(m.rss, mb), sec(m.cpu.median)] : [label, runs, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']);
  row('example org (examples/acme), app process', String(example.wall.runs), example);
  for (const r of results) {
    const x = `${r.size} x ${BENCH_ENVIRONMENTS.length}`;
    row(`${x} synth (full pipeline, ${r.resources} resources)`, String(r.synth.wall.runs), r.synth);
    row(`${x} bare cdktf, same resources`, String(r.bare.wall.runs), r.bare);
    rows.push([`${x} ratio synth / bare`, '', `${ratio(r.synth.wall, r.bare.wall).toFixed(2)}x`, '', `${ratio(r.synth.rss, r.bare.rss).toFixed(2)}x`, '', `${ratio(r.synth.cpu, r.bare.cpu).toFixed(2)}x`]);
    row(`${x} review (1 in 10 changed)`, r.review ? String(r.review.wall.runs) : '', r.review);
    row(`${x} validate`, String(r.validate.wall.runs), r.validate);
  }
  return formatTable(['measure', 'runs', 'median s', 'min-max s', 'peak RSS MB', 'min-max MB', 'CPU s'], rows);
}

function ratio(a: Summary, b: Summary): number {
  return a.median / b.median;
}

function headline(results: readonly SizeResult[], exampleWall: Summary): Record<string, unknown> {
  const at = results.find((r) => r.size === 1000);
  const round = (x: number | undefined, d = 3) => (x === undefined ? null : Number(x.toFixed(d)));
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
      validate_s: round(r.validate.wall.median),
    };
  }
  const m = machine();
  return {
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
    sizes,
    machine: { nproc: m.nproc, cpu: m.cpu, node: process.version },
  };
}

function machine(): { nproc: number; cpu: string; line: string } {
  const nproc = os.availableParallelism?.() ?? os.cpus().length;
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() already named it.
  }
  return { nproc, cpu, line: `machine: ${nproc} CPU(s), ${cpu}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}` };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exitCode = 1;
});
