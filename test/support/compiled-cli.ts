/**
 * The CLI compiled from the current source into a temporary directory, for
 * tests that must run it as a separate process (to kill it, or to run two at
 * once). Compiled with the project's own tsconfig; the schema, package.json and
 * node_modules are linked beside it, as they sit beside dist/ in a checkout.
 */
import * as fs from 'fs';
import * as path from 'path';
import { childEnv, run } from './packed-example';

const PROJECT_DIR = path.join(__dirname, '..', '..');

/** Compiles the project into `dir` and returns the path of the CLI's entry point (run it with `node`). */
export async function compileCli(dir: string): Promise<string> {
  const r = await run('npx', ['tsc', '-p', 'tsconfig.json', '--outDir', path.join(dir, 'dist')], { cwd: PROJECT_DIR, env: childEnv(), timeoutMs: 180_000 });
  const bin = path.join(dir, 'dist', 'bin', 'okta-sso.js');
  if (!fs.existsSync(bin)) throw new Error(`tsc did not emit ${bin}\n${r.stdout}\n${r.stderr}`);
  for (const entry of ['schema', 'package.json', 'node_modules']) fs.symlinkSync(path.join(PROJECT_DIR, entry), path.join(dir, entry));
  return bin;
}
