import { Command } from 'commander';
import { formatProblem, formatProblemList, problemCount } from '../config/problems';
import { CONFIG_OPTION_HELP, configDirOf } from './config-option';
import { CliIo } from './io';
import { redactSecrets } from '../model/secret-literals';
import type { AdoptPlan } from '../adopt/plan';

/** Exit code when nothing could be adopted as asked (bad input, unreachable org, refused credentials). */
export const ADOPT_FAILED_EXIT = 2;

interface AdoptOptions {
  env: string;
  config?: string;
  orgUrl?: string;
  from?: string;
  app: string[];
  key?: string;
  write: boolean;
  timeout: string;
}

export function registerAdopt(program: Command, io: CliIo): void {
  program
    .command('adopt')
    .description("read the Okta org's SAML apps (GET only) and print the config that adopts them with import blocks, so the first plan changes nothing; --write adds it")
    .requiredOption('--env <env>', 'environment whose Okta org the apps are in, e.g. prod')
    .option('-c, --config <dir>', CONFIG_OPTION_HELP)
    .option('--org-url <url>', "Okta org URL (default: from the environment's okta settings), e.g. https://acme.okta.com")
    .option('--from <dir>', 'read saved Okta API responses from this directory instead of the org (see the README)')
    .option('--app <id>', 'adopt only this app (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--key <key>', 'integration key for the one app adopted (with one --app)')
    .option('--write', 'add the config to the config directory (comments kept); nothing is written unless the result validates', false)
    .option('--timeout <seconds>', 'per request to Okta', '30')
    .addHelpText('after', '\nCredentials: OKTA_API_TOKEN, or OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY (+ OKTA_API_PRIVATE_KEY_ID), as for the okta provider; adopt asks only for okta.apps.read and okta.groups.read.')
    .action(async (opts: AdoptOptions) => {
      // Loaded on use: other commands should not pay for the HTTP client and the planner.
      const { AdoptError } = require('../adopt/okta-api') as typeof import('../adopt/okta-api');
      try {
        await adopt(opts, io);
      } catch (err) {
        if (!(err instanceof AdoptError)) throw err;
        io.err(`okta-sso adopt: ${err.message}\n`);
        io.exit(ADOPT_FAILED_EXIT);
      }
    });
}

async function adopt(opts: AdoptOptions, io: CliIo): Promise<void> {
  const { AdoptError } = require('../adopt/okta-api') as typeof import('../adopt/okta-api');
  const { readLiveApps } = require('../adopt/read-org') as typeof import('../adopt/read-org');
  const { planAdoption } = require('../adopt/plan') as typeof import('../adopt/plan');
  const { checkConfig } = require('./check-config') as typeof import('./check-config');
  const dir = configDirOf(opts.config);
  const timeout = Number(opts.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600) throw new AdoptError(`--timeout ${JSON.stringify(opts.timeout)} is not a number of seconds; accepted: 1 to 600`);
  if (opts.from !== undefined && opts.orgUrl !== undefined) throw new AdoptError('--from and --org-url both say where to read; accepted: one of them');
  // An org that does not validate yet would get adopted apps on top of its problems: say them first.
  const before = checkConfig(dir);
  if (!before.model) {
    throw new AdoptError(`${dir} has ${problemCount(before.problems.length)}; fix them before adopting:\n${formatProblemList(before.problems)}`);
  }
  const environment = before.model.environments.find((e) => e.name === opts.env);
  if (!environment) throw new AdoptError(`environment ${JSON.stringify(redactSecrets(opts.env, []))} is not in ${dir}; accepted: ${before.model.environments.map((e) => e.name).join(', ')}`);

  let reader: import('../adopt/okta-api').OktaReader;
  if (opts.from !== undefined) {
    const { SavedOrg } = require('../adopt/saved-org') as typeof import('../adopt/saved-org');
    const saved = new SavedOrg(opts.from);
    // Saved responses of another org would write its app IDs into this environment's config just as well.
    const { checkOrgIdentity } = require('../adopt/org-identity') as typeof import('../adopt/org-identity');
    const note = await checkOrgIdentity(saved, environment, { what: `--from ${opts.from}`, accepted: 'responses saved from', recordedHost: saved.recordedHost });
    if (note) io.err(`okta-sso adopt: note: ${note}\n`);
    reader = saved;
  } else {
    const { LiveOrg } = require('../adopt/live-org') as typeof import('../adopt/live-org');
    const orgUrl = opts.orgUrl ?? `https://${environment.okta.orgName}.${environment.okta.baseUrl}`;
    const live = new LiveOrg(orgUrl, { timeoutMs: timeout * 1000, maxApiCapacity: environment.okta.maxApiCapacity, log: (line) => io.err(`okta-sso adopt: ${line}\n`) });
    if (opts.orgUrl !== undefined) {
      // First: against another org, every later message (an unknown --app ID, say) would mislead.
      const { checkOrgIdentity } = require('../adopt/org-identity') as typeof import('../adopt/org-identity');
      const note = await checkOrgIdentity(live, environment);
      if (note) io.err(`okta-sso adopt: note: ${note}\n`);
    }
    reader = live;
  }
  const { apps, skipped, orgAppIds } = await readLiveApps(reader, [...new Set(opts.app)]);
  const plan = planAdoption(dir, opts.env, apps, skipped, { key: opts.key, requested: opts.app.length > 0, orgAppIds });
  io.out(describeAdoption(plan, reader.source));
  if (plan.integrations.length === 0) return;
  const { adoptionTexts } = require('../adopt/config-edits') as typeof import('../adopt/config-edits');
  const { checkAdoption, writeAdoption } = require('../adopt/write') as typeof import('../adopt/write');
  const texts = adoptionTexts(plan);
  const check = (copy: string) => checkConfig(copy).problems.map(formatProblem);
  if (!opts.write) {
    // What --write would refuse is refused here too: a dry run that says "run with --write" promises it would work.
    checkAdoption(dir, texts, check);
    io.out(`run with --write to add this to ${[...texts.keys()].join(' and ')}\n`);
    return;
  }
  writeAdoption(dir, texts, check);
  io.out(`wrote ${[...texts.keys()].join(' and ')}\n`);
}

