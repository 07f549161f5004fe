import { App } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { OrgModel } from '../model/types';
import { writeRunbooks } from '../runbook/write';
import { OktaEnvironmentStack } from '../stacks/okta-environment-stack';

export interface SynthOptions {
  /** Output directory, e.g. `cdktf.out`. */
  readonly outdir: string;
  /**
   * Project root that local state paths are relative to.
   * @default - the current working directory
   */
  readonly projectRoot?: string;
}

/**
 * Builds the cdktf app for a model: one stack per environment, nothing written.
 * `layoutOutdir` is where the output will finally live (local state paths are
 * computed from it), when it differs from the directory synthesized into.
 */
export function buildApp(model: OrgModel, outdir: string, projectRoot: string = process.cwd(), layoutOutdir: string = outdir): App {
  const app = new App({ outdir, skipValidation: false });
  for (const environment of model.environments) {
    const stackDir = path.resolve(layoutOutdir, 'stacks', environment.name);
    const projectRootFromStackDir = path.relative(stackDir, path.resolve(projectRoot)).split(path.sep).join('/') || '.';
    new OktaEnvironmentStack(app, environment.name, { environment, projectRootFromStackDir });
  }
  return app;
}

/**
 * Synthesizes into a fresh sibling directory and swaps it into place only when
 * synth succeeded, so a failure never leaves a partial `outdir` behind.
 * Returns the synthesized stack files, relative to `outdir`.
 */
export function synthToDisk(model: OrgModel, options: SynthOptions): string[] {
  const outdir = path.resolve(options.outdir);
  const staging = `${outdir}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    buildApp(model, staging, options.projectRoot, outdir).synth();
    writeRunbooks(model, staging);
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.renameSync(staging, outdir);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return model.environments.map((e) => `stacks/${e.name}/cdk.tf.json`);
}
