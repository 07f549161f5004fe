import { classifyChange, classifyRemoval } from './classify';
import { displayValue, groupName } from './display';
import { IntegrationReview, Replacement, RunbookChanges, SettingChange, StepRef } from './model';
import { secretPaths } from './redact';
import { forcesReplacement } from './replace-on-change';
import { RiskFinding, finding, maxRisk, riskRank } from './risk';
import { RunbookStep } from './synth-dir';
import { IntegrationIndex, StackIndex, TfBlock } from './stack-index';
import { resourceWords, settingWords } from './words';

/** JSON with sorted keys: equal for equal data whatever the key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => k !== '//').sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as any)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Deep equality of JSON data, ignoring `"//"` comments; no allocation, stops at the first difference. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const k in ao) {
    if (k === '//') continue;
    count++;
    if (!(k in bo) || !sameJson(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (k !== '//') count--;
  return count === 0;
}

function attributes(body: Readonly<Record<string, unknown>> | undefined): string[] {
  return body ? Object.keys(body).filter((k) => k !== '//') : [];
}

export interface BlockDiff {
  readonly settings: SettingChange[];
  readonly findings: RiskFinding[];
  readonly replacements: Replacement[];
}

/**
 * Compares the blocks of one integration (or the shared part of a stack).
 * `moved` maps base addresses to head addresses.
 */
export function diffBlocks(
  base: ReadonlyMap<string, TfBlock>,
  head: ReadonlyMap<string, TfBlock>,
  sides: { readonly base: StackIndex; readonly head: StackIndex },
  ctx: { readonly permanentUsernames: boolean },
  moved: ReadonlyMap<string, string> = new Map(),
): BlockDiff {
  const out: BlockDiff = { settings: [], findings: [], replacements: [] };
  const baseByHeadAddress = new Map<string, TfBlock>();
  for (const [address, block] of base) baseByHeadAddress.set(moved.get(address) ?? address, block);
  const addresses = [...new Set([...baseByHeadAddress.keys(), ...head.keys()])].sort();
  for (const address of addresses) {
    const b = baseByHeadAddress.get(address);
    const h = head.get(address);
    const type = (h ?? b)!.type;
    const words = resourceWords(type);
    if (b && h && sameJson(b.body, h.body)) continue;
    if (!h) {
      if (address.startsWith('data.')) continue; // lookups follow the resources that use them
      out.findings.push(classifyRemoval(type, words));
      out.settings.push({ resource: address, setting: `${words} removed`, attribute: '', before: 'present' });
      continue;
    }
    scanSecrets(h, out.findings);
    if (!b) {
      if (address.startsWith('data.')) continue;
      out.findings.push(finding(type === 'okta_app_saml' || type.includes('assignment') ? 'access-granted' : 'other', `${words} added`));
      out.settings.push({ resource: address, setting: `${words} added`, attribute: '', after: 'present' });
      continue;
    }
    const replacedBy: string[] = [];
    for (const attribute of [...new Set([...attributes(b.body), ...attributes(h.body)])].sort()) {
      const before = b.body[attribute];
      const after = h.body[attribute];
      if (sameJson(before, after)) continue;
      const setting = settingWords(type, attribute);
      const replaces = forcesReplacement(type, attribute);
      if (replaces) replacedBy.push(attribute);
      if (type === 'okta_app_group_assignments' && attribute === 'group') {
        diffGroups(before, after, sides, out.findings);
      } else {
        out.findings.push(classifyChange(type, attribute, before, after, setting, ctx));
      }
      out.settings.push({
        resource: address,
        setting,
        attribute,
        before: displayValue(type, attribute, before, sides.base.groupNames),
        after: displayValue(type, attribute, after, sides.head.groupNames),
        ...(replaces ? { replaces: true } : {}),
      });
    }
    if (replacedBy.length > 0) {
      out.replacements.push({ resource: address, attributes: replacedBy });
      out.findings.push(
        type === 'okta_app_saml'
          ? finding('app-replaced', `Okta app replaced (${replacedBy.map((a) => settingWords(type, a)).join(', ')} changed)`)
          : finding('resource-replaced', `${words} replaced (${replacedBy.map((a) => settingWords(type, a)).join(', ')} changed)`),
      );
    }
  }
  return out;
}

function diffGroups(before: unknown, after: unknown, sides: { readonly base: StackIndex; readonly head: StackIndex }, findings: RiskFinding[]): void {
  const names = (v: unknown, side: StackIndex) =>
    new Set((Array.isArray(v) ? v : []).map((g: any) => groupName(g?.id, side.groupNames)));
  const b = names(before, sides.base);
  const a = names(after, sides.head);
  const removed = [...b].filter((n) => !a.has(n)).sort();
  const added = [...a].filter((n) => !b.has(n)).sort();
  for (const n of removed) findings.push(finding('group-removal', `group ${JSON.stringify(n)} unassigned`));
  for (const n of added) findings.push(finding('access-granted', `group ${JSON.stringify(n)} assigned`));
  if (removed.length === 0 && added.length === 0) findings.push(finding('other', 'group priority changed'));
}

function scanSecrets(block: TfBlock, findings: RiskFinding[]): void {
  for (const at of secretPaths(block.body, '')) {
    findings.push(finding('secret-exposed', `a secret-looking value in ${block.address} ${at} (value not shown)`));
  }
}

