import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { OrgModel } from '../../model/types';
import { OUTPUT_MARKER, OutputSwap, makeDirectory } from '../../synth/output-dir';
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

describe('after a review: links, leftovers, locks and failures around the output', () => {
  test('through a linked parent of --out, the local state path resolves from where the stack really is', () => {
    const root = fs.realpathSync(tempDir());
    const config = path.join(root, 'config');
    fs.cpSync(EXAMPLE_DIR, config, { recursive: true });
    fs.mkdirSync(path.join(root, 'real', 'deep', 'dir'), { recursive: true });
    fs.symlinkSync(path.join(root, 'real', 'deep', 'dir'), path.join(root, 'plink'));
    const out = path.join(root, 'plink', 'out');
    synthToDisk(loadConfig(config), { outdir: out, configDir: config });
    const stackDir = path.join(fs.realpathSync(out), 'stacks', 'dev');
    const statePath = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')).terraform.backend.local.path;
    expect(path.resolve(stackDir, statePath)).toBe(path.join(config, 'state', 'dev.tfstate'));
  });

  test('a directory named like an earlier version\'s staging is removed only when it holds nothing but synth output', () => {
    const root = tempDir();
    const dead = deadPid();
    fs.mkdirSync(path.join(root, 'report.tmp-2024'));
    fs.writeFileSync(path.join(root, 'report.tmp-2024', 'notes.txt'), 'mine');
    fs.mkdirSync(path.join(root, `report.tmp-${dead}`, 'stacks', 'dev'), { recursive: true });
    fs.writeFileSync(path.join(root, `report.tmp-${dead}`, 'stacks', 'dev', 'cdk.tf.json'), '{}');
    synth(path.join(root, 'report'));
    expect(fs.readFileSync(path.join(root, 'report.tmp-2024', 'notes.txt'), 'utf8')).toBe('mine');
    expect(fs.existsSync(path.join(root, `report.tmp-${dead}`))).toBe(false);
  });

  test('a lock and leftovers carrying this process\'s own pid are an earlier process\'s (pids are reused): taken over at once', () => {
    const root = tempDir();
    const out = path.join(root, 'cdktf.out');
    fs.writeFileSync(path.join(root, '.cdktf.out.lock'), JSON.stringify({ pid: process.pid, host: os.hostname() }));
    fs.mkdirSync(path.join(root, `.cdktf.out.synth-${process.pid}-0123abcd`));
    synth(out, { lockWaitMs: 0 });
    expect(fs.readdirSync(root).sort()).toEqual([fs.readlinkSync(out), 'cdktf.out'].sort());
  });

  test('when the previous output cannot be removed, the new one stays in place and a warning says what was left', () => {
    const root = tempDir();
    const out = path.join(root, 'cdktf.out');
    synth(out);
    const previous = path.join(root, fs.readlinkSync(out));
    // The module object itself: `import * as fs` gives a namespace whose properties cannot be redefined.
    const nodeFs = require('fs') as typeof fs;
    const rm = nodeFs.rmSync;
    const spy = jest.spyOn(nodeFs, 'rmSync').mockImplementation((target, options) => {
      if (target === previous) throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      return rm(target, options);
    });
    const warnings: string[] = [];
    try {
      synthToDisk(model, { outdir: out, configDir: EXAMPLE_DIR, onWarning: (w) => warnings.push(w) });
    } finally {
      spy.mockRestore();
    }
    expect(fs.readlinkSync(out)).not.toBe(path.basename(previous));
    expect(warnings).toContainEqual(`warning: the new output is in place, but the previous one (${previous}) could not be removed (EPERM); the next synth tries again`);
  });

  test("a parent of --out that another synth created first is used, and is not this synth's to remove", () => {
    // Two synths into one new --out at once both see its parent missing; the second mkdir must not fail (it did, EEXIST).
    const root = tempDir();
    const parent = path.join(root, 'both');
    expect(makeDirectory(parent)).toBe(true);
    expect(makeDirectory(parent)).toBe(false);
    fs.writeFileSync(path.join(root, 'file'), '');
    expect(() => makeDirectory(path.join(root, 'file'))).toThrow(/EEXIST/);
  });

  test("a synth that fails after another made its output in the same new parent leaves that output alone (it removes only parents still empty)", () => {
    const root = tempDir();
    const out = path.join(root, 'build', 'cdktf.out');
    const first = new OutputSwap(out);
    const second = new OutputSwap(out);
    first.prepare();
    second.prepare();
    second.replace(() => fs.mkdirSync(path.join(second.dir, 'stacks')));
    first.abandon();
    expect(fs.existsSync(path.join(out, 'stacks'))).toBe(true);
    // Alone, a failed synth still leaves nothing behind, not even the parents it made.
    const alone = path.join(root, 'new', 'deeper', 'cdktf.out');
    const swap = new OutputSwap(alone);
    swap.prepare();
    swap.abandon();
    expect(fs.existsSync(path.join(root, 'new'))).toBe(false);
  });

  /** Runs `body` with `fs[name]` replaced by `fake` (given the real one), then restores it. */
  function withFs<K extends 'renameSync' | 'rmSync' | 'mkdirSync'>(name: K, fake: (real: (typeof fs)[K]) => (typeof fs)[K], body: () => void): void {
    // The module object itself (the import above is a read-only view of it), which the code under test reads through.
    const nodeFs = require('fs') as Record<K, unknown>;
    const real = nodeFs[name] as (typeof fs)[K];
    nodeFs[name] = fake(real.bind(fs) as (typeof fs)[K]);
    try {
      body();
    } finally {
      nodeFs[name] = real;
    }
  }

  test("when the final rename fails after an earlier version's plain-directory output was moved aside, it is moved back (not left for the next synth to delete)", () => {
    const root = tempDir();
    const out = path.join(root, 'cdktf.out');
    fs.mkdirSync(path.join(out, 'stacks', 'prod'), { recursive: true });
    fs.writeFileSync(path.join(out, 'stacks', 'prod', 'cdk.tf.json'), '{"old":1}');
    fs.writeFileSync(path.join(out, OUTPUT_MARKER), '');
    const swap = new OutputSwap(out);
    swap.prepare();
    withFs(
      'renameSync',
      (real) => (from, to) => {
        if (String(from).includes('.cdktf.out.link-')) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO', path: String(from) });
        return real(from, to);
      },
      () => expect(() => swap.replace(() => fs.writeFileSync(path.join(swap.dir, 'new'), 'n'))).toThrow(/cannot write --out .* \(EIO on .*\); the previous output is unchanged/),
    );
    expect(fs.readFileSync(path.join(out, 'stacks', 'prod', 'cdk.tf.json'), 'utf8')).toBe('{"old":1}');
    expect(fs.readdirSync(root).sort()).toEqual(['cdktf.out']);
  });

  test('a lock that cannot be removed does not hide why the synth failed (the lock, and the parents holding it, stay for the next synth)', () => {
    const root = tempDir();
    const out = path.join(root, 'new1', 'new2', 'cdktf.out');
    const swap = new OutputSwap(out);
    swap.prepare();
    let lock = '';
    withFs(
      'rmSync',
      (real) => (target, options) => {
        if (String(target).endsWith('.cdktf.out.lock')) {
          lock = String(target);
          throw Object.assign(new Error('EACCES: permission denied, rm'), { code: 'EACCES' });
        }
        return real(target, options);
      },
      () => expect(() => swap.replace(() => { throw new Error('policy errors: the real cause'); })).toThrow('policy errors: the real cause'),
    );
    expect(lock).not.toBe('');
    // The lock stays (the next synth takes a dead process's lock over); the parents holding it stay with it.
    expect(fs.readdirSync(path.join(root, 'new1', 'new2'))).toEqual(['.cdktf.out.lock']);
  });

  test('another synth that fails and removes its empty new parents while this one prepares: this one makes them again', () => {
    const root = tempDir();
    const out = path.join(root, 'new1', 'new2', 'cdktf.out');
    const first = new OutputSwap(out);
    first.prepare();
    const second = new OutputSwap(out);
    let fired = false;
    withFs(
      'mkdirSync',
      (real) => ((dir: fs.PathLike, options?: fs.MakeDirectoryOptions) => {
        if (!fired && dir === second.dir) {
          fired = true;
          expect(() => first.replace(() => { throw new Error('the first fails its checks'); })).toThrow('the first fails its checks');
          expect(fs.existsSync(path.join(root, 'new1'))).toBe(false);
        }
        return real(dir, options);
      }) as typeof fs.mkdirSync,
      () => expect(() => second.prepare()).not.toThrow(),
    );
    expect(fired).toBe(true);
    expect(fs.existsSync(second.dir)).toBe(true);
  });

  test('a name too long for the file system is a clear error, nothing written', () => {
    const root = tempDir();
    expect(() => synth(path.join(root, 'L'.repeat(240)))).toThrow(/^cannot create .* for --out .* \(ENAMETOOLONG\); nothing written$/);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  test('a directory or file synth keeps beside an output is refused as --out', () => {
    const root = tempDir();
    expect(() => synth(path.join(root, `.vv.synth-${process.pid}-0123abcd`))).toThrow(/is one of the directories or files synth keeps beside an output/);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  test('a synth killed while turning a plain directory into the link is completed by the next one, from its journal', () => {
    const root = tempDir();
    const out = path.join(root, 'cdktf.out');
    synth(out);
    // As if killed between moving the plain directory aside and putting the link in its place.
    const version = fs.readlinkSync(out);
    fs.rmSync(out);
    fs.writeFileSync(path.join(root, '.cdktf.out.swap'), version);
    const swap = new OutputSwap(out);
    swap.prepare();
    expect(() => swap.replace(() => {
      throw new Error('this synth fails');
    })).toThrow('this synth fails');
    expect(fs.readlinkSync(out)).toBe(version);
    expect(fs.readdirSync(root).sort()).toEqual([version, 'cdktf.out'].sort());
  });
});

describe("synth's own files are new files: a link standing at their name is never written through", () => {
  test('the swap journal, beside a plain output directory, as a dangling link to outside', () => {
    const root = tempDir();
    const out = path.join(root, 'out');
    fs.mkdirSync(out);
    const outside = path.join(tempDir(), 'victim');
    fs.mkdirSync(outside);
    fs.symlinkSync(path.join(outside, 'created-by-synth'), path.join(root, '.out.swap'));
    synth(out);
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(fs.existsSync(path.join(out, 'stacks'))).toBe(true);
  });

  test('the marker under the cdktf CLI: a link or a directory there leaves the output unmarked, what it leads to untouched', () => {
    const { markOutputIfOnlySynths } = require('../../synth/output-dir') as typeof import('../../synth/output-dir');
    const victim = path.join(tempDir(), 'victim.txt');
    fs.writeFileSync(victim, 'mine\n');
    for (const plant of [(m: string) => fs.symlinkSync(victim, m), (m: string) => fs.symlinkSync(path.join(path.dirname(victim), 'new.txt'), m), (m: string) => fs.mkdirSync(m)]) {
      const out = path.join(tempDir(), 'cdktf.out');
      synthToDisk(model, { outdir: out, configDir: EXAMPLE_DIR });
      const real = fs.realpathSync(out);
      fs.rmSync(path.join(real, OUTPUT_MARKER));
      fs.rmSync(path.join(real, '.gitignore'));
      plant(path.join(real, OUTPUT_MARKER));
      expect(markOutputIfOnlySynths(real, model.environments.map((e) => e.name))).toBe(false);
    }
    expect(fs.readFileSync(victim, 'utf8')).toBe('mine\n');
    expect(fs.existsSync(path.join(path.dirname(victim), 'new.txt'))).toBe(false);
  });
});
