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
