import { Command, CommanderError, Help, Option } from 'commander';
import { registerAdopt } from './adopt';
import { requireConfigDir } from './config-option';
import { registerFetchMetadata } from './fetch-metadata';
import { registerIdpRecord } from './idp-record';
import { CliIo, processIo } from './io';
import { registerPromote } from './promote';
import { registerReview } from './review';
import { registerSynth } from './synth';
import { registerValidate } from './validate';
import { packageVersion } from './version';

/** Exit code for bad usage (unknown option, missing argument). */
export const USAGE_EXIT = 2;

/** Commander's option description, with "(required)" for a required option: commander's help does not say it. */
function optionDescription(this: Help, option: Option): string {
  const text = Help.prototype.optionDescription.call(this, option);
  return option.mandatory && !/\(required\b/.test(text) ? `${text} (required)` : text;
}

export function buildProgram(io: CliIo = processIo): Command {
  // Help and output settings first: each command copies them when it is created.
  const program = new Command('okta-sso')
    .description('SSO (SAML) and SCIM for SaaS apps in Okta, declared as code and synthesized to Terraform')
    .version(packageVersion(), '-V, --version', 'print the version of okta-sso')
    .showHelpAfterError()
    .configureHelp({ optionDescription })
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .hook('preAction', (_program, command) => requireConfigDir(command))
    .addHelpText('after', `\nExit code ${USAGE_EXIT} is a usage error, the same for every command: an unknown option, a missing required option, or no config directory (none named, or none at that path).`);
  registerValidate(program, io);
  registerSynth(program, io);
  registerIdpRecord(program, io);
  registerFetchMetadata(program, io);
  registerReview(program, io);
  registerPromote(program, io);
  registerAdopt(program, io);
  return program;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const capture: CliIo = { ...io, exit: (c) => (code = c) };
  try {
    await buildProgram(capture).parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit with 0; usage errors with 2.
      return err.exitCode === 0 ? 0 : USAGE_EXIT;
    }
    io.err(`okta-sso: ${(err as Error).message}\n`);
    return 1;
  }
  return code;
}
