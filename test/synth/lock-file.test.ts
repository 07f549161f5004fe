import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { synthToDisk } from '../../synth/synth';
import { EXAMPLE_DIR, tempDir } from '../helpers';

const model = loadConfig(EXAMPLE_DIR);
const LOCK = '.terraform.lock.hcl';
const LOCK_TEXT = '# This file is maintained automatically by "terraform init".\nprovider "registry.terraform.io/okta/okta" {\n  version = "6.12.0"\n}\n';

function synthInto(outdir: string, environments?: string[]): void {
  synthToDisk(model, { outdir, configDir: EXAMPLE_DIR, environments });
}

test("each stack's Terraform lock file is carried into the new output: the next init installs the provider versions already chosen", () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthInto(outdir);
  fs.writeFileSync(path.join(outdir, 'stacks', 'prod', LOCK), LOCK_TEXT);
  fs.mkdirSync(path.join(outdir, 'stacks', 'prod', '.terraform'));
  synthInto(outdir);
  expect(fs.readFileSync(path.join(outdir, 'stacks', 'prod', LOCK), 'utf8')).toBe(LOCK_TEXT);
  // What init installs goes with the old output, as the README says.
  expect(fs.existsSync(path.join(outdir, 'stacks', 'prod', '.terraform'))).toBe(false);
  expect(fs.existsSync(path.join(outdir, 'stacks', 'dev', LOCK))).toBe(false);
});

test('with --env, the lock files of the environments synthesized and of those kept are both carried', () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthInto(outdir);
  for (const env of ['dev', 'prod']) fs.writeFileSync(path.join(outdir, 'stacks', env, LOCK), `${LOCK_TEXT}# ${env}\n`);
  synthInto(outdir, ['dev']);
  for (const env of ['dev', 'prod']) expect(fs.readFileSync(path.join(outdir, 'stacks', env, LOCK), 'utf8')).toBe(`${LOCK_TEXT}# ${env}\n`);
});

test('a lock file that is a link, or far larger than any lock file, is not carried', () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthInto(outdir);
  const elsewhere = path.join(tempDir(), 'private.txt');
  fs.writeFileSync(elsewhere, 'not for the output\n');
  fs.symlinkSync(elsewhere, path.join(outdir, 'stacks', 'prod', LOCK));
  fs.writeFileSync(path.join(outdir, 'stacks', 'dev', LOCK), 'x'.repeat(2 * 1024 * 1024));
  synthInto(outdir);
  expect(fs.existsSync(path.join(outdir, 'stacks', 'prod', LOCK))).toBe(false);
  expect(fs.existsSync(path.join(outdir, 'stacks', 'dev', LOCK))).toBe(false);
  expect(fs.readFileSync(elsewhere, 'utf8')).toBe('not for the output\n');
});

test('a stack directory that is a link to another place, or a lock file that holds what Terraform never writes, is not carried', () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthInto(outdir);
  const real = fs.realpathSync(outdir);
  // A stack directory of the previous output replaced by a link to a directory elsewhere, holding a "lock file".
  const elsewhere = tempDir();
  fs.writeFileSync(path.join(elsewhere, LOCK), LOCK_TEXT);
  for (const f of fs.readdirSync(path.join(real, 'stacks', 'prod'))) fs.copyFileSync(path.join(real, 'stacks', 'prod', f), path.join(elsewhere, f));
  fs.rmSync(path.join(real, 'stacks', 'prod'), { recursive: true });
  fs.symlinkSync(elsewhere, path.join(real, 'stacks', 'prod'));
  fs.writeFileSync(path.join(real, 'stacks', 'dev', LOCK), `${LOCK_TEXT}token = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"\n`);
  synthInto(outdir);
  expect(fs.existsSync(path.join(outdir, 'stacks', 'prod', LOCK))).toBe(false);
  expect(fs.existsSync(path.join(outdir, 'stacks', 'dev', LOCK))).toBe(false);
});

test('a lock file as terraform init writes it, hashes and all, is carried', () => {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthInto(outdir);
  const written = `${LOCK_TEXT.replace('}\n', '')}  constraints = ">= 6.6.0, != 6.14.0, < 8.0.0"\n  hashes = [\n    "h1:AbCdEf0123456789+/AbCdEf0123456789AbCdEf0123=",\n    "zh:0123456789abcdef0123456789abcdef",\n  ]\n}\n`;
  fs.writeFileSync(path.join(outdir, 'stacks', 'dev', LOCK), written);
  synthInto(outdir);
  expect(fs.readFileSync(path.join(outdir, 'stacks', 'dev', LOCK), 'utf8')).toBe(written);
});
