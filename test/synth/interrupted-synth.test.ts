/**
 * The output directory under real processes: synths killed at random moments,
 * and two synths into one output at once. The CLI runs compiled, as users run it.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateOrg, writeOrg } from '../../bench/generate';
import { tempDir } from '../helpers';
import { compileCli } from '../support/compiled-cli';
import { childEnv, killRunning, run } from '../support/packed-example';

jest.setTimeout(300_000);

let cli: string;
let root: string;
const configs = { A: '', B: '' };
/** Every file of the complete output of each config, by path. */
const complete: Record<'A' | 'B', Map<string, string>> = { A: new Map(), B: new Map() };
let synthMs = 0;

/** Every file under `out` (through its link) with its content; undefined when `out` does not exist. */
function snapshot(out: string): Map<string, string> | undefined {
  if (!fs.existsSync(out)) return undefined;
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(out, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else files.set(r, fs.readFileSync(path.join(out, r), 'utf8'));
    }
  };
  walk('');
  return files;
}

function whichOutput(files: Map<string, string> | undefined): 'A' | 'B' | 'neither' {
  const same = (a: Map<string, string>) => files !== undefined && files.size === a.size && [...a].every(([f, t]) => files.get(f) === t);
  return same(complete.A) ? 'A' : same(complete.B) ? 'B' : 'neither';
}

const synth = (config: string, out: string) => run('node', [cli, 'synth', '--config', config, '--out', out], { cwd: root, env: childEnv(), timeoutMs: 120_000 });

beforeAll(async () => {
  root = tempDir();
  cli = await compileCli(path.join(root, 'cli'));
  // Two versions of one organisation, as before and after a pull request; same depth, so the same relative state paths.
  writeOrg(generateOrg({ integrations: 30 }), (configs.A = path.join(root, 'config-a')));
  writeOrg(generateOrg({ integrations: 30, changed: true }), (configs.B = path.join(root, 'config-b')));
  for (const v of ['A', 'B'] as const) {
    const started = Date.now();
    const r = await synth(configs[v], path.join(root, `ref-${v}`, 'cdktf.out'));
    synthMs = Math.max(synthMs, Date.now() - started);
    expect(r.stderr).toBe('');
    complete[v] = snapshot(path.join(root, `ref-${v}`, 'cdktf.out'))!;
  }
  expect(whichOutput(complete.B)).toBe('B');
});

afterAll(() => killRunning());

/** A deterministic sequence in [0, 1): the kill moments are the same on every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('a synth killed at any moment leaves the complete old or the complete new output, and the next synth cleans up after it', async () => {
  const out = path.join(root, 'live', 'cdktf.out');
  expect((await synth(configs.A, out)).status).toBe(0);
  let current: 'A' | 'B' = 'A';
  const random = seeded(10);
  const seen = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const next = current === 'A' ? 'B' : 'A';
    const child = spawn('node', [cli, 'synth', '--config', configs[next], '--out', out], { cwd: root, env: childEnv(), detached: true, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Moments spread over the whole run, from start-up on; every other one near its end, where the output is swapped and the old one removed.
    const moment = i % 2 === 0 ? random() * 1.2 : 0.75 + random() * 0.4;
    await new Promise((resolve) => setTimeout(resolve, moment * synthMs));
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // It had already finished.
    }
    const code = await exited;
    const state = whichOutput(snapshot(out));
    seen.add(code === 0 ? 'finished' : 'killed');
    expect({ kill: i, state }).toEqual({ kill: i, state: code === 0 ? next : expect.stringMatching(/^[AB]$/) });
    current = state as 'A' | 'B';
  }
  expect(seen).toContain('killed');

  // The next synth takes over the dead synth's lock and removes every leftover.
  const last = await synth(configs[current === 'A' ? 'B' : 'A'], out);
  expect(last.stderr).toBe('');
  expect(fs.readdirSync(path.dirname(out)).sort()).toEqual([fs.readlinkSync(out), 'cdktf.out'].sort());
});

test('two synths into one output at once: one waits for the other, both succeed, the output is complete', async () => {
  const out = path.join(root, 'both', 'cdktf.out');
  const [a, b] = await Promise.all([synth(configs.A, out), synth(configs.B, out)]);
  expect([a.status, a.stderr, b.status, b.stderr]).toEqual([0, '', 0, '']);
  expect(whichOutput(snapshot(out))).toMatch(/^[AB]$/);
  expect(fs.readdirSync(path.dirname(out)).sort()).toEqual([fs.readlinkSync(out), 'cdktf.out'].sort());
});
