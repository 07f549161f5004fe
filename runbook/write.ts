import * as fs from 'fs';
import * as path from 'path';
import { IntegrationModel } from '../model/types';
import { RunbookApp } from './okta-app';
import { RunbookJson } from './render-json';
import { RunbookMarkdown } from './render-markdown';
import { runbookStepsOf } from './steps';
import { RunbookStep } from './types';

/** File names next to each stack's cdk.tf.json. */
export const RUNBOOK_MD = 'runbook.md';
export const RUNBOOK_JSON = 'runbook.json';

/**
 * Writes runbook.md and runbook.json of one environment into `dir`, integration
 * by integration (in the order given): a large runbook is never held whole in
 * memory, which would add to synth's peak. `finish` may rewrite each step
 * (e.g. resolve Terraform tokens) before it is written; `appOf` gives an
 * integration's Okta app as Terraform applies it, when code changed it past the props.
 */
export function writeRunbookFiles(
  dir: string,
  environment: string,
  integrations: readonly IntegrationModel[],
  finish: (step: RunbookStep) => RunbookStep = (s) => s,
  appOf: (integration: IntegrationModel) => RunbookApp | undefined = () => undefined,
): void {
  const md = fs.openSync(path.join(dir, RUNBOOK_MD), 'w');
  const json = fs.openSync(path.join(dir, RUNBOOK_JSON), 'w');
  try {
    const mdOut = new RunbookMarkdown();
    const jsonOut = new RunbookJson();
    fs.writeSync(md, mdOut.begin(environment));
    fs.writeSync(json, jsonOut.begin(environment));
    const env = { name: environment, integrations };
    for (const integration of integrations) {
      let mdChunk = '';
      let jsonChunk = '';
      for (const step of runbookStepsOf(env, integration, appOf(integration))) {
        const finished = finish(step);
        mdChunk += mdOut.step(finished);
        jsonChunk += jsonOut.step(finished);
      }
      if (mdChunk) fs.writeSync(md, mdChunk);
      if (jsonChunk) fs.writeSync(json, jsonChunk);
    }
    fs.writeSync(md, mdOut.end());
    fs.writeSync(json, jsonOut.end());
  } finally {
    fs.closeSync(md);
    fs.closeSync(json);
  }
}
