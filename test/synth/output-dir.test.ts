import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { OrgModel } from '../../model/types';
import { OUTPUT_MARKER } from '../../synth/output-dir';
import { synthToDisk } from '../../synth/synth';
import { EXAMPLE_DIR, listFiles, tempDir } from '../helpers';
import { runCliCaptured } from '../helpers';

let model: OrgModel;
beforeAll(() => {
  model = loadConfig(EXAMPLE_DIR);
});

const synth = (outdir: string, options: { lockWaitMs?: number } = {}) => synthToDisk(model, { outdir, configDir: EXAMPLE_DIR, ...options });

/** Every file under `dir` with its content (a tree listing that also catches changed files). */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

/** The pid of a process that has exited: no process has it now. */
function deadPid(): number {
  return spawnSync('true').pid!;
}

describe('synth replaces only a directory it wrote', () => {
  test('a web app folder with a manifest.json is refused, untouched, with the reason', () => {
    const site = path.join(tempDir(), 'site');
    fs.mkdirSync(site);
    fs.writeFileSync(path.join(site, 'manifest.json'), '{"name":"my app"}');
    fs.writeFileSync(path.join(site, 'index.html'), '<html></html>');
    expect(() => synth(site)).toThrow(`--out ${site} exists and was not written by okta-sso synth (no ${OUTPUT_MARKER} file in it)`);
    expect(contents(site)).toEqual({ 'index.html': '<html></html>', 'manifest.json': '{"name":"my app"}' });
  });

  test('through the CLI: exit 1, the reason, nothing written', async () => {
    const root = tempDir();
    const site = path.join(root, 'site');
    fs.mkdirSync(site);
    fs.writeFileSync(path.join(site, 'manifest.json'), '{}');
    const r = await runCliCaptured(['synth', '--config', EXAMPLE_DIR, '--out', site]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^okta-sso synth: --out .*site exists and was not written by okta-sso synth .*; nothing written\n$/);
    expect(fs.readdirSync(root)).toEqual(['site']);
  });

  test('a symbolic link it did not make is refused', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'elsewhere'));
    fs.symlinkSync('elsewhere', path.join(root, 'cdktf.out'));
    expect(() => synth(path.join(root, 'cdktf.out'))).toThrow(/is a symbolic link okta-sso synth did not make \(to elsewhere\)/);
    expect(fs.readdirSync(path.join(root, 'elsewhere'))).toEqual([]);
  });

  test('its own output, an empty directory, and an earlier version\'s output (no marker) are replaced', () => {
    const root = tempDir();
    const out = path.join(root, 'cdktf.out');
    synth(out);
    const first = contents(out);
    expect(first[OUTPUT_MARKER]).toMatch(/okta-sso synth/);
    synth(out);
    expect(contents(out)).toEqual(first);

    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    synth(empty);
    expect(contents(empty)).toEqual(first);

    // As okta-sso synth wrote it before the marker: a cdktf manifest and stacks, each with its runbook.
    const earlier = path.join(root, 'earlier');
    fs.cpSync(fs.realpathSync(out), earlier, { recursive: true });
    fs.rmSync(path.join(earlier, OUTPUT_MARKER));
    fs.rmSync(path.join(earlier, '.gitignore'));
    fs.writeFileSync(path.join(earlier, 'stacks', 'dev', 'stale.txt'), 'from before');
    synth(earlier);
    expect(contents(earlier)).toEqual(first);
  });
});

describe('the output is a link to a complete directory beside it', () => {
  test('the link is relative, its target sits beside it, and relative local state paths resolve the same through it', () => {
    const root = tempDir();
    const out = path.join(root, 'cdktf.out');
    synth(out);
    const target = fs.readlinkSync(out);
    expect(target).toMatch(/^\.cdktf\.out\.synth-\d+-[0-9a-f]{8}$/);
    expect(path.dirname(fs.realpathSync(out))).toBe(fs.realpathSync(root));
  });

  test('a failed check writes nothing, not even the parents of --out', () => {
    const root = tempDir();
    const aiven = model.environments[0].integrations[0];
    const broken = { environments: [{ ...model.environments[0], integrations: [{ ...aiven, props: { ...aiven.props, acsUrl: 'http://insecure' } }] }] };
    expect(() => synthToDisk(broken, { outdir: path.join(root, 'a', 'b', 'cdktf.out'), configDir: EXAMPLE_DIR })).toThrow(/uses http/);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  test('leftovers of killed synths are removed by the next one; those of a running synth are kept', () => {
    const root = tempDir();
    const out = path.join(root, 'cdktf.out');
    synth(out);
    const sleeper = spawn('sleep', ['30']);
    try {
      const dead = deadPid();
      const leftovers = [`.cdktf.out.synth-${dead}-0123abcd`, `.cdktf.out.link-${dead}-0123abcd`, `cdktf.out.tmp-${dead}`];
      const running = `.cdktf.out.synth-${sleeper.pid}-0123abcd`;
      for (const name of [...leftovers, running]) fs.mkdirSync(path.join(root, name, 'stacks'), { recursive: true });
      // A lock its synth never released: that synth is gone.
      fs.writeFileSync(path.join(root, '.cdktf.out.lock'), JSON.stringify({ pid: dead, host: os.hostname() }));
      synth(out);
      expect(fs.readdirSync(root).sort()).toEqual([fs.readlinkSync(out), running, 'cdktf.out'].sort());
    } finally {
      sleeper.kill();
    }
  });

  test('while another synth holds the output, synth waits, then fails naming it, and writes nothing', () => {
    const root = tempDir();
    const out = path.join(root, 'cdktf.out');
    synth(out);
    const before = contents(out);
    const names = fs.readdirSync(root).sort();
    const sleeper = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(root, '.cdktf.out.lock'), JSON.stringify({ pid: sleeper.pid, host: os.hostname() }));
      expect(() => synth(out, { lockWaitMs: 300 })).toThrow(`another okta-sso synth (pid ${sleeper.pid} on ${os.hostname()}) is writing --out ${out}; waited 0 s`);
      expect(contents(out)).toEqual(before);
      expect(fs.readdirSync(root).sort()).toEqual([...names, '.cdktf.out.lock'].sort());
    } finally {
      sleeper.kill();
    }
  });
});
