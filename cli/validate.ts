import { Command } from 'commander';
import { formatProblem, formatProblemList, problemCount } from '../config/problems';
import { ADOPTED_REASON_PREFIX } from '../model/adopt';
import { CheckedProblem, checkConfig } from './check-config';
import { CONFIG_OPTION_HELP, configDirOf } from './config-option';
import { CliIo } from './io';

/** How a policy warning is accepted in config, said once under the warnings. */
const POLICY_RULE = /\bSSO-0\d\d\b/;
const SUPPRESS_HINT = 'to accept a policy warning on purpose, add to the integration: suppressions: [{ rule: SSO-0NN, reason: "why it is exempt" }]';

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a config directory (schema, SP preset rules, secrets, policy rules) without writing anything; exit 1 on any error, 0 when there are only warnings')
    .option('-c, --config <dir>', CONFIG_OPTION_HELP)
    .action((opts: { config?: string }) => {
      const dir = configDirOf(opts.config);
      const { model, problems, warnings } = checkConfig(dir);
      if (!model) {
        io.err(`${dir}: ${problemCount(problems.length)}\n${formatProblemList(problems)}\n${warningList(warnings)}`);
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
      io.out(warningList(warnings));
    });
}

/** Warnings as validate prints them: a count, one located line each, and how to accept one; nothing when there are none. */
function warningList(warnings: readonly CheckedProblem[]): string {
  if (warnings.length === 0) return '';
  const lines = formatProblemList(warnings.map((w) => `warning: ${formatProblem(w)}`));
  const hint = warnings.some((w) => POLICY_RULE.test(w.message)) ? `  (${SUPPRESS_HINT})\n` : '';
  return `${problemCount(warnings.length, 'warning')} (warnings alone do not fail validate)\n${lines}\n${hint}`;
}
