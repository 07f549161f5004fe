import * as fs from 'fs';
import * as path from 'path';
import { parseJsonText } from '../model/json-text';
import { embeddedSecretKind, redactSecrets } from '../model/secret-literals';
import { showValue } from '../model/show-value';
import { runbookShapeProblems, tfJsonShapeProblems } from './synth-shape';

export { isObject } from './synth-shape';

/** Bad review input: missing or non-synth directories, malformed JSON, mismatched stacks. */
export class ReviewInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ReviewInputError';
  }
}

/** One step of runbook.json (contract with the runbook writer); only fields the review reads. */
export interface RunbookStep {
  readonly id: string;
  readonly integration?: string;
  readonly title?: string;
  readonly why?: string;
  readonly actions?: readonly unknown[];
  readonly values?: Readonly<Record<string, unknown>>;
  readonly terraformOutput?: string;
  /**
   * The step only checks what Terraform applied (the "Open <app> in the Okta Admin Console" step):
   * no manual work. Absent in runbooks written before the field existed, where no step is recognised as check-only.
   */
  readonly checkOnly?: boolean;
}

/** The files of one synthesized stack, parsed once. */
export interface StackFiles {
  readonly name: string;
  readonly tf: Readonly<Record<string, any>>;
  readonly steps?: readonly RunbookStep[];
}

const NOT_SYNTH = 'accepted: a synth output directory (e.g. cdktf.out) holding stacks/<environment>/cdk.tf.json, as written by `okta-sso synth`';

/** Reads every stack of a synth output dir; all problems are reported together. */
export function readSynthDir(dir: string, side: string): { stacks: Map<string, StackFiles>; problems: string[] } {
  const problems: string[] = [];
  const stacks = new Map<string, StackFiles>();
  if (!fs.existsSync(dir)) {
    const target = linkTarget(dir);
    // `cp -r cdktf.out base` copies the link to the output's versioned directory, which the next synth replaces.
    if (target !== undefined) return { stacks, problems: [`${side} ${dir} is a link to ${shownName(target)}, which no longer exists (a later synth replaced that output); copy an output to keep with \`cp -rL\`, which copies what the link leads to; ${NOT_SYNTH}`] };
    return { stacks, problems: [`${side} directory ${dir} not found; ${NOT_SYNTH}`] };
  }
  if (!fs.statSync(dir).isDirectory()) return { stacks, problems: [`${side} ${dir} is not a directory; ${NOT_SYNTH}`] };
  const stacksDir = path.join(dir, 'stacks');
  let names: string[];
  try {
    names = fs.existsSync(stacksDir) && fs.statSync(stacksDir).isDirectory() ? fs.readdirSync(stacksDir).filter((n) => fs.existsSync(path.join(stacksDir, n, 'cdk.tf.json'))).sort() : [];
  } catch (err) {
    return { stacks, problems: [`${side} ${display(stacksDir)} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); ${NOT_SYNTH}`] };
  }
  if (names.length === 0) return { stacks, problems: [`${side} ${dir} is not a synth output directory: no stacks/<environment>/cdk.tf.json in it; ${NOT_SYNTH}`] };
  // A stack's name goes into every heading and table of the report: one that is not a name could rewrite the comment around it.
  const unnamed = names.filter((n) => !STACK_NAME.test(n) || embeddedSecretKind(n) !== undefined);
  if (unnamed.length) {
    return {
      stacks,
      problems: unnamed.map((n) => `${side} ${display(stacksDir)} holds a stack directory named ${embeddedSecretKind(n) ? 'like a secret (name not shown)' : shownName(n)}, which no synth writes; accepted: stack names of letters, digits, _, - and .`),
    };
  }
  for (const name of names) {
    const tfFile = path.join(stacksDir, name, 'cdk.tf.json');
    const tf = readShaped(tfFile, tfJsonShapeProblems, problems);
    const runbookFile = path.join(stacksDir, name, 'runbook.json');
    const runbook = fs.existsSync(runbookFile) ? readShaped(runbookFile, runbookShapeProblems, problems) : undefined;
    if (tf !== undefined) stacks.set(name, { name, tf, steps: runbook?.steps });
  }
  return { stacks, problems };
}

/** A file's JSON when it parses and has the shape `shapeProblems` checks, else undefined with the problems recorded. */
function readShaped(file: string, shapeProblems: (value: unknown) => string[], problems: string[]): any {
  const value = readJson(file, problems);
  const wrong = value === undefined ? [] : shapeProblems(value);
  problems.push(...wrong.map((p) => `${display(file)}: ${p}`));
  return wrong.length === 0 ? value : undefined;
}

function readJson(file: string, problems: string[]): any {
  let text: string;
  try {
    // A FIFO or a device would block the read forever.
    if (!fs.statSync(file).isFile()) {
      problems.push(`${display(file)}: not a regular file; ${NOT_SYNTH}`);
      return undefined;
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    problems.push(`${display(file)}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); ${NOT_SYNTH}`);
    return undefined;
  }
  const parsed = parseJsonText(text);
  // The file may hold a secret: the problem gives only the position.
  if (!parsed.ok) problems.push(`${display(file)}: malformed JSON: ${parsed.problem}`);
  return parsed.ok ? parsed.value : undefined;
}

function display(file: string): string {
  return file.split(path.sep).join('/');
}

/** A stack name as cdktf writes one: a construct id, which names its directory. */
const STACK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;

/** A name read from the file system, as a message shows it: quoted, control characters escaped, a secret in it hidden. */
function shownName(name: string): string {
  return showValue(redactSecrets(name, []));
}

/** Where `file` leads when it is a symbolic link, else undefined. */
function linkTarget(file: string): string | undefined {
  try {
    return fs.readlinkSync(file);
  } catch {
    return undefined;
  }
}
