import { ownEntry } from '../model/own-entry';
import { canonical, compareIntegration, dedupeFindings, diffBlocks, diffOutputs, diffSteps, runbookFindings } from './compare';
import { groupLookupGuardFindings } from './group-lookup-guard';
import { EnvironmentReview, IntegrationReview, Review, SettingChange } from './model';
import { providerConstraintChanges } from './provider-constraints';
import { HIDDEN, containsSecret, secretPaths } from './redact';
import { suggestRenames } from './rename-suggestion';
import { compareBackends, localStateWords } from './state-location';
import { addedSecretFinding, removedSecretFinding } from './secret-variables';
import { droppedRenames } from './dropped-renames';
import { emptyStack, removedEnvironment } from './environment-change';
import { RiskClassId, RiskFinding, RiskLevel, finding, maxRisk, riskRank } from './risk';
import { IntegrationIndex, StackIndex, indexStack } from './stack-index';
import { ReviewInputError, StackFiles, readSynthDir } from './synth-dir';

/**
 * Compares two synth output directories (base and head) stack by stack and
 * integration by integration, from the synthesized files only.
 * Throws ReviewInputError on bad input.
 */
export function reviewSynthDirs(baseDir: string, headDir: string): Review {
  const base = readSynthDir(baseDir, 'base');
  const head = readSynthDir(headDir, 'head');
  const problems = [...base.problems, ...head.problems];
  if (problems.length > 0) throw new ReviewInputError(problems);
  return reviewStacks(base.stacks, head.stacks);
}

/** Reviews parsed stacks, by environment name; an environment on one side only is added or removed (review/environment-change.ts). */
export function reviewStacks(base: ReadonlyMap<string, StackFiles>, head: ReadonlyMap<string, StackFiles>): Review {
  const names = [...new Set([...base.keys(), ...head.keys()])].sort();
  const environments = names.map((name) => {
    const b = base.get(name);
    const h = head.get(name);
    if (!h) return removedEnvironment(indexStack(b!));
    return b ? reviewEnvironment(indexStack(b), indexStack(h)) : reviewEnvironment(emptyStack(name), indexStack(h), 'added');
  });
  // Each class at the level its findings got: an unknown resource removed (other, medium) is not listed with the low changes.
  const counts = new Map<string, { class: RiskClassId; level: RiskLevel; count: number }>();
  const count = (findings: readonly RiskFinding[]) => {
    for (const k of new Set(findings.map((f) => `${f.class}|${f.level}`))) {
      const [cls, level] = k.split('|') as [RiskClassId, RiskLevel];
      const entry = counts.get(k) ?? counts.set(k, { class: cls, level, count: 0 }).get(k)!;
      entry.count++;
    }
  };
  for (const env of environments) {
    for (const i of env.integrations) count(i.findings);
    count(env.environment.findings);
  }
  const classes = [...counts.values()].sort((a, b) => riskRank(b.level) - riskRank(a.level) || (a.class < b.class ? -1 : a.class > b.class ? 1 : 0));
  const risk = maxRisk(environments.flatMap((e) => (e.risk ? [e.risk] : [])));
  return { ...(risk ? { risk } : {}), environments, classes };
}

/** Pairs integrations renamed with a `moved` block for their Okta app. */
function renames(base: StackIndex, head: StackIndex): Map<string, string> {
  const baseByApp = new Map<string, IntegrationIndex>();
  for (const i of base.integrations.values()) if (i.appAddress) baseByApp.set(i.appAddress, i);
  const headByApp = new Map<string, IntegrationIndex>();
  for (const i of head.integrations.values()) if (i.appAddress) headByApp.set(i.appAddress, i);
  const pairs = new Map<string, string>();
  for (const [from, to] of head.moved) {
    const old = baseByApp.get(from);
    const now = headByApp.get(to);
    if (old && now && !head.integrations.has(old.key) && !base.integrations.has(now.key)) pairs.set(now.key, old.key);
  }
  return pairs;
}

