/**
 * The cdktf app: `npm run synth`, and `cdktf synth|diff|deploy` through cdktf.json.
 * Reads the config dir named by OKTA_SSO_CONFIG (default: examples/acme).
 */
import { loadConfig } from './config/load-config';
import { ConfigError } from './config/problems';
import { PolicyErrors } from './rules/policy-checks';
import { OutputDirError, markOutput } from './synth/output-dir';
import { buildApp, synthConfigApp, synthToDisk } from './synth/synth';

const configDir = process.env.OKTA_SSO_CONFIG ?? 'examples/acme';

try {
  const model = loadConfig(configDir);
  if (process.env.CDKTF_OUTDIR) {
    // Run by the cdktf CLI, which owns the output directory.
    synthConfigApp(buildApp(model, process.env.CDKTF_OUTDIR, configDir)).forEach((w) => process.stderr.write(`${w}\n`));
    // So that a later `okta-sso synth` knows this directory as its own output and may replace it.
    markOutput(process.env.CDKTF_OUTDIR);
  } else {
    const outdir = process.env.OKTA_SSO_OUT ?? 'cdktf.out';
    const stacks = synthToDisk(model, { outdir, configDir, onWarning: (w) => process.stderr.write(`${w}\n`) });
    process.stdout.write(`synthesized ${stacks.length} stack(s) from ${configDir} into ${outdir}: ${stacks.join(', ')}\n`);
  }
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError || err instanceof PolicyErrors || err instanceof OutputDirError ? err.message : (err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
}
