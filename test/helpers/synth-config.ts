import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { synthToDisk } from '../../synth/synth';
import { tempDir } from './config-dir';

export interface SynthResult {
  readonly outdir: string;
  readonly stack: any;
  readonly runbook: { environment: string; steps: Array<{ id: string; integration: string; title: string; why: string; actions: string[]; values: Record<string, string>; terraformOutput?: string }> };
  readonly runbookMd: string;
}

/** Loads a config dir and synthesizes it to a temp dir; returns env `env`'s files, parsed. */
export function synthConfig(dir: string, env = 'dev'): SynthResult {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthToDisk(loadConfig(dir), { outdir, projectRoot: path.dirname(outdir) });
  const stackDir = path.join(outdir, 'stacks', env);
  return {
    outdir,
    stack: JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')),
    runbook: JSON.parse(fs.readFileSync(path.join(stackDir, 'runbook.json'), 'utf8')),
    runbookMd: fs.readFileSync(path.join(stackDir, 'runbook.md'), 'utf8'),
  };
}

/** Resource addresses (`type.name`) in a synthesized stack. */
export function addresses(stack: any): string[] {
  return Object.entries(stack.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName as object).map((n) => `${type}.${n}`)).sort();
}
