import { ownEntry } from '../model/own-entry';
import { ChangeContext, DEPROVISIONS_NOTE, classifyChange, classifyRemoval, classifyReplacement } from './classify';
import { keyedListChange, outputObjectChange } from './keyed-lists';
import { SECRET_REFERENCE_IN_TEXT, displayValue, groupName, liveId, pushGroupWords, quoted, runbookValue } from './display';
import { followMoved, renameIdentifiers, renamedIdentifiers, renamedOutput } from './follow-moved';
import { isLookupGuard } from './group-lookup-guard';
import { DEACTIVATE_LABEL, deprovisioningOf, hasFeaturesResource, hasLabel, isOn, labelOn } from './live-provisioning';
import { Adoption, IntegrationReview, Replacement, RunbookChanges, SettingChange, StepRef, StepValueChange } from './model';
import { secretPaths } from './redact';
import { forcesReplacement } from './replace-on-change';
import { RiskFinding, finding, maxRisk, riskRank } from './risk';
import { RunbookStep } from './synth-dir';
import { IntegrationIndex, StackIndex, TfBlock } from './stack-index';
import { resourceWords, settingWords, unescapeTerraform } from './words';

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
    if (!Object.hasOwn(bo, k) || !sameJson(ao[k], bo[k])) return false;
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
  /** Blocks new in head that head imports: taken over as they are, so neither added nor a change for users. */
  readonly adopted: Adoption[];
}

/** An app's attributes as an admin reads them (its name, where sign-in goes, then who it is for), then the others by name. */
const READING_ORDER = ['label', 'sso_url', 'recipient', 'destination', 'audience'];

