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