/** Runbook steps that are new, changed or gone. */
export function diffSteps(base: ReadonlyMap<string, RunbookStep>, head: ReadonlyMap<string, RunbookStep>): RunbookChanges {
  const ref = (s: RunbookStep): StepRef => ({ id: s.id, title: typeof s.title === 'string' ? s.title : s.id });
  const added: StepRef[] = [];
  const changed: StepRef[] = [];
  const removed: StepRef[] = [];
  for (const [id, step] of head) {
    const old = base.get(id);
    if (!old) added.push(ref(step));
    else if (canonical(old) !== canonical(step)) changed.push(ref(step));
  }
  for (const [id, step] of base) if (!head.has(id)) removed.push(ref(step));
  const byId = (x: StepRef, y: StepRef) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  return { added: added.sort(byId), changed: changed.sort(byId), removed: removed.sort(byId) };
}

export function runbookFindings(changes: RunbookChanges, base: ReadonlyMap<string, RunbookStep>, head: ReadonlyMap<string, RunbookStep>): RiskFinding[] {
  const out: RiskFinding[] = [];
  for (const s of changes.added) out.push(finding('runbook-steps', `new manual step: ${s.title}`));
  for (const s of changes.changed) out.push(finding('runbook-steps', `changed manual step: ${s.title}`));
  for (const s of changes.removed) out.push(finding('other', `manual step no longer needed: ${s.title}`));
  if (importGroupsOn(head) && !importGroupsOn(base)) out.push(finding('import-groups-on', 'runbook turns Import Groups on'));
  return out;
}

const ON = /^(on|yes|true|enabled?)\b/i;

/** Whether a runbook sets Import Groups on (a value labelled "Import Groups" that reads on/enabled/true). */
function importGroupsOn(steps: ReadonlyMap<string, RunbookStep>): boolean {
  for (const step of steps.values()) {
    for (const [label, value] of Object.entries(step.values ?? {})) {
      if (/import groups/i.test(label) && ON.test(String(value).trim())) return true;
    }
  }
  return false;
}

const EMPTY_STEPS = new Map<string, RunbookStep>();

/** Reviews one integration; undefined when nothing changed. */
export function compareIntegration(
  base: IntegrationIndex | undefined,
  head: IntegrationIndex | undefined,
  sides: { readonly base: StackIndex; readonly head: StackIndex },
): IntegrationReview | undefined {
  const key = (head ?? base)!.key;
  const preset = head?.preset ?? base?.preset;
  const permanentUsernames = head?.permanentUsernames === true || base?.permanentUsernames === true;
  const diff = diffBlocks(base?.blocks ?? new Map(), head?.blocks ?? new Map(), sides, { permanentUsernames }, sides.head.moved);
  const baseSteps = base?.steps ?? EMPTY_STEPS;
  const headSteps = head?.steps ?? EMPTY_STEPS;
  const runbook = diffSteps(baseSteps, headSteps);
  const findings: RiskFinding[] = [];
  let change: IntegrationReview['change'];
  if (!base) {
    change = 'added';
    findings.push(finding('access-granted', 'new integration'));
    findings.push(...diff.findings.filter((f) => f.class !== 'access-granted' && f.class !== 'other'));
  } else if (!head) {
    change = 'removed';
    findings.push(base.appAddress ? finding('app-replaced', 'integration removed: its Okta app is destroyed (prevent_destroy fails the plan first)') : finding('other', 'integration removed', 'medium'));
    findings.push(...diff.findings.filter((f) => f.class === 'group-removal' || f.class === 'deprovisioning-off'));
  } else {
    change = base.key !== head.key ? 'renamed' : 'changed';
    findings.push(...diff.findings);
  }
  findings.push(...runbookFindings(runbook, baseSteps, headSteps));
  const suppressedBefore = new Set(suppressionsOf(base).map((s) => s.rule));
  for (const s of suppressionsOf(head)) {
    if (!suppressedBefore.has(s.rule)) findings.push(finding('policy-suppressed', `policy rule ${s.rule} suppressed: ${s.reason}`));
  }
  if (head?.importGroups === true && base?.importGroups !== true) findings.push(finding('import-groups-on', 'Import Groups turned on'));
  const outputsChanged = canonical([...(base?.outputs ?? new Map())]) !== canonical([...(head?.outputs ?? new Map())]);
  if (outputsChanged && change !== 'added' && change !== 'removed') findings.push(finding('other', 'IdP record output changed'));

  const settings = change === 'changed' || change === 'renamed' ? diff.settings : [];
  if (change === 'changed' && settings.length === 0 && findings.length === 0 && !runbookChanged(runbook)) return undefined;
  const unique = dedupeFindings(findings);
  return {
    key,
    ...(preset ? { preset } : {}),
    change,
    ...(change === 'renamed' ? { renamedFrom: base!.key } : {}),
    risk: maxRisk(unique.map((f) => f.level)) ?? 'low',
    findings: unique,
    settings,
    replacements: diff.replacements,
    runbook,
  };
}

/** Suppressions recorded by synth on the app's `"//"` comment (rules/policy-checks.ts). */
function suppressionsOf(i: IntegrationIndex | undefined): Array<{ rule: string; reason: string }> {
  const body = i?.appAddress ? (i.blocks.get(i.appAddress)?.body as any) : undefined;
  const list = body?.['//']?.['okta-sso-policy']?.suppressions;
  return Array.isArray(list) ? list.filter((s: any) => typeof s?.rule === 'string').map((s: any) => ({ rule: s.rule, reason: String(s.reason ?? '') })) : [];
}

function runbookChanged(r: RunbookChanges): boolean {
  return r.added.length + r.changed.length + r.removed.length > 0;
}

/** Same class and detail once; most severe first, then by class and detail for stable output. */
export function dedupeFindings(findings: readonly RiskFinding[]): RiskFinding[] {
  const seen = new Set<string>();
  const out: RiskFinding[] = [];
  for (const f of findings) {
    const k = `${f.class}|${f.level}|${f.detail}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out.sort((a, b) => riskRank(b.level) - riskRank(a.level) || (a.class < b.class ? -1 : a.class > b.class ? 1 : 0) || (a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0));
}