function byReadingOrder(a: string, b: string): number {
  const [i, j] = [READING_ORDER.indexOf(a), READING_ORDER.indexOf(b)];
  if (i !== -1 || j !== -1) return (i === -1 ? READING_ORDER.length : i) - (j === -1 ? READING_ORDER.length : j);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A resource in users' words; push groups name their Okta group and SP group. */
function blockWords(block: TfBlock, groupNames: ReadonlyMap<string, string>): string {
  if (block.type === 'okta_push_group') return pushGroupWords(block.body, groupNames);
  // One of several an integration may have: named by the attribute it declares.
  if (block.type === 'okta_app_user_schema_property' && typeof block.body.index === 'string') return `${resourceWords(block.type)} ${quoted(unescapeTerraform(block.body.index))}`;
  return resourceWords(block.type);
}

/** An adopted resource in users' words: an Okta group also by its name, since several are adopted at once. */
function adoptedWords(block: TfBlock, groupNames: ReadonlyMap<string, string>): string {
  return block.type === 'okta_group' && typeof block.body.name === 'string' ? `Okta group ${quoted(unescapeTerraform(block.body.name))}` : blockWords(block, groupNames);
}

/**
 * An import block that names another live object than base's: Terraform would take over that one,
 * or ignore the block once the address is in state; either way not what base adopted.
 */
function importChanged(address: string, block: TfBlock, before: string | undefined, after: string | undefined, groupNames: ReadonlyMap<string, string>, out: BlockDiff, appAdoptions: Set<RiskFinding>): void {
  if (before === after) return;
  const app = block.type === 'okta_app_saml';
  const words = adoptedWords(block, groupNames);
  if (before === undefined || after === undefined) {
    // `adopt` written on, or taken off, a resource the config already had: what apply does depends on each environment's state.
    const id = liveId((after ?? before)!);
    const what = app ? `adoption of the live app ${id}` : `adoption of ${words} (${id})`;
    const f = finding(after !== undefined ? 'adoption-added' : 'adoption-removed', `${what} ${after !== undefined ? 'added' : 'removed'}`);
    out.findings.push(f);
    if (app) appAdoptions.add(f);
    out.settings.push({ resource: address, setting: app ? 'adopted app ID' : `${words}: adopted ID`, attribute: 'import', before: before && liveId(before), after: after && liveId(after) });
    return;
  }
  const [was, now] = [liveId(before), liveId(after)];
  out.findings.push(finding('adopted-id-changed', app ? `adopted app ID changed from ${was} to ${now}` : `adopted ID of ${words} changed from ${was} to ${now}`));
  out.settings.push({ resource: address, setting: app ? 'adopted app ID' : `${words}: adopted ID`, attribute: 'import', before: was, after: now });
}

/** Base's import IDs by the address each lands at in head (following `moved`), by base's imports and head's moves. */
const importsByHeadAddress = new WeakMap<ReadonlyMap<string, string>, WeakMap<ReadonlyMap<string, string>, Map<string, string>>>();

/** Built once per environment: each integration needs a few of them, and building them per integration costs every import of the stack each time. */
function importsAtHeadAddresses(imports: ReadonlyMap<string, string>, moved: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const byMoved = importsByHeadAddress.get(imports) ?? importsByHeadAddress.set(imports, new WeakMap()).get(imports)!;
  let out = byMoved.get(moved);
  if (!out) {
    out = new Map();
    for (const [address, id] of imports) out.set(moved.get(address) ?? address, id);
    byMoved.set(moved, out);
  }
  return out;
}

/**
 * Compares the blocks of one integration (or the shared part of a stack).
 * `moved` maps base addresses to head addresses: a moved block is compared
 * with its new address, and a reference that changes only because it follows
 * a moved address (`${okta_app_saml.a.id}` -> `${okta_app_saml.b.id}`) is no change.
 */
export function diffBlocks(
  base: ReadonlyMap<string, TfBlock>,
  head: ReadonlyMap<string, TfBlock>,
  sides: { readonly base: StackIndex; readonly head: StackIndex },
  ctx: ChangeContext,
  moved: ReadonlyMap<string, string> = new Map(),
): BlockDiff {
  const out: BlockDiff = { settings: [], findings: [], replacements: [], adopted: [] };
  const baseByHeadAddress = new Map<string, TfBlock>();
  for (const [address, block] of base) baseByHeadAddress.set(moved.get(address) ?? address, block);
  const baseImports = importsAtHeadAddresses(sides.base.imports, moved);
  const addresses = [...new Set([...baseByHeadAddress.keys(), ...head.keys()])].sort();
  // An app's own adoption findings (added or removed): those of its push groups and assignments follow them.
  const appAdoptions = new Set<RiskFinding>();
  for (const address of addresses) {
    const b = baseByHeadAddress.get(address);
    const h = head.get(address);
    if (b && h) importChanged(address, h, baseImports.get(address), sides.head.imports.get(address), sides.head.groupNames, out, appAdoptions);
    if (b && h && sameJson(b.body, h.body) && !namesAnotherGroup(b, h, sides)) continue;
    // Only blocks that differ are rewritten, so an unchanged stack costs no copies.
    const bBody = b && moved.size > 0 ? followMoved(b.body, moved) : b?.body;
    if (b && h && sameJson(bBody, h.body) && !namesAnotherGroup(b, h, sides)) continue;
    if (!h) {
      if (address.startsWith('data.')) continue; // lookups follow the resources that use them
      const words = blockWords(b!, sides.base.groupNames);
      out.findings.push(withDeprovisioning(classifyRemoval(b!.type, words, b!.body), ctx));
      out.settings.push({ resource: address, setting: `${words} removed`, attribute: '', before: 'present' });
      continue;
    }
    const type = h.type;
    const words = blockWords(h, sides.head.groupNames);
    scanSecrets(h, out.findings);
    if (!b) {
      if (address.startsWith('data.')) continue;
      const id = sides.head.imports.get(address);
      if (id !== undefined) {
        out.adopted.push({ resource: address, what: adoptedWords(h, sides.head.groupNames), id: liveId(id) });
        continue;
      }
      out.findings.push(finding(type === 'okta_app_saml' || type.includes('assignment') ? 'access-granted' : 'other', `${words} added`));
      out.settings.push({ resource: address, setting: `${words} added`, attribute: '', after: 'present' });
      continue;
    }
    const replacedBy: string[] = [];
    for (const attribute of [...new Set([...attributes(bBody), ...attributes(h.body)])].sort(byReadingOrder)) {
      const before = ownEntry(bBody!, attribute);
      const after = ownEntry(h.body, attribute);
      // The same references can name other groups: a group renamed to a name with the same Terraform name.
      const assignments = type === 'okta_app_group_assignments' && attribute === 'group';
      const pushedGroup = type === 'okta_push_group' && attribute === 'source_group_id';
      if (assignments) {
        if (sameJson(before, after) && !renamedBehind(before, after, sides)) continue;
      } else if (pushedGroup && otherGroupBehind(before, after, sides)) {
        // Another group behind the same reference: its ID, known at apply, replaces the push group.
      } else if (sameJson(before, after) || isLookupGuard(h, attribute)) continue;
      const setting = settingWords(type, attribute);
      const replaces = forcesReplacement(type, attribute, before, after);
      if (replaces) replacedBy.push(attribute);
      if (assignments) {
        diffGroups(before, after, sides, out.findings, ctx);
      } else if (type === 'okta_group' && attribute === 'name' && address.startsWith('data.')) {
        // A lookup by another name finds another group: no group is renamed.
        out.findings.push(
          finding(
            'other',
            `the Okta group looked up as ${quoted(unescapeTerraform(String(before)))} is now ${quoted(unescapeTerraform(String(after)))}: another group, not a rename (each app assigned it says who gains and loses it)`,
            'medium',
          ),
        );
      } else {
        const f = classifyChange(type, attribute, before, after, type === 'okta_push_group' ? `${words}: ${setting}` : setting, ctx);
        // The replacement finding below already says this attribute changed.
        if (!(replaces && f.class === 'other')) out.findings.push(f);
      }
      const items = keyedListChange(type, attribute, before, after, sameJson);
      out.settings.push({
        resource: address,
        setting: type === 'okta_push_group' ? `${words}: ${setting}` : setting,
        attribute,
        ...(items
          ? { items: items.names, ...(items.before !== undefined ? { before: items.before } : {}), ...(items.after !== undefined ? { after: items.after } : {}) }
          : {
              // Display the base's own value: the reader sees what the file said.
              before: displayValue(type, attribute, ownEntry(b.body, attribute), sides.base.groupNames),
              after: displayValue(type, attribute, after, sides.head.groupNames),
            }),
        ...(replaces ? { replaces: true } : {}),
      });
    }
    if (replacedBy.length > 0) {
      out.replacements.push({ resource: address, attributes: replacedBy });
      // A replaced push group is named as it was before: that is the mapping Okta drops.
      const replacedWords = type === 'okta_push_group' ? blockWords(b, sides.base.groupNames) : words;
      out.findings.push(classifyReplacement(type, replacedWords, replacedBy.map((a) => settingWords(type, a)).join(', ')));
    }
  }
  // An app's adoption written on or taken off is one finding: its push groups and assignments follow it (their IDs stay in the settings).
  const appClasses = new Set([...appAdoptions].map((f) => f.class));
  if (appClasses.size > 0) {
    const kept = out.findings.filter((f) => !appClasses.has(f.class) || appAdoptions.has(f));
    out.findings.splice(0, out.findings.length, ...kept);
  }
  return out;
}

/** A group removal that deactivates SP accounts says so; elsewhere members only lose the app. */
function withDeprovisioning(f: RiskFinding, ctx: ChangeContext): RiskFinding {
  return f.class === 'group-removal' && f.level === 'high' && ctx.deprovisions ? { ...f, detail: `${f.detail}: ${DEPROVISIONS_NOTE[ctx.deprovisions]}` } : f;
}

/**
 * Whether a block whose text is unchanged now names another Okta group: a looked-up group renamed to a name with the
 * same Terraform name keeps every reference to it, while the app's assignments and push groups move to the other group.
 */
function namesAnotherGroup(b: TfBlock, h: TfBlock, sides: { readonly base: StackIndex; readonly head: StackIndex }): boolean {
  if (h.type === 'okta_app_group_assignments') return renamedBehind(b.body.group, h.body.group, sides);
  if (h.type === 'okta_push_group') return otherGroupBehind(b.body.source_group_id, h.body.source_group_id, sides);
  return false;
}

/** One reference, two names, each side knowing its own (a side that cannot name the group says nothing). */
function otherGroupBehind(before: unknown, after: unknown, sides: { readonly base: StackIndex; readonly head: StackIndex }): boolean {
  if (before !== after || typeof before !== 'string') return false;
  const [was, now] = [sides.base.groupNames.get(before), sides.head.groupNames.get(after as string)];
  return was !== undefined && now !== undefined && was !== now;
}

/** Assignments with the same references in the same order, one of which now names another group. */
function renamedBehind(before: unknown, after: unknown, sides: { readonly base: StackIndex; readonly head: StackIndex }): boolean {
  if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) return false;
  return before.some((g: any, i) => otherGroupBehind(g?.id, (after[i] as any)?.id, sides));
}

