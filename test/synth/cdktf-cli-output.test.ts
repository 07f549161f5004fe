import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SsoIntegration } from '../../constructs/sp/sso-integration';
import { loadConfig } from '../../config/load-config';
import { OrgModel } from '../../model/types';
import { synthConfigApp, synthToDisk } from '../../synth/synth';
import { EXAMPLE_DIR, listFiles, tempDir } from '../helpers';

const model = loadConfig(EXAMPLE_DIR);
const names = model.environments.map((e) => e.name);

afterEach(() => jest.restoreAllMocks());

/** The example organisation with an http ACS URL in every environment but the first: the second stack fails its checks. */
function broken(): OrgModel {
  return {
    environments: model.environments.map((env, i) =>
      i === 0 ? env : { ...env, integrations: env.integrations.map((it, j) => (j === 0 ? { ...it, props: { ...it.props, acsUrl: `http://insecure-${env.name}` } } : it)) },
    ),
  };
}

/** Every file under `dir` with its content. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

test('each stack is built once, as okta-sso synth builds it, and the output is what okta-sso synth writes for the same place', () => {
  // An integration's rules run once for each time its stack is built.
  const built = jest.spyOn(SsoIntegration.prototype, 'applyRules');
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  const byCdktfCli = built.mock.calls.length;
  built.mockClear();
  const viaCli = path.join(tempDir(), 'cdktf.out');
  synthToDisk(model, { outdir: viaCli, configDir: EXAMPLE_DIR });
  // Not also built in a first pass that only checks (twice as many).
  expect(byCdktfCli).toBe(built.mock.calls.length);
  expect(byCdktfCli).toBeGreaterThan(0);

  const ours = snapshot(outdir);
  const theirs = snapshot(viaCli);
  // okta-sso synth's own: the mark of its output and the .gitignore of a directory it made.
  delete theirs['.okta-sso-output'];
  delete theirs['.gitignore'];
  expect(Object.keys(ours)).toEqual(Object.keys(theirs));
  // Local state paths are relative to each stack's directory: the same for any output directory at the same depth.
  for (const file of Object.keys(ours)) expect([file, ours[file]]).toEqual([file, theirs[file]]);
});

test("synth again keeps what else is in a stack's directory (Terraform's .terraform, the lock file) and leaves no staging directory", () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  const stackDir = path.join(outdir, 'stacks', names[0]);
  fs.mkdirSync(path.join(stackDir, '.terraform', 'providers'), { recursive: true });
  fs.writeFileSync(path.join(stackDir, '.terraform', 'providers', 'okta'), 'binary\n');
  fs.writeFileSync(path.join(stackDir, '.terraform.lock.hcl'), '# lock\n');
  const stackFile = path.join(stackDir, 'cdk.tf.json');
  const before = fs.readFileSync(stackFile, 'utf8');
  fs.writeFileSync(stackFile, '{}');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  expect(fs.readFileSync(stackFile, 'utf8')).toBe(before);
  expect(fs.readFileSync(path.join(stackDir, '.terraform.lock.hcl'), 'utf8')).toBe('# lock\n');
  expect(fs.readFileSync(path.join(stackDir, '.terraform', 'providers', 'okta'), 'utf8')).toBe('binary\n');
  expect(fs.readdirSync(outdir).sort()).toEqual(['manifest.json', 'stacks']);
});

test('a stack with a problem: every stack is still checked, and not one file of the previous output changes', () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  const previous = snapshot(outdir);
  let message = '';
  try {
    synthConfigApp(broken(), outdir, EXAMPLE_DIR);
  } catch (err) {
    message = (err as Error).message;
  }
  // The first stack, clean, was written (to the staging directory) before the others were built; each failure is reported.
  expect(message).toContain(`http://insecure-${names[1]}`);
  expect(message).toContain(`http://insecure-${names[2]}`);
  expect(snapshot(outdir)).toEqual(previous);
  expect(fs.readdirSync(outdir).sort()).toEqual(['manifest.json', 'stacks']);
});

test("a killed run's staging directory is removed; a running process's is left alone", () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  fs.mkdirSync(outdir);
  // A pid that was running and is no longer: a child that has exited.
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  fs.mkdirSync(path.join(outdir, `.okta-sso-staging-${dead}`, 'stacks'), { recursive: true });
  // The parent of this test's process is running.
  fs.mkdirSync(path.join(outdir, `.okta-sso-staging-${process.ppid}`));
  fs.mkdirSync(path.join(outdir, '.okta-sso-staging-notes'));
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  expect(fs.readdirSync(outdir).sort()).toEqual([`.okta-sso-staging-${process.ppid}`, '.okta-sso-staging-notes', 'manifest.json', 'stacks']);
});

test('a link where a stack file goes is replaced by the file, not written through', () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  const elsewhere = path.join(tempDir(), 'precious.json');
  fs.writeFileSync(elsewhere, '{"mine": true}\n');
  fs.mkdirSync(path.join(outdir, 'stacks', names[0]), { recursive: true });
  const stackFile = path.join(outdir, 'stacks', names[0], 'cdk.tf.json');
  fs.symlinkSync(elsewhere, stackFile);
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  expect(fs.readFileSync(elsewhere, 'utf8')).toBe('{"mine": true}\n');
  expect(fs.lstatSync(stackFile).isFile()).toBe(true);
  expect(JSON.parse(fs.readFileSync(stackFile, 'utf8')).terraform).toBeDefined();
});

test('a directory where a stack file goes: a message naming it, and no file of the previous output changed', () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  const last = path.join(outdir, 'stacks', names[names.length - 1], 'runbook.md');
  fs.rmSync(last);
  fs.mkdirSync(last);
  const previous = snapshot(outdir);
  expect(() => synthConfigApp(model, outdir, EXAMPLE_DIR)).toThrow(`${last} is a directory where synth writes a file; nothing written`);
  expect(snapshot(outdir)).toEqual(previous);
  expect(fs.readdirSync(outdir).sort()).toEqual(['manifest.json', 'stacks']);
});

test('a file system failure is a message naming the output and the cause, not a stack trace', () => {
  const parent = tempDir();
  const outdir = path.join(parent, 'cdktf.out');
  fs.writeFileSync(outdir, 'a file, not a directory\n');
  expect(() => synthConfigApp(model, outdir, EXAMPLE_DIR)).toThrow(new RegExp(`^cannot write the synth output into ${outdir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: EEXIST`));
  expect(fs.readFileSync(outdir, 'utf8')).toBe('a file, not a directory\n');
});

test('a failure while placing the files (a stack directory that is a file): not one file of the previous output changes, nothing is left behind', () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  // The first stack's file as a previous synth would have left it: the move must not replace it if a later one fails.
  fs.writeFileSync(path.join(outdir, 'stacks', names[0], 'cdk.tf.json'), '{}');
  const last = path.join(outdir, 'stacks', names[names.length - 1]);
  fs.rmSync(last, { recursive: true });
  fs.writeFileSync(last, 'not a directory\n');
  const previous = snapshot(outdir);
  expect(() => synthConfigApp(model, outdir, EXAMPLE_DIR)).toThrow(/^cannot write .*\/stacks\/[a-z]+\/cdk\.tf\.json: ENOTDIR; nothing written, the previous output is whole$/);
  expect(snapshot(outdir)).toEqual(previous);
  expect(fs.readdirSync(outdir).sort()).toEqual(['manifest.json', 'stacks']);
});

/** A directory on another file system than the temporary directories (a rename cannot cross to it), if this machine has one. */
function otherFileSystem(): string | undefined {
  const here = fs.statSync(tempDir()).dev;
  for (const candidate of ['/dev/shm', '/run/shm']) {
    try {
      if (fs.statSync(candidate).dev !== here) return fs.mkdtempSync(path.join(candidate, 'okta-sso-test-'));
    } catch {
      // Not on this machine, or not writable.
    }
  }
  return undefined;
}

