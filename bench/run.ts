/**
 * `npm run bench`: synth at organisation scale, side by side with bare cdktf.
 * For each size it generates a synthetic organisation (3 environments) in a
 * temp dir and times, each run in a fresh node process:
 *   synth          - the full pipeline: `okta-sso synth` (config load, schema, presets, constructs, rules, synth to disk);
 *   bare           - a plain cdktf app declaring the same resources (baseline-app.ts), output checked byte-identical;
 *   review         - `okta-sso review` of two synth dirs, one integration in ten changed ("n/a" while the command is missing);
 *   review floor   - reading and parsing the files review reads, nothing else (review-floor.ts);
 *   validate       - `okta-sso validate` alone;
 *   validate floor - reading, parsing and schema-checking the config files, nothing else (validate-floor.ts).
 * and estimates the Okta API calls of a `terraform plan` of the base synth.
 * Prints tables and the targets met or not, then a last line of JSON with the headline figures (headline.ts).
 * BENCH_SIZES (e.g. "10,100", or "10000" for the opt-in size) and BENCH_RUNS (runs per size) override the defaults.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { estimateRefreshCalls } from '../model/okta-api-calls';
import { generateOrg, writeOrg, BENCH_ENVIRONMENTS } from './generate';
import { MachineInfo, Measured, SizeResult, growth, headline, ratio } from './headline';
import { runNode, RunOptions, Sample } from './measure';
import { formatTable, summarize, Summary, times } from './stats';
import { targetChecks, verdict } from './targets';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'bin', 'okta-sso.js');
const APP = path.join(ROOT, 'dist', 'main.js');
const BARE = path.join(__dirname, 'baseline-app.js');
const VALIDATE_FLOOR = path.join(__dirname, 'validate-floor.js');
const REVIEW_FLOOR = path.join(__dirname, 'review-floor.js');

const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map((s) => Number(s.trim()));
// 10,000 x 3 takes minutes per run: one unless asked.
const runsFor = (size: number) => Number(process.env.BENCH_RUNS ?? (size >= 10000 ? 1 : size >= 1000 ? 3 : 5));

/**
 * Node options of every measured process, at every size, so that all commands and sizes run alike (growth
 * compares 1,000 with 10,000). Node's default heap limit on 64-bit is about 4 GB; bare cdktf at 10,000 x 3
 * reaches about 3 GB: the larger limit keeps it (and any command) clear of the collections near the limit.
 */
const NODE_ARGS = ['--max-old-space-size=8192'];

/** One aggregated line of the Okta API calls table: a resource type at one cost per resource, across the stacks. */
interface CallRow {
  readonly type: string;
  readonly count: number;
  readonly callsEach: string;
  readonly calls: number;
}

type Ran = SizeResult & { readonly callRows: readonly CallRow[] };