/** How an assignment names its group: a group the stack creates, an existing one it looks up by name, or a live ID. */
type GroupSource = 'created' | 'existing' | 'id';

function groupSource(ref: unknown): GroupSource {
  const text = String(ref);
  if (text.startsWith('${data.okta_group.')) return 'existing';
  if (text.startsWith('${okta_group.')) return 'created';
  return 'id';
}

/** What an assignment's group is now, and what it was, in a finding. */
const GROUP_NOW: Readonly<Record<GroupSource, string>> = { created: 'a new, empty group this stack creates', existing: 'the existing Okta group of that name', id: 'a group named by its live ID' };
const GROUP_WAS: Readonly<Record<GroupSource, string>> = {
  created: 'the group this stack created (which Terraform would then destroy)',
  existing: 'the existing Okta group of that name',
  id: 'the group of its live ID',
};

function diffGroups(before: unknown, after: unknown, sides: { readonly base: StackIndex; readonly head: StackIndex }, findings: RiskFinding[], ctx: ChangeContext): void {
  // Each assigned group by name, with where it comes from.
  const sourceOf = (v: unknown, side: StackIndex) => new Map((Array.isArray(v) ? v : []).map((g: any) => [groupName(g?.id, side.groupNames), groupSource(g?.id)]));
  const b = sourceOf(before, sides.base);
  const a = sourceOf(after, sides.head);
  const removed = [...b.keys()].filter((n) => !a.has(n)).sort();
  const added = [...a.keys()].filter((n) => !b.has(n)).sort();
  // One name, another group: the members of the one the app had lose it, the other's get it.
  const swapped = [...a.keys()].filter((n) => b.has(n) && b.get(n) !== a.get(n)).sort();
  for (const n of removed) findings.push(withDeprovisioning(finding('group-removal', `group ${quoted(n)} unassigned`), ctx));
  for (const n of added) findings.push(finding('access-granted', `group ${quoted(n)} assigned`));
  // Groups head creates by importing the live one (adopt.groupIds): the same group, now managed by the stack.
  const importedByName = new Set((Array.isArray(after) ? after : []).filter((g: any) => importedGroup(g?.id, sides.head)).map((g: any) => groupName(g?.id, sides.head.groupNames)));
  for (const n of swapped) {
    if (b.get(n) === 'existing' && a.get(n) === 'created' && importedByName.has(n)) continue;
    if (b.get(n) === 'existing' && a.get(n) === 'created') {
      // The lookup found a group of that name, and Okta group names are unique in an org: the new one cannot be created.
      findings.push(
        finding(
          'group-removal',
          `group ${quoted(n)} is switched from the existing Okta group of that name to one this stack creates: Okta has that name already (the lookup found it) and group names are unique in an org, ` +
            'so the apply fails creating it, after replacing what depends on the group (push groups); to manage the existing group, give its live ID in adopt.groupIds (Terraform imports it)',
        ),
      );
      continue;
    }
    findings.push(withDeprovisioning(finding('group-removal', `group ${quoted(n)} is now ${GROUP_NOW[a.get(n)!]}, not ${GROUP_WAS[b.get(n)!]}: the members of the one the app had lose it`), ctx));
  }
  if (removed.length === 0 && added.length === 0 && swapped.length === 0) findings.push(finding('other', 'group priority changed'));
}