const elsewhere = otherFileSystem();
afterAll(() => elsewhere && fs.rmSync(elsewhere, { recursive: true, force: true }));

(elsewhere ? test : test.skip)('a stack directory on another file system (a rename cannot reach it): its files are copied beside the old ones, then renamed over them', () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  const expected = snapshot(outdir);
  // The stack directory moved to the other file system and linked back, with an old file to replace.
  const stackDir = path.join(outdir, 'stacks', names[1]);
  const moved = path.join(elsewhere!, names[1]);
  fs.cpSync(stackDir, moved, { recursive: true });
  fs.rmSync(stackDir, { recursive: true });
  fs.symlinkSync(moved, stackDir);
  fs.writeFileSync(path.join(moved, 'cdk.tf.json'), '{}');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  expect(fs.readdirSync(moved).sort()).toEqual(['cdk.tf.json', 'runbook.json', 'runbook.md']);
  for (const file of fs.readdirSync(moved)) {
    const at = `stacks/${names[1]}/${file}`;
    expect([at, fs.readFileSync(path.join(moved, file), 'utf8')]).toEqual([at, expected[at]]);
  }
  expect(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')).toBe(expected['manifest.json']);
  expect(fs.readdirSync(outdir).sort()).toEqual(['manifest.json', 'stacks']);
});

test("files a killed run placed in a stack directory are removed by the next run; a running process's are left alone", () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  const stackDir = path.join(outdir, 'stacks', names[0]);
  fs.writeFileSync(path.join(stackDir, `.okta-sso-next-${dead}-cdk.tf.json`), '{}');
  fs.writeFileSync(path.join(stackDir, `.okta-sso-next-${process.ppid}-cdk.tf.json`), '{}');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  expect(fs.readdirSync(stackDir).sort()).toEqual([`.okta-sso-next-${process.ppid}-cdk.tf.json`, 'cdk.tf.json', 'runbook.json', 'runbook.md']);
});

test("a link planted at the name a new file is placed under is replaced, not written through; a linked stack directory's files are not cleaned", () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  const victim = path.join(tempDir(), 'victim.md');
  fs.writeFileSync(victim, 'mine\n');
  fs.symlinkSync(victim, path.join(outdir, 'stacks', names[0], `.okta-sso-next-${process.pid}-runbook.md`));
  // A stack directory linked elsewhere, holding what looks like a dead run's file: not this run's to delete.
  const elsewhere = tempDir();
  for (const f of fs.readdirSync(path.join(outdir, 'stacks', names[1]))) fs.copyFileSync(path.join(outdir, 'stacks', names[1], f), path.join(elsewhere, f));
  fs.rmSync(path.join(outdir, 'stacks', names[1]), { recursive: true });
  fs.symlinkSync(elsewhere, path.join(outdir, 'stacks', names[1]));
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  fs.writeFileSync(path.join(elsewhere, `.okta-sso-next-${dead}-notes.md`), 'keep\n');
  synthConfigApp(model, outdir, EXAMPLE_DIR);
  expect(fs.readFileSync(victim, 'utf8')).toBe('mine\n');
  expect(fs.lstatSync(path.join(outdir, 'stacks', names[0], 'runbook.md')).isFile()).toBe(true);
  expect(fs.readFileSync(path.join(elsewhere, `.okta-sso-next-${dead}-notes.md`), 'utf8')).toBe('keep\n');
});
