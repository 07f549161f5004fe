import { Command } from 'commander';
import * as path from 'path';
import { formatProblemList, problemCount, sortProblems } from '../config/problems';
import { CONFIG_OPTION_HELP, configDirOf } from './config-option';
import type { EnvironmentModel } from '../model/types';
import type { PolicyFailure } from '../rules/policy-checks';
import { locatePolicyFindings } from './check-config';
import { CliIo } from './io';
import { SYNTH_DOES_NOT_FAIL, warningList } from './warning-list';

export function registerSynth(program: Command, io: CliIo): void {
  program
    .command('synth')
    .description('synthesize one Terraform stack per environment; writes nothing if the config has any problem')
    .option('-c, --config <dir>', CONFIG_OPTION_HELP)
    .option('-o, --out <dir>', 'output directory', 'cdktf.out')
    .option('-e, --env <name>', 'synthesize only this environment (repeat for more); the others keep their previous output in --out', (name: string, names: string[] = []) => [...names, name])
    .action(async (opts: { config?: string; out: string; env?: string[] }) => {
      // Loaded on use: cdktf and the provider bindings take ~0.2 s, which other commands (review) should not pay.
      const { readConfig } = require('../config/load-config') as typeof import('../config/load-config');
      const dir = configDirOf(opts.config);
      const { model, problems, locate, warnings: configWarnings } = readConfig(dir);
      if (!model) {
        io.err(`${dir}: ${problemCount(problems.length)}; nothing written\n${formatProblemList(problems)}\n`);
        io.exit(1);
        return;
      }
      const environments = opts.env ? [...new Set(opts.env)] : undefined;
      // Imported after reading the config: cdktf and the provider bindings take ~0.2 s, which a config with problems need not pay.
      const { EnvironmentSelectionError, policyErrorsOf, selectEnvironments, synthToDisk } = await import('../synth/synth');
      const { PolicyErrors } = await import('../rules/policy-checks');
      const { OutputDirError } = await import('../synth/output-dir');
      const { keepHeapNearLive } = await import('../synth/heap-growth');
      const { modelPolicyFindings } = await import('../rules/model-policy');
      let stacks: string[];
      let selected: readonly EnvironmentModel[];
      const warnings: string[] = [];
      const policyWarnings: PolicyFailure[] = [];
      try {
        selected = selectEnvironments(model, environments);
        // The policy rules on the model first, as validate runs them: an error is reported at once, before any stack is built or the
        // output locked (a concurrent synth into the same --out would make it wait). Synth checks every stack again as it builds it.
        const errors = modelPolicyFindings({ environments: selected }).errors;
        if (errors.length) throw policyErrorsOf(errors);
        // A large organisation's synth keeps its memory near its live data (synth/heap-growth.ts).
        keepHeapNearLive(selected);
        stacks = synthToDisk(model, { outdir: opts.out, configDir: dir, environments, onWarning: (w) => warnings.push(w), onPolicyWarning: (w) => policyWarnings.push(w) });
      } catch (err) {
        if (err instanceof EnvironmentSelectionError) {
          io.err(`okta-sso synth: --env: ${err.message}\n`);
          io.exit(2);
          return;
        }
        if (err instanceof OutputDirError) {
          io.err(`okta-sso synth: ${err.message}\n`);
          io.exit(1);
          return;
        }
        if (!(err instanceof PolicyErrors)) throw err;
        // Every environment's policy errors, each at the integration's config, as validate reports them.
        const found = sortProblems(
          err.failures.map((f) => ({ ...(f.key !== undefined ? locate(f.stack, f.key, f.props) : { file: dir, path: '' }), message: `in environment ${JSON.stringify(f.stack)}: ${f.message}` })),
        );
        io.err(`${dir}: ${problemCount(found.length, 'policy error')}; nothing written\n${formatProblemList(found)}\n`);
        io.exit(1);
        return;
      }
      // Located in config as validate prints them. A stack's own warnings (key-less) are about its providerVersion, which the
      // config loader has already located among configWarnings.
      // An environment not synthesized now has nothing written anyway: its config warnings wait for its own synth.
      const written = configWarnings.filter((w) => w.environment === undefined || selected.some((e) => e.name === w.environment));
      const located = sortProblems([...written, ...locatePolicyFindings(locate, policyWarnings.filter((w) => w.key !== undefined))]);
      io.err(warningList(located, SYNTH_DOES_NOT_FAIL));
      if (warnings.length) io.err(`${warnings.join('\n')}\n`);
      const kept = model.environments.filter((e) => !selected.includes(e)).map((e) => `  stacks/${e.name}/cdk.tf.json`);
      io.out(`synthesized ${stacks.length} stack(s) from ${dir} into ${opts.out}:\n${stacks.map((s) => `  ${s}`).join('\n')}\n`);
      // Where the admin's work is: each stack's runbook, beside its cdk.tf.json (synth has loaded the runbook writer already).
      const { RUNBOOK_MD } = require('../runbook/write') as typeof import('../runbook/write');
      io.out(`runbooks (the admin steps Terraform cannot apply):\n${stacks.map((s) => `  ${path.posix.join(path.posix.dirname(s), RUNBOOK_MD)}`).join('\n')}\n`);
      if (kept.length) io.out(`kept the previous output of ${kept.length} stack(s), not synthesized now:\n${kept.join('\n')}\n`);
    });
}