/** Whether `ref` (`${okta_group.group_eng.id}`) names a group that `side` imports: the live group, not a new one. */
function importedGroup(ref: unknown, side: StackIndex): boolean {
  const address = /^\$\{(okta_group\.[^.}]+)\.id\}$/.exec(String(ref))?.[1];
  return address !== undefined && side.imports.has(address);
}

function scanSecrets(block: TfBlock, findings: RiskFinding[]): void {
  for (const at of secretPaths(block.body, '')) {
    findings.push(finding('secret-exposed', `a secret-looking value in ${block.address} ${at} (value not shown)`));
  }
}

/** How names change between base and head when an integration is renamed with `moved` blocks. */
export interface Renaming {
  readonly oldKey: string;
  readonly newKey: string;
  /** Identifiers the rename changes (see renamedIdentifiers). */
  readonly names: ReadonlyMap<string, string>;
  /** The head's `moved` blocks, old address -> new address. */
  readonly moved: ReadonlyMap<string, string>;
}

/** A value as it reads once base names are head names; applied to both sides, so text that merely follows the rename compares equal. */
function normalise<T>(value: T, renaming: Renaming | undefined, moved: ReadonlyMap<string, string>): T {
  const followed = followMoved(value, renaming?.moved ?? moved);
  return renaming ? renameIdentifiers(followed, renaming.names) : followed;
}

/**
 * Runbook steps that are new, changed or gone, in runbook order. Across a rename, steps pair by
 * their id suffix (`<old key>.<step>` with `<new key>.<step>`), and a changed
 * step lists its values that differ, label by label.
 */
export function diffSteps(base: ReadonlyMap<string, RunbookStep>, head: ReadonlyMap<string, RunbookStep>, renaming?: Renaming, relabel?: Relabel): RunbookChanges {
  const ref = (s: RunbookStep, checkOnly = s.checkOnly === true): StepRef => ({ id: s.id, title: typeof s.title === 'string' ? s.title : s.id, ...(checkOnly ? { checkOnly: true } : {}) });
  const headId = (id: string) => (renaming && id.startsWith(`${renaming.oldKey}.`) ? `${renaming.newKey}${id.slice(renaming.oldKey.length)}` : id);
  const baseByHeadId = new Map<string, RunbookStep>();
  for (const [id, step] of base) baseByHeadId.set(headId(id), step);
  const added: StepRef[] = [];
  const changed: StepRef[] = [];
  const removed: StepRef[] = [];
  for (const [id, step] of head) {
    const old = baseByHeadId.get(id);
    if (!old) {
      added.push(ref(step));
      continue;
    }
    if (sameJson(old, step)) continue;
    // The flag itself is no change: a base synthesized before it existed has the same step without it.
    const a = normalise(withoutCheckOnly(old), renaming, EMPTY_MOVED);
    const b = normalise(withoutCheckOnly(step), renaming, EMPTY_MOVED);
    if (sameJson(a, b)) continue;
    // The app's new label in the step's words only (its title, why and actions; not a value an admin enters): the label
    // change is a setting of its own, not a step to do again.
    if (relabel && sameJson(relabelled(a, relabel), b)) continue;
    const values = diffValues(old.values, step.values, a.values, b.values);
    const checkOnly = step.checkOnly === true || old.checkOnly === true;
    // Title, instructions and the rest unchanged, and every differing value a moved secret: the move is the whole change.
    const onlySecretMoved = values.length > 0 && values.every((v) => secretMove(v) !== undefined) && sameJson({ ...a, values: undefined }, { ...b, values: undefined });
    changed.push({
      ...ref(step, checkOnly),
      ...(old.id !== step.id ? { renamedFrom: old.id } : {}),
      ...(values.length ? { values } : {}),
      ...(onlySecretMoved ? { onlySecretMoved: true as const } : {}),
    });
  }
  for (const [id, step] of baseByHeadId) if (!head.has(id)) removed.push(ref(step));
  // In runbook order (head's; base's for steps gone), the order an admin does them in: "get the token" before "connect".
  return { added, changed, removed };
}

