import { Command } from 'commander';
import { readConfig } from '../config/load-config';
import { formatProblem } from '../config/problems';
import { synthWarnings } from '../rules/synth-warnings';
import { synthToDisk } from '../synth/synth';
import { CONFIG_OPTION_HELP, configDirOf } from './config-option';
import { CliIo } from './io';

export function registerSynth(program: Command, io: CliIo): void {
  program
    .command('synth')
    .description('synthesize one Terraform stack per environment; writes nothing if the config has any problem')
    .option('-c, --config <dir>', CONFIG_OPTION_HELP)
    .option('-o, --out <dir>', 'output directory', 'cdktf.out')
    .action((opts: { config?: string; out: string }) => {
      const dir = configDirOf(opts.config);
      const { model, problems } = readConfig(dir);
      if (!model) {
        io.err(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing written\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
        io.exit(1);
        return;
      }
      const stacks = synthToDisk(model, { outdir: opts.out });
      const warnings = synthWarnings(opts.out);
      if (warnings.length) io.err(`${warnings.join('\n')}\n`);
      io.out(`synthesized ${stacks.length} stack(s) from ${dir} into ${opts.out}:\n${stacks.map((s) => `  ${s}`).join('\n')}\n`);
    });
}
