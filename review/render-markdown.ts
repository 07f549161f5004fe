import { Adoption, EnvironmentReview, IntegrationReview, Review, RunbookChanges, SettingChange, StepRef, StepValueChange } from './model';
import { clip } from './display';
import { STEP_FINDING, manualSteps, secretMove } from './compare';
import { REPLACE_ON_CHANGE_SOURCE, SNOWFLAKE_REPLACE_ON_CHANGE_SOURCE } from './replace-on-change';
import { RISK_CLASSES, RiskFinding, RiskLevel, impactOf } from './risk';

/** Hidden marker that lets CI find and update its one comment per pull request. */
export const COMMENT_MARKER = '<!-- okta-sso-review -->';

/** GitHub rejects comments over 65,536 characters; stay well under. */
export const MAX_COMMENT_CHARS = 65_000;

const LEVEL_WORD: Readonly<Record<RiskLevel, string>> = { low: 'low', medium: 'medium', high: '**high**', critical: '**CRITICAL**' };

/** Text for a table cell or inline code: no newlines, no pipes, no backticks breaking out. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}

function code(text: string | undefined): string {
  if (text === undefined) return '_not set_';
  const clean = cell(text).replace(/`/g, "'");
  return `\`${clean}\``;
}

/** Collects blocks until a character budget runs out, counting what was cut. */
class Budget {
  private readonly parts: string[] = [];
  private used = 0;
  private readonly usedBy = new Map<string, number>();
  readonly cut = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Adds `text` if it fits (and, with `cap`, if items of `what` stay under it); otherwise records one cut item under `what`. */
  add(text: string, what?: string, cap: number = Infinity): boolean {
    const sectionUsed = what ? this.usedBy.get(what) ?? 0 : 0;
    if (this.used + text.length > this.limit || sectionUsed + text.length > cap) {
      if (what) this.cut.set(what, (this.cut.get(what) ?? 0) + 1);
      return false;
    }
    this.parts.push(text);
    this.used += text.length;
    if (what) this.usedBy.set(what, sectionUsed + text.length);
    return true;
  }

  /** Records one cut item without building its text: for sections once the budget is spent. */
  skip(what: string): void {
    this.cut.set(what, (this.cut.get(what) ?? 0) + 1);
  }