/** The app's label before and after a change, as the runbook's text names it. */
export interface Relabel {
  readonly from: string;
  readonly to: string;
}

/** A step's words (title, why, actions) with the old label as the new one, where it stands as a name (not inside a word). */
function relabelled(step: RunbookStep, { from, to }: Relabel): RunbookStep {
  const asName = new RegExp(`(?<![\\p{L}\\p{N}])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  const words = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(asName, () => to);
    if (Array.isArray(value)) return value.map(words);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, words(v)]));
    return value;
  };
  return { ...step, title: words(step.title) as string | undefined, why: words(step.why) as string | undefined, actions: words(step.actions) as unknown[] | undefined };
}

/** The app's label in base and head when it changed (a label holds no Terraform reference, so its text is the label). */
function relabelOf(base: IntegrationIndex | undefined, head: IntegrationIndex | undefined): Relabel | undefined {
  const labelOf = (i: IntegrationIndex | undefined) => {
    const label = i?.appAddress !== undefined ? i.blocks.get(i.appAddress)?.body.label : undefined;
    return typeof label === 'string' && label.length > 0 ? unescapeTerraform(label) : undefined;
  };
  const [from, to] = [labelOf(base), labelOf(head)];
  return from !== undefined && to !== undefined && from !== to ? { from, to } : undefined;
}

function withoutCheckOnly(step: RunbookStep): RunbookStep {
  if (step.checkOnly === undefined) return step;
  const { checkOnly: _flag, ...rest } = step;
  return rest;
}

/** Values that differ, label by label (head's label order, then labels only the base had); compared after normalising, shown as written. */
function diffValues(
  before: RunbookStep['values'],
  after: RunbookStep['values'],
  normBefore: RunbookStep['values'],
  normAfter: RunbookStep['values'],
): StepValueChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const nb = normBefore ?? {};
  const na = normAfter ?? {};
  const labels = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out: StepValueChange[] = [];
  for (const label of labels) {
    if (sameJson(ownEntry(nb, label), ownEntry(na, label))) continue;
    const was = runbookValue(label, ownEntry(b, label));
    const now = runbookValue(label, ownEntry(a, label));
    out.push({ label, ...(was !== undefined ? { before: was } : {}), ...(now !== undefined ? { after: now } : {}) });
  }
  return out;
}

/** Runbook labels whose turning off stops provisioning users (the features and SCIM connection steps of runbook/steps.ts). */
const USER_PROVISIONING_LABEL = /^(deactivate users|push new users|create users|push users)$/i;
const PUSH_GROUPS_LABEL = /^push groups$/i;

/** The risk of one runbook value change, if it has one beyond "changed manual step" (a moved secret: secretMove). */
function valueFinding(step: StepRef, v: StepValueChange): RiskFinding | undefined {
  const where = `(runbook step "${step.title}")`;
  if (USER_PROVISIONING_LABEL.test(v.label) && isOn(v.before) && !isOn(v.after)) return finding('deprovisioning-off', `${v.label} turned off ${where}`);
  if (PUSH_GROUPS_LABEL.test(v.label) && isOn(v.before) && !isOn(v.after)) return finding('push-groups-off', `Push Groups turned off ${where}`);
  return undefined;
}

/** Where a secret lived and lives when a runbook value names a secret location (`env:NAME`, `secret:<path>`) that changed; `not set` on a side without one. */
export function secretMove(v: StepValueChange): { readonly from: string; readonly to: string } | undefined {
  const was = v.before === undefined ? undefined : SECRET_REFERENCE_IN_TEXT.exec(v.before)?.[0];
  const now = v.after === undefined ? undefined : SECRET_REFERENCE_IN_TEXT.exec(v.after)?.[0];
  return (was !== undefined || now !== undefined) && was !== now ? { from: was ?? 'not set', to: now ?? 'not set' } : undefined;
}

/**
 * One finding per secret moved, however many steps show its location (the token step and the SCIM connection
 * step both do): `Token location moved from A to B (runbook step "...")`, or with several labels and steps
 * `secret location moved from A to B (runbook steps "...", "...")`. The Markdown then lists no step whose only
 * change this says (render-markdown.ts).
 */
function secretMoveFindings(steps: readonly StepRef[]): RiskFinding[] {
  const moves = new Map<string, { from: string; to: string; labels: Set<string>; titles: string[] }>();
  for (const s of steps) {
    for (const v of s.values ?? []) {
      const move = secretMove(v);
      if (!move) continue;
      const key = `${move.from}\n${move.to}`;
      const m = moves.get(key) ?? moves.set(key, { ...move, labels: new Set(), titles: [] }).get(key)!;
      m.labels.add(v.label);
      if (!m.titles.includes(s.title)) m.titles.push(s.title);
    }
  }
  return [...moves.values()].map((m) => {
    const what = m.labels.size === 1 ? [...m.labels][0] : 'secret location';
    const where = `${m.titles.length === 1 ? 'runbook step' : 'runbook steps'} ${m.titles.map((t) => `"${t}"`).join(', ')}`;
    return finding('secret-moved', `${what} moved from ${m.from} to ${m.to} (${where})`);
  });
}

/** The detail of a runbook step's finding: the Markdown leaves these to its runbook lists, which name the same steps. */
export const STEP_FINDING = {
  added: (s: StepRef) => `new manual step: ${s.title}`,
  changed: (s: StepRef) => `changed manual step: ${s.title}`,
  removed: (s: StepRef) => `manual step no longer needed: ${s.title}`,
} as const;

/**
 * The risks of runbook changes. A check-only step (it shows what Terraform applies) is no manual work:
 * its changes are the Terraform changes the review already reports, so it adds no finding of its own.
 */
export function runbookFindings(
  changes: RunbookChanges,
  base: ReadonlyMap<string, RunbookStep>,
  head: ReadonlyMap<string, RunbookStep>,
  /** False when the live app's SCIM provisioning is recorded as not connected: a provisioning instruction turned off stops nothing yet. */
  provisioningLive = true,
): RiskFinding[] {
  const out: RiskFinding[] = [];
  for (const s of manualSteps(changes.added)) out.push(finding('runbook-steps', STEP_FINDING.added(s)));
  for (const s of changes.changed) {
    // A step whose only change is a moved secret is said by that finding, which names the step (secretMoveFindings).
    if (!s.checkOnly && !s.onlySecretMoved) out.push(finding('runbook-steps', STEP_FINDING.changed(s)));
    // Every value finding is provisioning turned off (deprovisioning-off, push-groups-off): it stops something only where provisioning is live.
    if (provisioningLive) {
      for (const v of s.values ?? []) {
        const f = valueFinding(s, v);
        if (f) out.push(f);
      }
    }
  }
  out.push(...secretMoveFindings(changes.changed));
  for (const s of manualSteps(changes.removed)) out.push(finding('other', STEP_FINDING.removed(s)));
  if (importGroupsOn(head) && !importGroupsOn(base)) out.push(finding('import-groups-on', 'runbook turns Import Groups on'));
  return out;
}

/** Steps an admin must act on: all but the check-only ones. */
export function manualSteps(steps: readonly StepRef[]): StepRef[] {
  return steps.filter((s) => !s.checkOnly);
}

/** Whether a runbook sets Import Groups on (a value labelled "Import Groups" that reads on/enabled/true). */
function importGroupsOn(steps: ReadonlyMap<string, RunbookStep>): boolean {
  return labelOn(steps, /import groups/i);
}

const EMPTY_STEPS = new Map<string, RunbookStep>();
const EMPTY_MOVED = new Map<string, string>();

/** Output changes: renamed with the integration, changed, added or removed; values are never secrets (redacted like any value). */
export function diffOutputs(
  base: ReadonlyMap<string, unknown>,
  head: ReadonlyMap<string, unknown>,
  renaming: Renaming | undefined,
  moved: ReadonlyMap<string, string>,
): { settings: SettingChange[]; findings: RiskFinding[] } {
  const settings: SettingChange[] = [];
  const findings: RiskFinding[] = [];
  const baseByHeadName = new Map<string, [string, unknown]>();
  for (const [name, value] of base) {
    const renamed = renaming ? renamedOutput(name, renaming.oldKey, renaming.newKey) : name;
    baseByHeadName.set(head.has(renamed) ? renamed : name, [name, value]);
  }
  const gone: Array<[string, unknown]> = [];
  const fresh: Array<[string, unknown]> = [];
  for (const name of [...new Set([...baseByHeadName.keys(), ...head.keys()])].sort()) {
    const b = baseByHeadName.get(name);
    const h = head.get(name);
    if (!b) fresh.push([name, h]);
    else if (!head.has(name)) gone.push(b);
    else compareOutput(b[0], b[1], name, h);
  }
  // An output present on one side only with the same value as one on the other side was renamed.
  const goneByValue = new Map<string, [string, unknown]>();
  for (const g of gone) goneByValue.set(canonical(normalise(g[1], renaming, moved)), g);
  for (const [name, value] of fresh) {
    const key = canonical(normalise(value, renaming, moved));
    const g = goneByValue.get(key);
    if (g) {
      goneByValue.delete(key);
      compareOutput(g[0], g[1], name, value);
    } else {
      settings.push({ resource: `output.${name}`, setting: `output ${name} added`, attribute: '', after: 'present' });
      findings.push(finding('other', `output ${name} added`));
    }
  }
  for (const [name] of goneByValue.values()) {
    settings.push({ resource: `output.${name}`, setting: `output ${name} removed`, attribute: '', before: 'present' });
    findings.push(finding('other', `output ${name} removed: anything reading it (runbook, scripts, idp-record) stops working`));
  }
  return { settings, findings };

  function compareOutput(oldName: string, before: unknown, name: string, after: unknown): void {
    if (oldName === name && sameJson(before, after)) return;
    if (oldName !== name) {
      settings.push({ resource: `output.${name}`, setting: 'output name', attribute: 'output', before: oldName, after: name });
      findings.push(finding('other', `output ${oldName} renamed to ${name}: anything reading it must use the new name`));
    }
    if (sameJson(normalise(before, renaming, moved), normalise(after, renaming, moved))) return;
    const valueOf = (o: unknown) => (o as any)?.value ?? o;
    // Compared as the rename and moved blocks would have them, shown as each side wrote them.
    const items = outputObjectChange(valueOf(before), valueOf(after), (b, a) => sameJson(normalise(b, renaming, moved), normalise(a, renaming, moved)));
    if (items) {
      settings.push({ resource: `output.${name}`, setting: `output ${name}`, attribute: 'value', items: items.names, ...(items.before !== undefined ? { before: items.before } : {}), ...(items.after !== undefined ? { after: items.after } : {}) });
    } else {
      const value = (o: unknown) => displayValue('output', 'value', valueOf(o), EMPTY_MOVED);
      settings.push({ resource: `output.${name}`, setting: `output ${name}`, attribute: 'value', before: value(before), after: value(after) });
    }
    findings.push(finding('other', `${name.startsWith('idp_record_') ? 'IdP record output' : 'output'} ${name} changed`));
  }
}

/** Reviews one integration; undefined when nothing changed. */
export function compareIntegration(
  base: IntegrationIndex | undefined,
  head: IntegrationIndex | undefined,
  sides: { readonly base: StackIndex; readonly head: StackIndex },
): IntegrationReview | undefined {
  if (base && head && unchanged(base, head, sides)) return undefined;
  const key = (head ?? base)!.key;
  const preset = head?.preset ?? base?.preset;
  const permanentUsernames = head?.permanentUsernames === true || base?.permanentUsernames === true;
  const moved = sides.head.moved;
  // The live app is the base's: what it does to users unassigned on apply.
  const live = deprovisioningOf(base ?? head!);
  const turnedOffByHand = base !== undefined && head !== undefined && labelOn(base.steps, DEACTIVATE_LABEL) && !labelOn(head.steps, DEACTIVATE_LABEL) && !hasFeaturesResource(head);
  const deprovisions = live === 'on' && turnedOffByHand ? 'until-turned-off' : live;
  const diff = diffBlocks(base?.blocks ?? new Map(), head?.blocks ?? new Map(), sides, { permanentUsernames, deprovisions }, moved);
  const renaming = base && head && base.key !== head.key ? renamingOf(base, head, moved) : undefined;
  const baseSteps = base?.steps ?? EMPTY_STEPS;
  const headSteps = head?.steps ?? EMPTY_STEPS;
  const runbook = diffSteps(baseSteps, headSteps, renaming, relabelOf(base, head));
  const findings: RiskFinding[] = [];
  let change: IntegrationReview['change'];
  const adoptsApp = !base && head?.appAddress !== undefined && diff.adopted.some((a) => a.resource === head.appAddress);
  if (adoptsApp) {
    // The app is live already: what this change creates beside it still counts, "new app grants access" does not.
    change = 'adopted';
    findings.push(...diff.findings);
  } else if (!base) {
    change = 'added';
    findings.push(finding('access-granted', 'new integration'));
    findings.push(...diff.findings.filter((f) => f.class !== 'access-granted' && f.class !== 'other'));
  } else if (!head) {
    change = 'removed';
    findings.push(base.appAddress ? finding('app-replaced', 'integration removed: its Okta app is destroyed (prevent_destroy does not stop a resource taken out of the stack)') : finding('other', 'integration removed', 'medium'));
    findings.push(...diff.findings.filter((f) => KEPT_ON_REMOVAL.has(f.class)));
  } else {
    change = renaming ? 'renamed' : 'changed';
    findings.push(...diff.findings);
  }
  // The steps of an app that is live were done when it was set up by hand: shown to check, not as new work after merge.
  const provisioningLive = base?.provisioningConnected !== false;
  findings.push(...runbookFindings(change === 'adopted' ? { ...runbook, added: [] } : runbook, baseSteps, headSteps, provisioningLive));
  // Provisioning steps gone altogether (e.g. SCIM replaced by first-login): nobody is deprovisioned any more.
  if (base && head && provisioningLive && sides.head.hasRunbook && labelOn(baseSteps, DEACTIVATE_LABEL) && !hasLabel(headSteps, DEACTIVATE_LABEL) && !hasFeaturesResource(head)) {
    findings.push(
      finding(
        'deprovisioning-off',
        "no runbook step turns Deactivate Users on any more (provisioning removed or changed to first-login); the live app's provisioning stays as it is until an admin changes it in the Okta Admin Console (its Provisioning tab): turn To App off there, or it keeps pushing users",
      ),
    );
  }
  const suppressedBefore = new Set(suppressionsOf(base).map((s) => s.rule));
  for (const s of suppressionsOf(head)) {
    if (!suppressedBefore.has(s.rule)) findings.push(finding('policy-suppressed', `policy rule ${s.rule} suppressed: ${s.reason}`));
  }
  if (head?.importGroups === true && base?.importGroups !== true) findings.push(finding('import-groups-on', 'Import Groups turned on'));
  const settings = change === 'changed' || change === 'renamed' || change === 'adopted' ? [...diff.settings] : [];
  // The SP's own rules and defaults: recorded in the app's tag only, which the block comparison skips.
  if (base?.preset !== undefined && head?.preset !== undefined && base.preset !== head.preset) {
    findings.push(finding('preset-changed', `SP preset changed from ${base.preset} to ${head.preset}: ${base.preset}'s own rules no longer guard this integration`));
    settings.unshift({ resource: head.appAddress ?? key, setting: 'SP preset', attribute: 'preset', before: base.preset, after: head.preset });
  }
  if (base && head) {
    const outputs = diffOutputs(base.outputs, head.outputs, renaming, moved);
    settings.push(...outputs.settings);
    findings.push(...outputs.findings);
  }

  if (change === 'changed' && settings.length === 0 && findings.length === 0 && diff.adopted.length === 0 && !runbookChanged(runbook)) return undefined;
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
    ...(diff.adopted.length ? { adopted: diff.adopted } : {}),
  };
}

