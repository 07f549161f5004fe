import { Command } from 'commander';
import { ConfigProblem, formatProblem, sortProblems } from '../config/problems';
import { CONFIG_OPTION_HELP, configDirOf } from './config-option';
import { CliIo } from './io';

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a config directory (schema, SP preset rules, secrets, policy rules) without writing anything')
    .option('-c, --config <dir>', CONFIG_OPTION_HELP)
    .action((opts: { config?: string }) => {
      // Loaded on use (ajv, presets): other commands (review) should not pay for it.
      const { readConfig } = require('../config/load-config') as typeof import('../config/load-config');
      const dir = configDirOf(opts.config);
      const { model, problems, locate } = readConfig(dir);
      const fail = (found: readonly ConfigProblem[]) => {
        io.err(`${dir}: ${found.length} problem${found.length === 1 ? '' : 's'}\n${found.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
        io.exit(1);
      };
      if (!model) return fail(problems);
      // The policy rules, on the okta_app_saml arguments synth would write, in every environment.
      const { modelPolicyFailures } = require('../rules/model-policy') as typeof import('../rules/model-policy');
      const { ruleFields } = require('../rules/rule-fields') as typeof import('../rules/rule-fields');
      const policy = modelPolicyFailures(model).map((f) => ({ ...locate!(f.stack, f.key, ruleFields(f.rule)), message: `in environment ${JSON.stringify(f.stack)}: ${f.message}` }));
      if (policy.length) return fail(sortProblems(policy));
      const count = model.environments.reduce((n, e) => n + e.integrations.length, 0);
      io.out(`${dir}: OK (${model.environments.length} environment(s): ${model.environments.map((e) => e.name).join(', ')}; ${count} integration(s))\n`);
    });
}
