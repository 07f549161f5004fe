import { Command } from 'commander';
import { HIDDEN, containsSecret } from '../review/redact';
import { ConfigProblem, formatProblemList, problemCount } from '../config/problems';
import { checkConfig } from './check-config';
import { CONFIG_OPTION_HELP, configDirOf } from './config-option';
import { CliIo } from './io';
import { canonical } from '../yaml-edit/data';
import { FieldChange, ItemChange, PromoteConfigError, PromoteInputError, PromotePlan, hasUnchecked, hasWork, isChecked, planPromotion, removes } from '../promote/plan';

/** Exit code for a wrong command line (an unknown environment, --check with --write); an unreadable config is 1. */
export const PROMOTE_BAD_INPUT_EXIT = 2;

function show(value: unknown, field: string): string {
  if (value === undefined) return 'not set';
  if (containsSecret(value, field.split('.').pop())) return HIDDEN;
  return JSON.stringify(value);
}

/** An item of a list both have, as one line (the item's place counted from 1). */
function describeItem(c: FieldChange, i: ItemChange, plan: PromotePlan): string {
  const [from, to] = [i.from && show(i.from.value, c.path), i.to && show(i.to.value, c.path)];
  let what: string;
  if (!i.to) what = `only ${plan.to} has the item ${from}; not checked (${plan.to} lacks nothing here); --write removes it`;
  else if (!i.from) what = `${plan.to} lacks the item ${to}`;
  else if (!i.moved) what = `${plan.to} has the item ${from}, ${plan.from} has ${to}`;
  else if (canonical(i.from.value) === canonical(i.to.value)) what = `${plan.to} has the item ${from} as item ${i.from.at + 1}, ${plan.from} as item ${i.to.at + 1} (the order counts)`;
  else what = `${plan.to} has the item ${from} as item ${i.from.at + 1}, ${plan.from} has ${to} as item ${i.to.at + 1}`;
  return `${c.path}: ${what}`;
}

function describeChange(c: FieldChange, plan: PromotePlan): string[] {
  // A list both have, item by item: what is listed as not checked is said per item.
  if (c.items && c.gap !== 'same-effect') return c.items.map((i) => describeItem(c, i, plan));
  let what: string;
  if (c.kind === 'remove' ? c.shared === undefined : c.to === undefined) {
    what = `only ${plan.to} has ${show(c.kind === 'remove' ? c.value : c.from, c.path)}`;
  } else if (c.kind === 'remove') {
    what = `only ${plan.to} overrides it (${show(c.value, c.path)}); ${plan.from} uses the shared value (${show(c.shared, c.path)})`;
  } else {
    what = c.from === undefined ? `${plan.to} lacks ${show(c.to, c.path)}` : `${plan.to} has ${show(c.from, c.path)}, ${plan.from} has ${show(c.to, c.path)}`;
  }
  const why = c.gap === 'target-only' ? `; not checked (${plan.to} lacks nothing here)` : c.gap === 'same-effect' ? '; not checked (both resolve to the same settings)' : '';
  // Per value, what --write does where it is not plain from the line: it removes the target's value, or writes one --check does not ask for.
  const action = removes(c) ? '; --write removes it' : why ? '; --write writes it' : '';
  return [`${c.path}: ${what}${why}${action}`];
}

/** The plan as text: per integration, what the target lacks or has that the source does not. */
export function describePlan(plan: PromotePlan): string {
  const lines: string[] = [];
  for (const item of plan.integrations) {
    if (item.kind === 'missing') {
      const fields = Object.keys(item.fields);
      lines.push(`  ${item.key}: missing in ${plan.to}${fields.length ? ` (would copy ${fields.join(', ')})` : ''}`);
      if (item.needsValues.length) lines.push(`    ${plan.to} needs its own values for: ${item.needsValues.join(', ')}`);
    } else if (item.kind === 'only-in-target') {
      lines.push(`  ${item.key}: only in ${plan.to}; promote never removes an integration (remove it by hand if that is intended)`);
    } else {
      const renamed = item.renamedFrom !== undefined ? ` renamed from ${item.renamedFrom} (renamedFrom): ${plan.to} still enables it as ${item.renamedFrom}; --write renames its entry, keeping its values` : '';
      lines.push(`  ${item.key}:${renamed}`);
      for (const c of item.changes) lines.push(...describeChange(c, plan).map((line) => `    ${line}`));
    }
  }
  const head = lines.length
    ? `${plan.to} differs from ${plan.from} in ${plan.integrations.length} integration(s):`
    : `${plan.to} is in step with ${plan.from}: nothing to promote`;
  const kept = plan.kept.length ? `\nkept as ${plan.to}'s own (env-specific, not compared): ${plan.kept.map((k) => `${k.key} (${k.fields.join(', ')})`).join('; ')}` : '';
  return `${head}\n${lines.join('\n')}${lines.length ? '\n' : ''}${kept ? `${kept.slice(1)}\n` : ''}`;
}

/** Whether --check fails: the target lacks an integration or a value the source has. */
function lacksSomething(plan: PromotePlan): boolean {
  return plan.integrations.some(isChecked);
}

