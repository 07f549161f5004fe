import * as fs from 'fs';
import * as path from 'path';

/** The synth output's default name, as `okta-sso synth` and `cdktf synth` write it. */
export const DEFAULT_OUT = 'cdktf.out';

/** How idp-record finds a stack, for --help and for the message when there is none. */
export const STACK_DIR_HELP =
  'The stack directory is <out>/stacks/<env>. Without --out, <out> is found from the current directory: ' +
  'a stack directory (cdktf.out/stacks/<name>) is inside it, a synth output directory (holding manifest.json and stacks/) is it, ' +
  `else ./${DEFAULT_OUT}.`;

const isFile = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true;
const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;

/**
 * Where `terraform output` runs for environment `env`, relative to `cwd`. Run
 * from inside a synth output (`cdktf.out`, or one of its stacks) idp-record
 * looks there, as terraform does, instead of for a `cdktf.out` below it.
 */
export function stackDirOf(env: string, out: string | undefined, cwd = '.'): string {
  const dir = stackDirByStackId(env, out, cwd);
  if (recordedEnvironment(path.resolve(cwd, dir)) === env) return dir;
  // The stack whose runbook records the environment, whatever its directory's name (SsoEnvironment.configure names it), else the directory.
  const stacks = path.join(dir, '..');
  const named = stackNamed(path.resolve(cwd, stacks), env);
  return named === undefined ? dir : path.join(stacks, named);
}

/** The stack directory of `stacksDir` whose runbook.json records environment `env`, when exactly one does. */
function stackNamed(stacksDir: string, env: string): string | undefined {
  if (!isDir(stacksDir)) return undefined;
  const found = fs.readdirSync(stacksDir).filter((name) => recordedEnvironment(path.join(stacksDir, name)) === env);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The environment a stack's runbook.json records, undefined without one (not a stack of this tool). Read from the file's
 * start, where synth writes it: a large organisation's runbook is megabytes.
 */
function recordedEnvironment(stackDir: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path.join(stackDir, 'runbook.json'), 'r');
    const head = Buffer.alloc(4096);
    const text = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)).toString('utf8');
    const quoted = /^\{\s*"environment":\s*("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
    return quoted === undefined ? undefined : (JSON.parse(quoted) as string);
  } catch {
    // Not a stack of this tool, or not readable: not the one.
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function stackDirByStackId(env: string, out: string | undefined, cwd: string): string {
  if (out !== undefined) return path.join(out, 'stacks', env);
  const here = path.resolve(cwd);
  // A stack: cdk.tf.json in a directory whose parent is `stacks`; another environment's stack is its sibling.
  if (isFile(path.join(here, 'cdk.tf.json')) && path.basename(path.dirname(here)) === 'stacks') {
    return path.basename(here) === env ? '.' : path.join('..', env);
  }
  // A synth output; cdktf writes manifest.json at its top (a source tree's own stacks/ folder has none).
  if (isFile(path.join(here, 'manifest.json')) && isDir(path.join(here, 'stacks'))) return path.join('stacks', env);
  return path.join(DEFAULT_OUT, 'stacks', env);
}
