import { AnnotationMetadataEntryType, TerraformStack } from 'cdktf';
import * as path from 'path';
import { ConfigProblem, formatProblem } from '../config/problems';
import { RUNBOOK_MD } from '../runbook/write';

/**
 * What the cdktf CLI prints after `cdktf synth|diff|deploy` has run this app from a config
 * directory: every warning, located in config, and where each stack's runbook is. The CLI prints
 * the stacks' annotations (`WARN [dev]: ...`) once the app is done; what the app writes to
 * stderr meanwhile it logs as an error, and in a terminal its progress display draws over it.
 * A warning about no one stack (several environments share its line) goes on the first
 * environment's. Added as metadata without stack traces: manifest.json keeps
 * annotations, and traces hold machine paths.
 */
export function noteForCdktfCli(stack: TerraformStack, environments: readonly string[], outdir: string, warnings: readonly ConfigProblem[]): void {
  const name = stack.node.id;
  for (const w of warnings) {
    const on = w.environment !== undefined && environments.includes(w.environment) ? w.environment : environments[0];
    if (on === name) stack.node.addMetadata(AnnotationMetadataEntryType.WARN, formatProblem(w));
  }
  const runbook = path.relative(process.cwd(), path.resolve(outdir, 'stacks', name, RUNBOOK_MD)).split(path.sep).join('/');
  stack.node.addMetadata(AnnotationMetadataEntryType.INFO, `runbook (the admin steps Terraform cannot apply, with their values): ${runbook}`);
}
