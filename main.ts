/**
 * The cdktf app: `npm run synth`, and `cdktf synth|diff|deploy` through cdktf.json.
 * Reads the config dir named by OKTA_SSO_CONFIG (default: examples/acme).
 */
import { checkConfig } from './cli/check-config';
import { SYNTH_DOES_NOT_FAIL, warningList } from './cli/warning-list';
import { ConfigProblem, formatProblemList, problemCount } from './config/problems';
import { OrgModel } from './model/types';
import { PolicyErrors } from './rules/policy-checks';
import { noteForCdktfCli } from './synth/cdktf-cli-notes';
import { keepHeapNearLive } from './synth/heap-growth';
import { OutputDirError, markOutputIfOnlySynths } from './synth/output-dir';
import { synthConfigApp, synthToDisk } from './synth/synth';

// Empty counts as unset (a CI variable that expands to nothing), as for the okta-sso CLI.
const configDir = process.env.OKTA_SSO_CONFIG || 'examples/acme';

try {
  // What validate checks, so that every problem is located in config (policy errors too), and every warning.
  const { model, problems, warnings } = checkConfig(configDir);
  if (!model) {
    process.stderr.write(`${configDir}: ${problemCount(problems.length)}; nothing written\n${formatProblemList(problems)}\n`);
    process.exitCode = 1;
  } else {
    // A large organisation's synth keeps its memory near its live data (synth/heap-growth.ts).
    keepHeapNearLive(model.environments);
    if (process.env.CDKTF_OUTDIR) synthForCdktfCli(model, process.env.CDKTF_OUTDIR, warnings);
    else synthIntoOutput(model, warnings);
  }
} catch (err) {
  // One message, as the okta-sso CLI prints one: never a stack trace (a file system error names its path and code).
  process.stderr.write(`${err instanceof PolicyErrors || err instanceof OutputDirError ? err.message : `okta-sso: ${(err as Error).message ?? String(err)}`}\n`);
  process.exitCode = 1;
}

/** Run by the cdktf CLI, which owns the output directory and prints the stacks' annotations: the warnings go there. */
function synthForCdktfCli(model: OrgModel, outdir: string, warnings: readonly ConfigProblem[]): void {
  const environments = model.environments.map((e) => e.name);
  synthConfigApp(model, outdir, configDir, (stack) => noteForCdktfCli(stack, environments, outdir, warnings));
  // So that a later `okta-sso synth` knows this directory as its own output and may replace it: only when it holds nothing else.
  markOutputIfOnlySynths(outdir, environments);
}

function synthIntoOutput(model: OrgModel, warnings: readonly ConfigProblem[]): void {
  const outdir = process.env.OKTA_SSO_OUT ?? 'cdktf.out';
  // checkConfig's warnings are the policy warnings located in config: synth's own copies of them are not printed again.
  const stacks = synthToDisk(model, { outdir, configDir, onWarning: (w) => process.stderr.write(`${w}\n`), onPolicyWarning: () => undefined });
  process.stderr.write(warningList(warnings, SYNTH_DOES_NOT_FAIL));
  process.stdout.write(`synthesized ${stacks.length} stack(s) from ${configDir} into ${outdir}: ${stacks.join(', ')}\n`);
}
