import * as fs from 'fs';
import * as path from 'path';

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
  if (!fs.existsSync(dir)) return { stacks, problems: [`${side} directory ${dir} not found; ${NOT_SYNTH}`] };
  if (!fs.statSync(dir).isDirectory()) return { stacks, problems: [`${side} ${dir} is not a directory; ${NOT_SYNTH}`] };
  const stacksDir = path.join(dir, 'stacks');
  const names = fs.existsSync(stacksDir) && fs.statSync(stacksDir).isDirectory()
    ? fs.readdirSync(stacksDir).filter((n) => fs.existsSync(path.join(stacksDir, n, 'cdk.tf.json'))).sort()
    : [];
  if (names.length === 0) return { stacks, problems: [`${side} ${dir} is not a synth output directory: no stacks/<environment>/cdk.tf.json in it; ${NOT_SYNTH}`] };
  for (const name of names) {
    const tfFile = path.join(stacksDir, name, 'cdk.tf.json');
    const tf = readJson(tfFile, problems);
    if (tf === undefined) continue;
    if (!isObject(tf)) {
      problems.push(`${display(tfFile)}: not a Terraform JSON configuration (the top level is not an object)`);
      continue;
    }
    let steps: RunbookStep[] | undefined;
    const runbookFile = path.join(stacksDir, name, 'runbook.json');
    if (fs.existsSync(runbookFile)) {
      const runbook = readJson(runbookFile, problems);
      if (runbook !== undefined) {
        if (!isObject(runbook) || !Array.isArray(runbook.steps) || !runbook.steps.every((s: unknown) => isObject(s) && typeof (s as any).id === 'string')) {
          problems.push(`${display(runbookFile)}: not a runbook: accepted: {"environment": ..., "steps": [{"id": "...", ...}]}`);
        } else {
          steps = runbook.steps as RunbookStep[];
        }
      }
    }
    stacks.set(name, { name, tf, steps });
  }
  return { stacks, problems };
}

function readJson(file: string, problems: string[]): any {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    // Node quotes part of the text in some messages; the file may hold a secret, so keep only the position.
    const message = (err as Error).message.split('\n')[0].replace(/,? ?"[^]*" is not valid JSON/, ' (not valid JSON)');
    problems.push(`${display(file)}: malformed JSON: ${message}`);
    return undefined;
  }
}

function display(file: string): string {
  return file.split(path.sep).join('/');
}

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
