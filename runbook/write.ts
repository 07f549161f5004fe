import * as fs from 'fs';
import * as path from 'path';
import { OrgModel } from '../model/types';
import { renderRunbookJson } from './render-json';
import { renderRunbookMarkdown } from './render-markdown';
import { environmentRunbook } from './steps';

/** File names next to each stack's cdk.tf.json. */
export const RUNBOOK_MD = 'runbook.md';
export const RUNBOOK_JSON = 'runbook.json';

/**
 * Writes runbook.md and runbook.json into `<outdir>/stacks/<env>/` for every
 * environment. `outdir` is synth's staging directory, so a failure leaves nothing.
 */
export function writeRunbooks(model: OrgModel, outdir: string): string[] {
  const written: string[] = [];
  for (const env of model.environments) {
    const dir = path.join(outdir, 'stacks', env.name);
    fs.mkdirSync(dir, { recursive: true });
    const runbook = environmentRunbook(env);
    fs.writeFileSync(path.join(dir, RUNBOOK_MD), renderRunbookMarkdown(runbook));
    fs.writeFileSync(path.join(dir, RUNBOOK_JSON), renderRunbookJson(runbook));
    written.push(`stacks/${env.name}/${RUNBOOK_MD}`, `stacks/${env.name}/${RUNBOOK_JSON}`);
  }
  return written;
}