const started = Date.now();

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-bench-'));
  try {
    await run(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function run(tmp: string): Promise<void> {
  log(`okta-sso bench: sizes ${SIZES.join(', ')} x ${BENCH_ENVIRONMENTS.length} environments; node ${NODE_ARGS.join(' ')}; temp dir ${tmp}`);
  // The example organisation first: it also warms the file cache for node_modules.
  const exampleOut = path.join(tmp, 'example-out');
  const example: Sample[] = [];
  for (let r = 0; r <= 5; r++) {
    const s = check(await measure(APP, [], { cwd: tmp, env: { OKTA_SSO_CONFIG: path.join(ROOT, 'examples', 'acme'), OKTA_SSO_OUT: exampleOut } }), 'example app');
    if (r > 0) example.push(s);
  }
  const exampleRun = measured(example);

  const results: Ran[] = [];
  const reviewAvailable = { yes: true };
  for (const size of SIZES) {
    const dir = path.join(tmp, String(size));
    results.push(await measureSize(size, dir, reviewAvailable));
    // At 10,000 x 3 each synth dir is about 420 MB: only one size's files on disk at a time.
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const m = machine();
  process.stdout.write(`\n${table(results, exampleRun)}\n\n${callsTable(results)}\n\n${targetsTable(results)}\n\n${m.line}\n\n`);
  process.stdout.write(`${JSON.stringify(headline(results, exampleRun.wall, { nproc: m.nproc, cpu: m.cpu, node: m.node }))}\n`);
}

async function measureSize(size: number, dir: string, reviewAvailable: { yes: boolean }): Promise<Ran> {
  const baseConfig = path.join(dir, 'config-base');
  const headConfig = path.join(dir, 'config-head');
  log(`  ${size}: generating the organisation and its changed copy`);
  writeOrg(generateOrg({ integrations: size }), baseConfig);
  writeOrg(generateOrg({ integrations: size, changed: true }), headConfig);
  const baseSynth = path.join(dir, 'synth-base');
  const headSynth = path.join(dir, 'synth-head');
  const bareOut = path.join(dir, 'bare');
  const runs = runsFor(size);

  const synth: Sample[] = [];
  const bare: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    log(`  ${size}: run ${r + 1}/${runs}: synth, bare`);
    synth.push(check(await measure(CLI, ['synth', '--config', baseConfig, '--out', baseSynth], { cwd: dir }), 'synth'));
    fs.rmSync(bareOut, { recursive: true, force: true });
    bare.push(check(await measure(BARE, [baseSynth, bareOut], { cwd: dir }), 'bare cdktf baseline'));
  }
  assertSameOutput(baseSynth, bareOut);
  fs.rmSync(bareOut, { recursive: true, force: true });
  log(`  ${size}: synth (head), not measured`);
  check(await measure(CLI, ['synth', '--config', headConfig, '--out', headSynth], { cwd: dir }), 'synth (head)');

  // Each command and its floor one after the other in every run, so that a change of load moves both.
  const review: Sample[] = [];
  const reviewFloor: Sample[] = [];
  for (let r = 0; reviewAvailable.yes && r < runs; r++) {
    log(`  ${size}: run ${r + 1}/${runs}: review, review floor`);
    const s = await measure(CLI, ['review', '--base', baseSynth, '--head', headSynth, '--format', 'md'], { cwd: dir });
    if (s.exitCode === 2 && /unknown command/.test(s.stderr)) {
      reviewAvailable.yes = false;
      break;
    }
    review.push(check(s, 'review'));
    reviewFloor.push(check(await measure(REVIEW_FLOOR, [baseSynth, headSynth], { cwd: dir }), 'review floor'));
  }
  const validate: Sample[] = [];
  const validateFloor: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    log(`  ${size}: run ${r + 1}/${runs}: validate, validate floor`);
    validate.push(check(await measure(CLI, ['validate', '--config', baseConfig], { cwd: dir }), 'validate'));
    validateFloor.push(check(await measure(VALIDATE_FLOOR, [baseConfig], { cwd: dir }), 'validate floor'));
  }
  return {
    size,
    synth: measured(synth),
    bare: measured(bare),
    review: review.length > 0 ? measured(review) : undefined,
    reviewFloor: reviewFloor.length > 0 ? measured(reviewFloor) : undefined,
    validate: measured(validate),
    validateFloor: measured(validateFloor),
    ...stackFigures(baseSynth),
  };
}

/** Every measured command: in a fresh node process with the same node options. */
function measure(script: string, args: readonly string[], options: RunOptions): Promise<Sample> {
  return runNode(script, args, { ...options, nodeArgs: NODE_ARGS });
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

/**
 * Resources and data sources across the base synth's stacks, and the Okta API calls a `terraform plan` of each would make
 * (model/okta-api-calls.ts): one stack parsed at a time (about 50 MB of JSON each at 10,000 x 3).
 */
function stackFigures(synthDir: string): { resources: number; oktaApiCalls: number; callRows: CallRow[] } {
  let resources = 0;
  let oktaApiCalls = 0;
  const rows = new Map<string, CallRow>();
  for (const env of BENCH_ENVIRONMENTS) {
    const tf = JSON.parse(fs.readFileSync(path.join(synthDir, 'stacks', env, 'cdk.tf.json'), 'utf8'));
    for (const kind of ['resource', 'data']) for (const byId of Object.values<object>(tf[kind] ?? {})) resources += Object.keys(byId).length;
    const estimate = estimateRefreshCalls(tf);
    oktaApiCalls += estimate.total;
    for (const row of estimate.rows) {
      const key = `${row.type}\u0000${row.callsEach}`;
      const sum = rows.get(key);
      rows.set(key, sum ? { ...sum, count: sum.count + row.count, calls: sum.calls + row.calls } : { ...row });
    }
  }
  // The costliest first: where a plan's calls go.
  const callRows = [...rows.values()].sort((a, b) => b.calls - a.calls || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return { resources, oktaApiCalls, callRows };
}

const sec = (x: number) => x.toFixed(2);
const mb = (x: number) => x.toFixed(0);
const range = (s: Summary, f: (x: number) => string) => `${f(s.min)}-${f(s.max)}`;

function table(results: readonly SizeResult[], example: Measured): string {
  const rows: string[][] = [];
  const row = (label: string, runs: string, m: Measured | undefined) =>
    rows.push(m ? [label, runs, sec(m.wall.median), range(m.wall, sec), mb(m.rss.median), range(m.rss, mb), sec(m.cpu.median)] : [label, runs, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']);
  const ratioRow = (label: string, a: Measured | undefined, b: Measured | undefined) =>
    rows.push(a && b ? [label, '', times(ratio(a.wall, b.wall)), '', times(ratio(a.rss, b.rss)), '', times(ratio(a.cpu, b.cpu))] : [label, '', 'n/a', '', 'n/a', '', 'n/a']);
  row('example org (examples/acme), app process', String(example.wall.runs), example);
  for (const r of results) {
    const x = `${r.size} x ${BENCH_ENVIRONMENTS.length}`;
    row(`${x} synth (full pipeline, ${r.resources} resources)`, String(r.synth.wall.runs), r.synth);
    row(`${x} bare cdktf, same resources`, String(r.bare.wall.runs), r.bare);
    ratioRow(`${x} ratio synth / bare`, r.synth, r.bare);
    row(`${x} review (1 in 10 changed)`, r.review ? String(r.review.wall.runs) : '', r.review);
    row(`${x} review floor (read + JSON.parse)`, r.reviewFloor ? String(r.reviewFloor.wall.runs) : '', r.reviewFloor);
    ratioRow(`${x} ratio review / floor`, r.review, r.reviewFloor);
    row(`${x} validate`, String(r.validate.wall.runs), r.validate);
    row(`${x} validate floor (read + parse + schema)`, String(r.validateFloor.wall.runs), r.validateFloor);
    ratioRow(`${x} ratio validate / floor`, r.validate, r.validateFloor);
  }
  const grew = growth(results);
  if (grew) rows.push(['synth growth 1000 -> 10000 x 3', '', times(grew.time), '', times(grew.rss), '', '']);
  return formatTable(['measure', 'runs', 'median s', 'min-max s', 'peak RSS MB', 'min-max MB', 'CPU s'], rows);
}

/** Okta API calls of one `terraform plan` (every resource refreshed) of the base synth, all stacks together, per size. */
function callsTable(results: readonly Ran[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    const x = `${r.size} x ${BENCH_ENVIRONMENTS.length}`;
    for (const c of r.callRows) rows.push([`${x} ${c.type}`, String(c.count), String(c.calls), c.callsEach]);
    rows.push([`${x} total per plan`, '', String(r.oktaApiCalls), '']);
  }
  return formatTable(['Okta API calls per plan (estimate, every resource refreshed)', 'count', 'calls', 'calls each'], rows, [3]);
}

function targetsTable(results: readonly SizeResult[]): string {
  return formatTable(['target (reported, not asserted; medians)', 'measured', 'result'], targetChecks(results).map((c) => [c.target, c.shown, verdict(c)]));
}

function machine(): MachineInfo & { line: string } {
  const nproc = os.availableParallelism?.() ?? os.cpus().length;
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() already named it.
  }
  return { nproc, cpu, node: process.version, line: `machine: ${nproc} CPU(s), ${cpu}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}` };
}

/** Progress on stderr, with the time since the bench started (10,000 x 3 takes minutes). */
function log(line: string): void {
  const s = Math.round((Date.now() - started) / 1000);
  process.stderr.write(`[${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}] ${line}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exitCode = 1;
});
