import { Command, CommanderError, Help, Option } from 'commander';
import { requireConfigDir } from './config-option';
import { CliIo, processIo } from './io';
import { packageVersion } from './version';

/** Exit code for bad usage (unknown option, missing argument). */
export const USAGE_EXIT = 2;

/** Commander's option description, with "(required)" for a required option: commander's help does not say it. */
function optionDescription(this: Help, option: Option): string {
  const text = Help.prototype.optionDescription.call(this, option);
  return option.mandatory && !/\(required\b/.test(text) ? `${text} (required)` : text;
}

type Register = (program: Command, io: CliIo) => void;

/**
 * Every command, in help order, with the module that registers it. A command's module (and all it imports: the XML
 * parser, review, promote...) is loaded only when that command is registered: ~0.1 s of start-up that `validate` need not pay.
 */
const COMMANDS: ReadonlyArray<{ readonly name: string; readonly register: () => Register }> = [
  { name: 'validate', register: () => (require('./validate') as typeof import('./validate')).registerValidate },
  { name: 'synth', register: () => (require('./synth') as typeof import('./synth')).registerSynth },
  { name: 'idp-record', register: () => (require('./idp-record') as typeof import('./idp-record')).registerIdpRecord },
  { name: 'fetch-metadata', register: () => (require('./fetch-metadata') as typeof import('./fetch-metadata')).registerFetchMetadata },
  { name: 'review', register: () => (require('./review') as typeof import('./review')).registerReview },
  { name: 'promote', register: () => (require('./promote') as typeof import('./promote')).registerPromote },
  { name: 'adopt', register: () => (require('./adopt') as typeof import('./adopt')).registerAdopt },
];

/**
 * The commands `argv` needs: the one it starts with, which commander dispatches to whatever its siblings are;
 * otherwise (no argv, help, --version, an unknown command or option) every one, so that help and errors list them all.
 */
function commandsFor(argv: readonly string[] | undefined): ReadonlyArray<(typeof COMMANDS)[number]> {
  const named = argv && COMMANDS.find((c) => c.name === argv[0]);
  return named ? [named] : COMMANDS;
}

/** The CLI; with `argv`, only the commands it needs are registered (commandsFor). */
export function buildProgram(io: CliIo = processIo, argv?: readonly string[]): Command {
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
  for (const command of commandsFor(argv)) command.register()(program, io);
  return program;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const capture: CliIo = { ...io, exit: (c) => (code = c) };
  try {
    await buildProgram(capture, argv).parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit with 0; usage errors with 2.
      return err.exitCode === 0 ? 0 : USAGE_EXIT;
    }
    // Whatever an error quotes (a path, a value from the command line) never shows a secret. Loaded here: rarely needed.
    const { redactSecrets } = require('../model/secret-literals') as typeof import('../model/secret-literals');
    io.err(`okta-sso: ${redactSecrets(String((err as Error).message), [])}\n`);
    return 1;
  }
  return code;
}