function reviewEnvironment(base: StackIndex, head: StackIndex, change?: 'added'): EnvironmentReview {
  const sides = { base, head };
  const renamed = renames(base, head);
  const renamedOld = new Set(renamed.values());
  const integrations: IntegrationReview[] = [];
  let unchanged = 0;
  const keys = [...new Set([...base.integrations.keys(), ...head.integrations.keys()])].sort();
  for (const key of keys) {
    if (renamedOld.has(key)) continue;
    const h = head.integrations.get(key);
    const b = base.integrations.get(renamed.get(key) ?? key);
    const review = compareIntegration(b, h, sides);
    if (review) integrations.push(review);
    else unchanged++;
  }
  const reviewed = suggestRenames(integrations, base.integrations, head.integrations);
  reviewed.sort((x, y) => riskRank(y.risk) - riskRank(x.risk) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  const env = reviewEnvironmentWide(base, head, renamed, change);
  const counts = {
    added: reviewed.filter((i) => i.change === 'added').length,
    adopted: reviewed.filter((i) => i.change === 'adopted').length,
    changed: reviewed.filter((i) => i.change === 'changed' || i.change === 'renamed').length,
    removed: reviewed.filter((i) => i.change === 'removed').length,
    unchanged,
  };
  const envChanged = env.settings.length || runbookCount(env.runbook) || env.adopted;
  const risk = maxRisk([...reviewed.map((i) => i.risk), ...env.findings.map((f) => f.level), ...(envChanged ? (['low'] as const) : [])]);
  return { name: head.name, ...(change ? { change } : {}), counts, ...(risk ? { risk } : {}), integrations: reviewed, environment: env };
}

/** `added`: base is empty; the org and backend a new environment gets are shown, not risks. `renamed`: head key -> base key. */
function reviewEnvironmentWide(base: StackIndex, head: StackIndex, renamed: ReadonlyMap<string, string>, change?: 'added'): EnvironmentReview['environment'] {
  const findings: RiskFinding[] = [];
  const settings: SettingChange[] = [];
  const risk = (f: RiskFinding) => {
    if (change !== 'added') findings.push(f);
  };

  // Terraform JSON allows a provider as an object or as a list of configurations.
  const first = (p: unknown): Record<string, unknown> | undefined => ((Array.isArray(p) ? p[0] : p) ?? undefined) as Record<string, unknown> | undefined;
  const bp = first(base.provider);
  const hp = first(head.provider);
  for (const attr of ['org_name', 'base_url']) {
    const before = bp?.[attr];
    const after = hp?.[attr];
    if (before !== after) {
      risk(finding('org-changed', `Okta ${attr === 'org_name' ? 'org name' : 'domain'} changed`));
      settings.push({ resource: 'provider.okta', setting: attr === 'org_name' ? 'Okta org name' : 'Okta domain', attribute: attr, before: show(before), after: show(after) });
    }
  }
  // A throttle, not a risk: shown so that a slower plan, or a faster one that meets 429s, has its cause in the review.
  const capacity = (p: Record<string, unknown> | undefined) => p?.max_api_capacity ?? 'unset (the provider\'s 100)';
  if (capacity(bp) !== capacity(hp)) {
    settings.push({ resource: 'provider.okta', setting: 'share of each Okta rate limit a run may use, %', attribute: 'max_api_capacity', before: show(capacity(bp)), after: show(capacity(hp)) });
  }
  // What Terraform would use, not where base and head were synthesized (review/state-location.ts).
  const backends = compareBackends(base, head);
  if (!backends.same) {
    risk(finding('backend-changed', 'Terraform state backend changed'));
    settings.push({ resource: 'terraform', setting: 'state backend', attribute: 'backend', ...(change ? {} : { before: backendWords(base) }), after: backendWords(head) });
  } else if (backends.configDirMoved) risk(backends.configDirMoved);
  const providers = providerConstraintChanges(base.requiredProviders, head.requiredProviders, change === 'added');
  findings.push(...providers.findings);
  settings.push(...providers.settings);

  // Variables by name only: a default value is never shown.
  for (const name of [...new Set([...Object.keys(base.variables), ...Object.keys(head.variables)])].sort()) {
    const b = ownEntry(base.variables, name);
    const h = ownEntry(head.variables, name);
    const sensitive = h?.sensitive === true || b?.sensitive === true;
    if (!h) {
      findings.push(sensitive ? removedSecretFinding(name, base, head, renamed) : finding('other', `variable ${name} removed`));
      settings.push({ resource: `var.${name}`, setting: `${sensitive ? 'sensitive ' : ''}variable ${name} removed`, attribute: '', before: 'present' });
      continue;
    }
    if (h.sensitive === true && h.default !== undefined) findings.push(finding('secret-exposed', `sensitive variable ${name} has a default value in the configuration (not shown)`));
    if (b?.sensitive === true && h.sensitive !== true) findings.push(finding('secret-exposed', `variable ${name} is no longer sensitive: Terraform will print its value`));
    if (h.sensitive !== true && h.default !== undefined && containsSecret(h.default, name)) findings.push(finding('secret-exposed', `variable ${name} has a secret-looking default (not shown)`));
    if (!b) {
      findings.push(sensitive ? addedSecretFinding(name, base, head, renamed) : finding('other', `variable ${name} added`));
      settings.push({ resource: `var.${name}`, setting: `${sensitive ? 'sensitive ' : ''}variable ${name} added`, attribute: '', after: 'present' });
    } else if (canonical(b) !== canonical(h)) {
      settings.push({ resource: `var.${name}`, setting: `variable ${name} changed`, attribute: '', before: variableWords(b), after: variableWords(h) });
    }
  }
  // A literal password or key in any provider block (snowflake's, not only okta's) is in the repository and in every plan.
  for (const name of Object.keys(head.providers).sort()) {
    for (const at of secretPaths(head.providers[name], `provider.${name}`)) findings.push(finding('secret-exposed', `a secret-looking value in ${at} (value not shown)`));
  }

  const renameRecords = droppedRenames(base, head);
  findings.push(...renameRecords.findings);
  settings.push(...renameRecords.settings);

  const shared = diffBlocks(base.shared, head.shared, { base, head }, { permanentUsernames: false }, head.moved);
  for (const f of shared.findings) {
    // An Okta group deleted: everyone who got an app through it loses it.
    findings.push(f.detail === 'Okta group removed' ? finding('group-removal', 'Okta group deleted: its members lose every app assigned through it') : f);
  }
  settings.push(...shared.settings);
  findings.push(...groupLookupGuardFindings(base, head));
  const runbook = diffSteps(base.steps, head.steps);
  findings.push(...runbookFindings(runbook, base.steps, head.steps));

  const outputs = diffOutputs(base.outputs, head.outputs, undefined, head.moved);
  settings.push(...outputs.settings);
  findings.push(...outputs.findings);
  const sensitiveVariables = Object.keys(head.variables).filter((n) => ownEntry(head.variables, n)?.sensitive === true).sort();
  return { findings: dedupeFindings(findings), settings, runbook, sensitiveVariables, ...(shared.adopted.length ? { adopted: shared.adopted } : {}) };
}

/** A variable's declaration without its default value: `string, sensitive, has a default`. */
function variableWords(v: Record<string, any>): string {
  const parts = [typeof v.type === 'string' ? v.type : 'any type'];
  if (v.sensitive === true) parts.push('sensitive');
  if (v.nullable === false) parts.push('not nullable');
  if (v.default !== undefined) parts.push('has a default (not shown)');
  if (v.validation !== undefined) parts.push('validated');
  if (typeof v.description === 'string') parts.push(`"${v.description}"`);
  return parts.join(', ');
}

function runbookCount(r: EnvironmentReview['environment']['runbook']): number {
  return r.added.length + r.changed.length + r.removed.length;
}

function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return containsSecret(value) ? HIDDEN : String(value);
}

function backendWords(side: StackIndex): string {
  const { backend, cloud } = (side.backend ?? {}) as { backend?: Record<string, any>; cloud?: Record<string, any> };
  if (cloud) return `HCP Terraform ${cloud.organization ?? ''}/${cloud.workspaces?.name ?? ''}`.trim();
  if (backend) {
    const [type] = Object.keys(backend);
    const cfg = backend[type] ?? {};
    if (type === 's3') return `s3 ${cfg.bucket}/${cfg.key}`;
    if (type === 'local') return `local ${localStateWords(side) ?? cfg.path ?? ''}`.trim();
    return type;
  }
  return 'none';
}
