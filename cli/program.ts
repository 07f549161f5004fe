import { Command, CommanderError } from 'commander';
import { registerAdopt } from './adopt';
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

export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command('okta-sso')
    .description('SSO (SAML) and SCIM for SaaS apps in Okta, declared as code and synthesized to Terraform')
    .version(packageVersion(), '-V, --version', 'print the version of okta-sso')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
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