/**
 * Whether an integration is the same on both sides in everything compareIntegration reads, so that it finds
 * nothing: the same key, no block of base moved to another address, the same blocks (and import IDs), runbook
 * steps and outputs, each equal as sameJson sees them, and no suppression or Import Groups tag added (tags are
 * in the `"//"` comments sameJson skips). Then no diff, runbook or label check can find a change: one walk of
 * the integration replaces the maps, sorts and label scans of a full comparison, for the many unchanged ones.
 */
function unchanged(base: IntegrationIndex, head: IntegrationIndex, sides: { readonly base: StackIndex; readonly head: StackIndex }): boolean {
  if (base.key !== head.key) return false;
  const moved = sides.head.moved;
  const baseImports = importsAtHeadAddresses(sides.base.imports, moved);
  const sameBlock = (b: TfBlock, h: TfBlock, address: string) => {
    if ((moved.get(address) ?? address) !== address) return false;
    const [before, after] = [baseImports.get(address), sides.head.imports.get(address)];
    return before === after && sameJson(b.body, h.body) && !namesAnotherGroup(b, h, sides);
  };
  if (!sameEntries(base.blocks, head.blocks, sameBlock) || !sameEntries(base.steps, head.steps, sameJson) || !sameEntries(base.outputs, head.outputs, sameJson)) return false;
  if (head.importGroups === true && base.importGroups !== true) return false;
  if (head.preset !== base.preset) return false;
  const suppressedBefore = new Set(suppressionsOf(base).map((s) => s.rule));
  return suppressionsOf(head).every((s) => suppressedBefore.has(s.rule));
}

/** Whether two maps have the same keys, and `same` holds for the values of each. */
function sameEntries<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>, same: (x: T, y: T, key: string) => boolean): boolean {
  if (a.size !== b.size) return false;
  for (const [key, x] of a) if (!b.has(key) || !same(x, b.get(key)!, key)) return false;
  return true;
}

/** On removal of a whole integration, these findings add to "app destroyed". */
const KEEP_ON_REMOVAL_CLASSES = ['group-removal', 'deprovisioning-off', 'push-groups-off', 'snowflake-integration-replaced'] as const;
const KEPT_ON_REMOVAL: ReadonlySet<string> = new Set(KEEP_ON_REMOVAL_CLASSES);

function renamingOf(base: IntegrationIndex, head: IntegrationIndex, moved: ReadonlyMap<string, string>): Renaming {
  const pairs: Array<[string, string]> = [];
  for (const address of base.blocks.keys()) {
    const to = moved.get(address);
    if (to !== undefined) pairs.push([address, to]);
  }
  return { oldKey: base.key, newKey: head.key, moved, names: renamedIdentifiers(base.key, head.key, pairs, base.outputs.keys(), head.outputs) };
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
