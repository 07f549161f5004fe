import { Command } from 'commander';
import * as fs from 'fs';
import { showValue } from '../model/show-value';

/** The environment variable that names the config directory when --config does not. */
export const CONFIG_ENV = 'OKTA_SSO_CONFIG';

/**
 * The config dir: --config, else $OKTA_SSO_CONFIG. There is no default: the
 * example organisation (examples/acme) exists only in this repository, and a
 * user's repository names its own (`npm run synth` keeps that default for the
 * repository's own app, main.ts). `requireConfigDir` has refused a command
 * line that names neither before an action gets here.
 */
export function configDirOf(option: string | undefined): string {
  const dir = namedConfigDir(option);
  if (dir === undefined) throw new Error(missingConfigMessage());
  return dir;
}

/** The config dir that --config (`option`) or, without it, a non-empty $OKTA_SSO_CONFIG names; undefined when neither does. */
function namedConfigDir(option: string | undefined): string | undefined {
  return option ?? (process.env[CONFIG_ENV] || undefined);
}

export const CONFIG_OPTION_HELP = `config directory, which must exist (required, unless $${CONFIG_ENV} names it)`;

function missingConfigMessage(): string {
  return `no config directory: pass --config DIR, or set ${CONFIG_ENV}=DIR (the directory holding your integrations and environments files); okta-sso has no default`;
}

/**
 * A preAction hook: a command with a --config option and neither --config nor
 * $OKTA_SSO_CONFIG is a usage error (exit 2, its help after the message), as a
 * missing required option is; so is a config directory that does not exist, for
 * every command alike (a typo in a path, not a problem in the config).
 */
export function requireConfigDir(command: Command): void {
  if (!command.options.some((o) => o.long === '--config')) return;
  const option: string | undefined = command.opts().config;
  const dir = namedConfigDir(option);
  if (dir === undefined) command.error(`error: ${missingConfigMessage()}`, { exitCode: 2, code: 'okta-sso.missingConfig' });
  const why = notADirectory(dir!);
  if (why) {
    const named = option !== undefined ? '--config' : `$${CONFIG_ENV}`;
    command.error(`error: config directory ${showValue(dir)} (from ${named}) ${why}; accepted: an existing directory holding your integrations and environments files (.yaml, .yml or .json)`, {
      exitCode: 2,
      code: 'okta-sso.configNotFound',
    });
  }
}

/** Why `dir` is no directory, or undefined when it is one (or cannot be told: the command reports what it cannot read). */
function notADirectory(dir: string): string | undefined {
  try {
    return fs.statSync(dir).isDirectory() ? undefined : 'is not a directory';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : undefined;
  }
}
