import { App } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { OrgModel } from '../model/types';
import { PolicyError, PolicyErrors } from '../rules/policy-checks';
import { writeRunbooks } from '../runbook/write';
import { OktaEnvironmentStack } from '../stacks/okta-environment-stack';

export interface SynthOptions {
  /** Output directory, e.g. `cdktf.out`. */
  readonly outdir: string;
  /**
   * The config directory: local state paths in config are relative to it, so the
   * synthesized path does not depend on the directory synth runs from.
   */
  readonly configDir: string;
  /**
   * Called with each policy warning (`<env>: warning: ...`) once the output is in place.
   * @default - warnings are only recorded in cdk.tf.json
   */
  readonly onWarning?: (line: string) => void;
}

/**
 * Builds the cdktf app for a model: one stack per environment, nothing written.
 * `layoutOutdir` is where the output will finally live (local state paths are
 * computed from it), when it differs from the directory synthesized into.
 */
export function buildApp(model: OrgModel, outdir: string, configDir: string, layoutOutdir: string = outdir, policyErrors?: PolicyError[]): App {
  const app = new App({ outdir, skipValidation: false });
  for (const environment of model.environments) {
    const stackDir = path.resolve(layoutOutdir, 'stacks', environment.name);
    const configDirFromStackDir = path.relative(stackDir, path.resolve(configDir)).split(path.sep).join('/') || '.';
    new OktaEnvironmentStack(app, environment.name, { environment, configDirFromStackDir, policyErrors });
  }
  return app;
}

/** Why synth must not replace `outdir`, or undefined when it is safe to. */
export function unsafeOutdirReason(outdir: string, configDir: string, model: OrgModel): string | undefined {
  const out = path.resolve(outdir);
  const inside = (child: string) => {
    const rel = path.relative(out, path.resolve(child));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  if (inside(process.cwd())) return `--out ${outdir} contains the current directory; synth replaces the whole output directory`;
  if (inside(configDir)) return `--out ${outdir} contains the config directory ${configDir}`;
  for (const env of model.environments) {
    if (env.backend.type === 'local' && inside(path.resolve(configDir, env.backend.path))) {
      return `--out ${outdir} would contain the local state file of environment ${JSON.stringify(env.name)} (${env.backend.path}); state must live outside the synth output`;
    }
  }
  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory()) return `--out ${outdir} exists and is not a directory`;
    const entries = fs.readdirSync(out);
    if (entries.length > 0 && !entries.includes('manifest.json')) {
      return `--out ${outdir} exists and is not a synth output directory (no manifest.json); choose an empty or new directory`;
    }
  }
  return undefined;
}

/**
 * Synthesizes into a fresh sibling directory and swaps it into place only when
 * synth succeeded, so a failure never leaves a partial `outdir` behind.
 * Returns the synthesized stack files, relative to `outdir`.
 */
export function synthToDisk(model: OrgModel, options: SynthOptions): string[] {
  const unsafe = unsafeOutdirReason(options.outdir, options.configDir, model);
  if (unsafe) throw new Error(`${unsafe}; nothing written`);
  const outdir = path.resolve(options.outdir);
  const staging = `${outdir}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  const warnings: string[] = [];
  try {
    // Runbooks come from the model alone; written first, while the heap is small, so
    // their garbage is collected as the app grows instead of adding to synth's peak memory.
    writeRunbooks(model, staging);
    // Every stack's policy errors are collected, so one run reports all environments.
    const policyErrors: PolicyError[] = [];
    const app = buildApp(model, staging, options.configDir, outdir, policyErrors);
    app.synth();
    if (policyErrors.length) throw new PolicyErrors(policyErrors);
    // Warnings as the stacks recorded them while synthesizing: no second read of the output.
    for (const stack of app.node.children) if (stack instanceof OktaEnvironmentStack) warnings.push(...stack.policyWarnings);
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.renameSync(staging, outdir);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  warnings.forEach((w) => options.onWarning?.(w));
  return model.environments.map((e) => `stacks/${e.name}/cdk.tf.json`);
}