/** What adopt found and would add, for a person to review before --write. */
export function describeAdoption(plan: AdoptPlan, source: string): string {
  const { stringify } = require('yaml') as typeof import('yaml');
  const yaml = (value: unknown) =>
    stringify(value, { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((l: string) => `      ${l}`)
      .join('\n');
  const lines: string[] = [`read ${source}: ${plan.integrations.length} SAML app(s) to adopt into ${plan.env}, ${plan.skipped.length} skipped`];
  for (const s of plan.skipped) lines.push(`  skipped ${shownLabel(s.label)} (${s.id}): ${s.reason}`);
  let imports = 0;
  let pushUpdates = 0;
  let snowflake = false;
  for (const item of plan.integrations) {
    lines.push(`  ${shownLabel(item.app.label)} (${item.app.id}) -> ${item.key} (${item.preset}${item.kind === 'attach' ? ', an integration the config already has' : ', new'})`);
    if (item.shared) lines.push(`    ${plan.sharedFile}, integrations.${item.key}:`, yaml(item.shared));
    lines.push(`    ${plan.envFile}, environments.${plan.env}.integrations.${item.key}${item.kind === 'attach' ? ' (added to the entry)' : ''}:`, yaml(item.envChanges));
    for (const f of item.findings) lines.push(`    kept as live, suppressed with an "adopted:" reason: ${f.rule} ${f.message}`, `      fix in a follow-up change: ${f.fix}`);
    for (const n of item.notes) lines.push(`    note: ${n}`);
    const pushed = Object.keys((item.env.adopt?.pushGroupMappingIds as Record<string, string> | undefined) ?? {}).length;
    imports += 1 + (Array.isArray(item.env.groups) && item.env.groups.length ? 1 : 0) + pushed;
    pushUpdates += pushed;
    snowflake ||= item.preset === 'snowflake' && !item.env.adopt?.snowflake;
  }
  if (plan.integrations.length) {
    lines.push(
      `the first terraform plan of ${plan.env} should import ${imports} object(s) and add${snowflake ? ' nothing but the Snowflake objects noted above' : ' nothing'}, change and destroy nothing${pushUpdates ? `, except ${pushUpdates} push group(s) updated in place (delete_target_group_on_destroy, never read back)` : ''}; anything else means a live setting differs from the config: do not apply, and report it`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** An app's label as adopt prints it: quoted, a secret pasted into it hidden (the live org is not checked for them). */
function shownLabel(label: string): string {
  return JSON.stringify(redactSecrets(label, []));
}