  /** Characters left. */
  get left(): number {
    return this.limit - this.used;
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** An environment's name, and whether this change adds or removes it. */
function envTitle(e: EnvironmentReview): string {
  return e.change ? `${e.name} (${e.change === 'added' ? 'new environment' : 'environment removed'})` : e.name;
}

function summaryTable(review: Review): string {
  // The adopted column only when something is adopted: every other review keeps its table.
  const adopted = review.environments.some((e) => e.counts.adopted > 0);
  const rows = review.environments.map((e) => {
    const counts = [e.counts.added, ...(adopted ? [e.counts.adopted] : []), e.counts.changed, e.counts.removed, e.counts.unchanged];
    return `| ${envTitle(e)} | ${counts.join(' | ')} | ${e.risk ? LEVEL_WORD[e.risk] : 'none'} |`;
  });
  const header = adopted
    ? ['| environment | added | adopted | changed | removed | unchanged | highest risk |', '| --- | ---: | ---: | ---: | ---: | ---: | --- |']
    : ['| environment | added | changed | removed | unchanged | highest risk |', '| --- | ---: | ---: | ---: | ---: | --- |'];
  return [...header, ...rows, ''].join('\n') + '\n';
}

function riskLines(review: Review): string {
  if (review.classes.length === 0) return '';
  // Places per class and level: a finding is listed at the level it got, not its class's usual level.
  const where = new Map<string, string[]>();
  for (const e of review.environments) {
    const at = (k: string, place: string) => (where.get(k) ?? where.set(k, []).get(k)!).push(place);
    for (const i of e.integrations) for (const k of new Set(i.findings.map((f) => `${f.class}|${f.level}`))) at(k, `${e.name}/${i.key}`);
    for (const k of new Set(e.environment.findings.map((f) => `${f.class}|${f.level}`))) at(k, e.name);
  }
  const lines = review.classes.map((c) => {
    const places = where.get(`${c.class}|${c.level}`) ?? [];
    const shown = places.slice(0, 5).join(', ') + (places.length > 5 ? ` and ${places.length - 5} more` : '');
    return `- ${LEVEL_WORD[c.level]} ${RISK_CLASSES[c.class].title} (${shown}): ${impactOf(c.class, c.level)}.`;
  });
  return `### Risks\n\n${lines.join('\n')}\n\n`;
}

function whatChanged(i: IntegrationReview): string {
  if (i.change === 'added') return i.possibleRename ? `new integration (same SP and settings as removed ${i.possibleRename.from})` : 'new integration';
  if (i.change === 'removed') return i.possibleRename ? `integration removed (a rename to ${i.possibleRename.to} without renamedFrom?)` : 'integration removed';
  const words = [...new Set(i.settings.map((s) => s.setting))];
  if (i.change !== 'adopted') words.push(...(i.adopted ?? []).map((a) => `${a.what} adopted`));
  const runbook = manualSteps(i.runbook.added).length + manualSteps(i.runbook.changed).filter((s) => !saidByFindings(s)).length;
  if (runbook > 0 && i.change !== 'adopted') words.push(`${runbook} runbook step(s)`);
  if (i.change !== 'adopted' && i.runbook.changed.some(saidByFindings)) words.push('secret location moved');
  const text = words.slice(0, 6).join(', ') + (words.length > 6 ? `, +${words.length - 6} more` : '');
  if (i.change === 'adopted') {
    const app = i.adopted?.find((a) => a.resource.startsWith('okta_app_saml.'));
    return text ? `adopted (live app ${app?.id}); ${text}` : `adopted: no change for users (live app ${app?.id}; the first plan must import it with 0 to change)`;
  }
  return i.change === 'renamed' ? `renamed from ${i.renamedFrom}${text ? `; ${text}` : ''}` : text || 'metadata only';
}

function settingsTable(settings: readonly SettingChange[]): string {
  if (settings.length === 0) return '';
  const rows = settings.map((s) => `| ${s.items ? `${cell(s.setting)}: ${code(clip(s.items.join(', ')))}` : cell(s.setting)}${s.replaces ? ' (forces replacement)' : ''} | ${code(s.before)} | ${code(s.after)} |`);
  return ['| setting | before | after |', '| --- | --- | --- |', ...rows, ''].join('\n') + '\n';
}

/** A changed step's values that no finding says: a moved secret is one finding that names every step showing it. */
function unsaidValues(s: StepRef): StepValueChange[] {
  return (s.values ?? []).filter((v) => !secretMove(v));
}

/** A changed step whose only change a finding already says (a moved secret, compare.ts diffSteps): no line of its own. */
function saidByFindings(s: StepRef): boolean {
  return s.onlySecretMoved === true;
}

function stepValues(s: StepRef): string {
  const values = unsaidValues(s);
  if (!values.length) return '';
  return `: ${values.map((v) => `${cell(v.label)} ${code(v.before)} -> ${code(v.after)}`).join('; ')}`;
}

/**
 * Runbook changes. New manual steps are listed once, under "New manual steps after merge"; an adopted app's
 * steps are listed here, to check. A check-only step shows what Terraform applies, so it is no manual work:
 * new or gone, it is not listed; changed, only when no setting of the integration changed (the table shows
 * its values). A changed step whose only change a finding says (a moved secret) is left to that finding.
 */
function runbookList(r: RunbookChanges, opts: { adopted?: boolean; settingsShown?: boolean } = {}): string {
  const adopted = opts.adopted === true;
  const changed = (s: StepRef) => (s.checkOnly ? 'changed check (Terraform applies these values, nothing to do by hand)' : 'changed manual step');
  const lines = [
    ...(adopted ? r.added : []).map((s) => `- ${cell(s.title)} (\`${s.id}\`)`),
    ...r.changed
      .filter((s) => !(s.checkOnly && opts.settingsShown) && !saidByFindings(s))
      .map((s) => `- ${changed(s)}: ${cell(s.title)} (\`${s.id}\`${s.renamedFrom ? `, was \`${s.renamedFrom}\`` : ''})${stepValues(s)}`),
    ...manualSteps(r.removed).map((s) => `- no longer needed: ${cell(s.title)} (\`${s.id}\`)`),
  ];
  if (!lines.length) return '';
  return `${adopted ? 'Runbook (the app is live: check these steps were done on it)' : 'Runbook'}:\n${lines.join('\n')}\n\n`;
}

/** Resources taken over as they are, with the live ID each is imported from. */
function adoptedList(adopted: readonly Adoption[] | undefined): string {
  if (!adopted?.length) return '';
  return `Adopted, no change for users:\n${adopted.map((a) => `- ${cell(a.what)} (\`${a.resource}\`): live ID ${code(a.id)}`).join('\n')}\n\n`;
}

/** An adopted integration says so in its table row; it gets details only when something else changes. */
function hasDetails(i: IntegrationReview): boolean {
  return i.change !== 'adopted' || i.findings.length + i.settings.length + i.runbook.added.length + i.runbook.changed.length + i.runbook.removed.length > 0;
}

/**
 * Settings rows a finding does not already say. A resource (or output, variable) added or removed is a
 * finding line of its own, and so is an adopted ID that changed (with both IDs): a row would say it again.
 */
function tableRows(settings: readonly SettingChange[]): SettingChange[] {
  return settings.filter((s) => s.attribute !== 'import' && !(s.attribute === '' && (s.before === 'present' || s.after === 'present')));
}

/**
 * Findings, one line each, without the class's impact (the Risks section says it once per class). A finding
 * that names a runbook step is left to the runbook lists, a low one that only says a row of the table changed
 * (`app name changed`) to the table, and `new integration` to the heading.
 */
function findingLines(findings: readonly RiskFinding[], rows: readonly SettingChange[], runbook: RunbookChanges, added = false): string {
  const steps = new Set([...manualSteps(runbook.added).map(STEP_FINDING.added), ...manualSteps(runbook.changed).map(STEP_FINDING.changed), ...manualSteps(runbook.removed).map(STEP_FINDING.removed)]);
  const restated = new Set([...rows.map((r) => `${r.setting} changed`), ...(added ? ['new integration'] : [])]);
  const lines = findings.filter((f) => !steps.has(f.detail) && (f.level !== 'low' || !restated.has(f.detail))).map((f) => `- ${LEVEL_WORD[f.level]}: ${cell(f.detail)}`);
  return lines.length ? `${lines.join('\n')}\n\n` : '';
}

/** An integration's details; empty when its row in the environment's table says it all (e.g. a new integration with no risk of its own). */
function integrationDetail(env: string, i: IntegrationReview): string {
  const head = `#### ${env} / ${i.key}${i.preset ? ` (${i.preset})` : ''}: ${i.change}, risk ${LEVEL_WORD[i.risk]}\n\n`;
  const adopted = i.change === 'adopted' ? '' : adoptedList(i.adopted);
  const rows = tableRows(i.settings);
  const body = `${findingLines(i.findings, rows, i.runbook, i.change === 'added')}${settingsTable(rows)}${adopted}${runbookList(i.runbook, { adopted: i.change === 'adopted', settingsShown: i.settings.length > 0 })}`;
  return body ? `${head}${body}` : '';
}