/** `word` as a shell reads it back: bare when it holds nothing a shell treats specially, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

interface PromoteOptions {
  readonly from: string;
  readonly to: string;
  readonly config?: string;
  readonly write?: boolean;
  readonly check?: boolean;
}

export function registerPromote(program: Command, io: CliIo): void {
  program
    .command('promote')
    .description("show what one environment lacks or has that another doesn't, ignoring env-specific values; --check fails when the target lacks something the source has; --write updates the target's config file")
    .requiredOption('--from <env>', 'source environment, e.g. dev')
    .requiredOption('--to <env>', 'target environment, e.g. staging')
    .option('-c, --config <dir>', CONFIG_OPTION_HELP)
    .option(
      '--check',
      'for CI: exit 1 when the target lacks an integration, a value or a list item the source has (or has another, or list items in another order), else 0; values and list items only the target has, and differences that resolve to the same settings, are listed as not checked; writes nothing',
    )
    .option('--write', "make the target's config file match the source: values only the target has are removed; env-specific values, comments and their spacing are kept")
    .action((opts: PromoteOptions) => promote(opts, io));
}

function promote(opts: PromoteOptions, io: CliIo): void {
  if (opts.check && opts.write) {
    io.err('okta-sso promote: --check and --write cannot be used together; accepted: --check to fail when there is something to promote (CI), or --write to promote it\n');
    io.exit(PROMOTE_BAD_INPUT_EXIT);
    return;
  }
  const dir = configDirOf(opts.config);
  let plan: PromotePlan;
  try {
    plan = planPromotion(dir, opts.from, opts.to);
  } catch (err) {
    if (!(err instanceof PromoteInputError) && !(err instanceof PromoteConfigError)) throw err;
    io.err(`okta-sso promote: ${err.message}\n`);
    // Exit codes as validate's and synth's: problems in the config are 1, a wrong command line is 2.
    io.exit(err instanceof PromoteConfigError ? 1 : PROMOTE_BAD_INPUT_EXIT);
    return;
  }
  // Promoting from a config with problems would copy them: refuse, except problems of the
  // target environment itself, which the promotion may be what fixes.
  const inTarget = (p: ConfigProblem) => (p.environment !== undefined ? p.environment === opts.to : p.path === `environments.${opts.to}` || p.path.startsWith(`environments.${opts.to}.`));
  const problems = checkConfig(dir).problems;
  // Another environment's entry still under a renamed integration's old key is fixed by promoting into it, as the target's is.
  const sourceProblems = problems.filter((p) => !inTarget(p) && !plan.staleRenames.has(p.path));
  if (sourceProblems.length) {
    io.err(`okta-sso promote: ${dir} has ${problemCount(sourceProblems.length)} outside ${opts.to}; fix them before promoting from ${opts.from}:\n${formatProblemList(sourceProblems)}\n`);
    io.exit(1);
    return;
  }
  io.out(describePlan(plan));
  if (opts.check) {
    if (lacksSomething(plan)) {
      const config = opts.config === undefined ? '' : ` --config ${shellWord(opts.config)}`;
      const unchecked = plan.integrations.some(hasUnchecked);
      const listed = unchecked ? 'listed above, but for what is marked not checked' : 'listed above';
      io.err(`okta-sso promote --check: ${opts.to} lacks what ${opts.from} has (${listed}); to promote it: okta-sso promote${config} --from ${opts.from} --to ${opts.to} --write\n`);
    }
    // In step or not, a target that does not validate is no gate passed: a CI step running --check alone would let it merge.
    const targetProblems = problems.filter(inTarget);
    if (targetProblems.length) io.err(`okta-sso promote --check: ${opts.to} does not validate (${problemCount(targetProblems.length)}):\n${formatProblemList(targetProblems)}\n`);
    if (lacksSomething(plan) || targetProblems.length) io.exit(1);
    return;
  }
  if (!opts.write) {
    if (hasWork(plan)) io.out(`run with --write to update ${plan.targetFile}\n`);
    return;
  }
  // Loaded on use: the YAML editor is needed only to write, and other commands should not load it.
  const { PromoteWriteError, writePromotion } = require('../promote/write') as typeof import('../promote/write');
  let changed: boolean;
  try {
    changed = writePromotion(plan);
  } catch (err) {
    // Located by the writer (file:line, field path), or the file system's own refusal: never a stack trace.
    const why = err instanceof PromoteWriteError ? err.message : `cannot write ${plan.targetFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; nothing was written`;
    io.err(`okta-sso promote: ${why}\n`);
    io.exit(1);
    return;
  }
  io.out(changed ? `wrote ${plan.targetFile}\n` : `${plan.targetFile} unchanged\n`);
  if (changed) {
    // The written config must validate as a whole (policy rules included); else say what to fill in, and fail.
    const { problems } = checkConfig(dir);
    if (problems.length) {
      io.err(`${plan.targetFile} does not validate yet; fill these in before merging (${problemCount(problems.length)}):\n${formatProblemList(problems)}\n`);
      io.exit(1);
    }
  }
}
