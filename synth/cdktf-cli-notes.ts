import { AnnotationMetadataEntryType, App, TerraformStack } from 'cdktf';
import * as path from 'path';
import { ConfigProblem, formatProblem } from '../config/problems';
import { RUNBOOK_MD } from '../runbook/write';

/**
 * What the cdktf CLI prints after `cdktf synth|diff|deploy` has run this app from a config
 * directory: every warning, located in config, and where each stack's runbook is. The CLI prints
 * the stacks' annotations (`WARN [dev]: ...`) once the app is done; what the app writes to
 * stderr meanwhile it logs as an error, and in a terminal its progress display draws over it.
 * A warning about no one stack (several environments share its line) goes on the first.
 * Added as metadata without stack traces: manifest.json keeps annotations, and traces hold
 * machine paths.
 */
export function noteForCdktfCli(app: App, outdir: string, warnings: readonly ConfigProblem[]): void {
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  for (const w of warnings) {
    const stack = stacks.find((s) => s.node.id === w.environment) ?? stacks[0];
    stack?.node.addMetadata(AnnotationMetadataEntryType.WARN, formatProblem(w));
  }
  for (const stack of stacks) {
    const runbook = path.relative(process.cwd(), path.resolve(outdir, 'stacks', stack.node.id, RUNBOOK_MD)).split(path.sep).join('/');
    stack.node.addMetadata(AnnotationMetadataEntryType.INFO, `runbook (the admin steps Terraform cannot apply, with their values): ${runbook}`);
  }
}
