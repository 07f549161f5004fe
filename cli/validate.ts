import { Command } from 'commander';
import { formatProblemList, problemCount } from '../config/problems';
import { ADOPTED_REASON_PREFIX } from '../model/adopt';
import { checkConfig } from './check-config';
import { CONFIG_OPTION_HELP, configDirOf } from './config-option';
import { CliIo } from './io';
import { warningList } from './warning-list';

const DO_NOT_FAIL = 'warnings alone do not fail validate';

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a config directory (schema, SP preset rules, secrets, policy rules) without writing anything; exit 1 on any error, 0 when there are only warnings')
    .option('-c, --config <dir>', CONFIG_OPTION_HELP)
    .action((opts: { config?: string }) => {
      const dir = configDirOf(opts.config);
      const { model, problems, warnings } = checkConfig(dir);
      if (!model) {
        io.err(`${dir}: ${problemCount(problems.length)}\n${formatProblemList(problems)}\n${warningList(warnings, DO_NOT_FAIL)}`);
        io.exit(1);
        return;
      }
      const count = model.environments.reduce((n, e) => n + e.integrations.length, 0);
      io.out(`${dir}: OK (${model.environments.length} environment(s): ${model.environments.map((e) => e.name).join(', ')}; ${count} integration(s))\n`);
      // A live value kept on adoption is a rule broken on purpose, for now: say so on every run until it is fixed.
      for (const env of model.environments) {
        for (const i of env.integrations) {
          for (const sup of i.suppressions ?? []) {
            if (sup.reason.startsWith(ADOPTED_REASON_PREFIX)) io.out(`  warning: ${env.name}/${i.key}: ${sup.rule} suppressed on adoption: ${sup.reason.slice(ADOPTED_REASON_PREFIX.length).trim()}\n`);
          }
        }
      }
      io.out(warningList(warnings, DO_NOT_FAIL));
    });
}
