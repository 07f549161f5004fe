import { Command } from 'commander';
import { formatProblemList, problemCount } from '../config/problems';
import { OrgModel } from '../model/types';
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
      const { model, problems, warnings, integrationKeys } = checkConfig(dir);
      if (!model) {
        io.err(`${dir}: ${problemCount(problems.length)}\n${formatProblemList(problems)}\n${warningList(warnings, DO_NOT_FAIL)}`);
        io.exit(1);
        return;
      }
      io.out(`${dir}: OK (${okSummary(model, integrationKeys.length)})\n`);
      io.out(warningList(warnings, DO_NOT_FAIL));
    });
}

/** `3 environment(s): dev, prod, staging; 4 integration(s), 8 enabled across environments`: the integrations defined, then the (environment, integration) pairs. */
function okSummary(model: OrgModel, integrations: number): string {
  const enabled = model.environments.reduce((n, e) => n + e.integrations.length, 0);
  return `${model.environments.length} environment(s): ${model.environments.map((e) => e.name).join(', ')}; ${integrations} integration(s), ${enabled} enabled across environments`;
}