function environmentDetail(e: EnvironmentReview): string {
  const env = e.environment;
  const parts: string[] = [];
  const rows = tableRows(env.settings);
  parts.push(findingLines(env.findings, rows, env.runbook));
  parts.push(settingsTable(rows));
  parts.push(adoptedList(env.adopted));
  parts.push(runbookList(env.runbook));
  if (env.sensitiveVariables.length && (env.findings.some((f) => f.class.startsWith('secret')) || env.settings.some((s) => s.resource.startsWith('var.')))) {
    parts.push(`Sensitive variables (names only): ${env.sensitiveVariables.map((n) => `\`${n}\``).join(', ')}\n\n`);
  }
  const body = parts.join('');
  return body ? `#### ${e.name}: environment-wide changes\n\n${body}` : '';
}

/** The review as one GitHub comment, under MAX_COMMENT_CHARS; what does not fit is summarised. */
export function renderMarkdown(review: Review, limit: number = MAX_COMMENT_CHARS): string {
  const envNames = review.environments.map((e) => e.name).join(', ');
  if (!review.risk) {
    return `${COMMENT_MARKER}\n## Okta SSO review: no changes\n\nBase and head synthesize to the same Okta configuration and runbooks in every environment (${envNames}).\n`;
  }
  const reserve = 1_500;
  const out = new Budget(limit - reserve);
  out.add(`${COMMENT_MARKER}\n## Okta SSO review: highest risk ${LEVEL_WORD[review.risk]}\n\n`);
  out.add(summaryTable(review));
  out.add(riskLines(review));

  const replacements = review.environments.flatMap((e) => e.integrations.flatMap((i) => i.replacements.map((r) => ({ env: e.name, key: i.key, ...r }))));
  if (replacements.length) {
    const sources = [`the ${REPLACE_ON_CHANGE_SOURCE.provider} provider source at ${REPLACE_ON_CHANGE_SOURCE.tag}`];
    if (replacements.some((r) => r.resource.startsWith('snowflake_'))) sources.push(`the ${SNOWFLAKE_REPLACE_ON_CHANGE_SOURCE.provider} source at ${SNOWFLAKE_REPLACE_ON_CHANGE_SOURCE.tag}`);
    out.add(`### Forced replacements\n\nThese attributes make Terraform destroy and re-create the resource (ForceNew / RequiresReplace in ${sources.join(' and ')}):\n\n`);
    for (const r of replacements) out.add(`- ${r.env} / ${r.key}: \`${r.resource}\` (${r.attributes.map((a) => `\`${a}\``).join(', ')})\n`, 'replacements', limit / 6);
    out.add('\n');
  }

  // In each environment's runbook order: integrations by key, as the runbook lists them, and each one's steps in order.
  const byKey = (x: IntegrationReview, y: IntegrationReview) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  const steps = review.environments.flatMap((e) => [
    ...e.integrations
      .filter((i) => i.change !== 'adopted')
      .sort(byKey)
      .flatMap((i) => manualSteps(i.runbook.added).map((s) => ({ env: e.name, key: i.key, step: s }))),
    ...manualSteps(e.environment.runbook.added).map((s) => ({ env: e.name, key: '', step: s })),
  ]);
  if (steps.length) {
    out.add('### New manual steps after merge\n\n');
    for (const s of steps) out.add(`- ${s.env}${s.key ? ` / ${s.key}` : ''}: ${cell(s.step.title)} (\`${s.step.id}\`)\n`, 'runbook steps', limit / 6);
    out.add('\n');
  }

  for (const e of review.environments) {
    if (!e.risk) continue;
    out.add(`### ${envTitle(e)}\n\n`);
    if (e.integrations.length) {
      out.add('| integration | change | risk | what changes |\n| --- | --- | --- | --- |\n');
      // Tables may take a third of the comment, so the highest-risk details still fit.
      for (const i of e.integrations) out.add(`| ${i.key} | ${i.change} | ${LEVEL_WORD[i.risk]} | ${cell(whatChanged(i))} |\n`, 'table rows', limit / 3);
      out.add('\n');
    }
    const envDetail = environmentDetail(e);
    if (envDetail) out.add(envDetail, 'environment details');
  }

  const details = review.environments
    .flatMap((e) => e.integrations.filter(hasDetails).map((i) => ({ env: e.name, i })))
    .sort((a, b) => riskOrder(b.i.risk) - riskOrder(a.i.risk));
  // The heading comes with the first detail that says something; once fewer than 200 characters are left no
  // detail fits: the rest are counted without rendering them.
  let heading = false;
  for (const d of details) {
    if (out.left < 200) {
      out.skip('integration details');
      continue;
    }
    const text = integrationDetail(d.env, d.i);
    if (!text) continue;
    if (!heading) heading = out.add('### Details\n\n');
    out.add(text, 'integration details');
  }

  let text = out.toString();
  if (out.cut.size) {
    const cut = [...out.cut.entries()].map(([what, n]) => `${n} ${what}`).join(', ');
    text += `\n---\n**Cut to fit one GitHub comment** (${limit.toLocaleString('en-US')} characters): ${cut} not shown, lowest risk last. Run \`okta-sso review --format json\` for the full review.\n`;
  }
  return text;
}

function riskOrder(level: RiskLevel): number {
  return ['low', 'medium', 'high', 'critical'].indexOf(level);
}
