import { isExactGroupNameCondition } from '../model/group-name-guard';
import { canonical } from './compare';
import { groupName, quoted } from './display';
import { unescapeTerraform } from './words';
import { someNames } from './environment-change';
import { RiskFinding, finding } from './risk';
import { StackIndex, TfBlock } from './stack-index';
import { isObject } from './synth-dir';

/**
 * `data "okta_group"` finds a group with Okta's starts-with search and, when
 * one group matches, returns it whatever its name (okta/okta
 * data_source_okta_group.go: "a fuzzy match is acceptable if query only
 * returns one group"). Synth guards every lookup with a postcondition
 * `self.name == "<name>"`, so the plan fails instead of assigning the wrong
 * group. Only that condition, for the lookup's own `name`, is the guard (with
 * whitespace, one pair of parentheses or the operands swapped, as hand-written
 * ones are; model/group-name-guard.ts): `self.name == self.name`, `... || true`, or a
 * check of the name before a rename guard nothing. A lookup in head without
 * the guard is high risk when base had it, and when the lookup is new; one
 * unguarded on both sides (output of a version before the guard) is no change.
 */

/** Terraform JSON writes a block as an object or as a list of objects. */
function blocks(value: unknown): Array<Record<string, unknown>> {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter(isObject);
}

/** The name a lookup searches for, as config wrote it: cdk.tf.json escapes `${` and `%{` in the literal (`$${`, `%%{`). */
function searchedName(body: Readonly<Record<string, unknown>>): string | undefined {
  return typeof body.name === 'string' ? unescapeTerraform(body.name) : undefined;
}

/** Whether one of a lookup's postconditions is the exact-name check for `name` (default: the name it searches for), as synth writes it or an equivalent form. */
export function hasNameGuard(body: Readonly<Record<string, unknown>>, name = searchedName(body)): boolean {
  if (name === undefined) return false;
  return blocks(body.lifecycle).some((l) => blocks(l.postcondition).some((p) => isExactGroupNameCondition(p.condition, name)));
}

/** Why a guard that base had is gone: said when the lookup now searches another name but still checks the old one. */
function lostBecause(old: Readonly<Record<string, unknown>>, now: Readonly<Record<string, unknown>>): string {
  const before = searchedName(old);
  return before !== undefined && before !== searchedName(now) && hasNameGuard(now, before) ? `: it now searches for another name but still checks for ${quoted(before)}` : '';
}

/** Every `data.okta_group` of a stack, wherever the index put it (shared, or joined to an integration). */
function lookups(stack: StackIndex): Map<string, TfBlock> {
  const out = new Map<string, TfBlock>();
  const add = (all: ReadonlyMap<string, TfBlock>) => {
    for (const [address, block] of all) if (block.type === 'okta_group' && address.startsWith('data.')) out.set(address, block);
  };
  add(stack.shared);
  for (const i of stack.integrations.values()) add(i.blocks);
  return out;
}

/** Each integration's blocks as JSON, by key. */
function blockTexts(stack: StackIndex): Array<[string, string[]]> {
  return [...stack.integrations.values()].map((i) => [i.key, [...i.blocks.values()].map((b) => JSON.stringify(b.body))]);
}

const REF_START = '${data.okta_group.';
const REF_END = '.id}';

/**
 * The integrations of head whose blocks use a lookup (`${data.okta_group.<name>.id}` anywhere in their JSON), by the
 * lookup's address, sorted. Only a finding names them, and most reviews have none: head's blocks are serialised when
 * the first one asks, and every reference in them is indexed in that one pass, not searched for once per lookup.
 */
function lookupUsers(head: StackIndex): (address: string) => string[] {
  let texts: Array<[string, string[]]> | undefined;
  let byRef: Map<string, Set<string>> | undefined;
  return (address) => {
    texts ??= blockTexts(head);
    byRef ??= references(texts);
    const ref = `\${${address}.id}`;
    // The index cuts a reference at the first `.id}` after its start: a name holding one is searched for in the text instead.
    if (ref.indexOf(REF_END, REF_START.length) !== ref.length - REF_END.length) {
      return texts.filter(([, bodies]) => bodies.some((body) => body.includes(ref))).map(([key]) => key).sort();
    }
    return [...(byRef.get(ref) ?? [])].sort();
  };
}

/** Each `${data.okta_group.<name>.id}` in the texts (up to the first `.id}` after its start) -> the keys of the integrations whose text holds it. */
function references(texts: ReadonlyArray<[string, string[]]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, bodies] of texts) {
    for (const body of bodies) {
      for (let at = body.indexOf(REF_START); at !== -1; at = body.indexOf(REF_START, at + 1)) {
        const end = body.indexOf(REF_END, at + REF_START.length);
        if (end === -1) break;
        const ref = body.slice(at, end + REF_END.length);
        (out.get(ref) ?? out.set(ref, new Set()).get(ref)!).add(key);
      }
    }
  }
  return out;
}

/** The guard's findings for one environment: lost or missing guards (high), guards added (one low line). */
export function groupLookupGuardFindings(base: StackIndex, head: StackIndex): RiskFinding[] {
  const before = lookups(base);
  const findings: RiskFinding[] = [];
  const gained: string[] = [];
  const usedBy = lookupUsers(head);
  for (const [address, block] of [...lookups(head)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const old = before.get(address);
    const name = quoted(groupName(`\${${address}.id}`, head.groupNames));
    const where = () => {
      const users = usedBy(address);
      return users.length ? ` (used by ${someNames(users)})` : '';
    };
    if (hasNameGuard(block.body)) {
      if (old && !hasNameGuard(old.body)) gained.push(name);
      // Any other edit of the lifecycle (another postcondition, its message, a precondition) is said, never as destroy protection;
      // with a new name (a row of its own), the guard had to change with it.
      else if (old && searchedName(old.body) === searchedName(block.body) && canonical(old.body.lifecycle) !== canonical(block.body.lifecycle)) findings.push(finding('other', `group lookup ${name}: lifecycle conditions changed, its exact-name check kept${where()}`));
      continue;
    }
    if (old && hasNameGuard(old.body)) findings.push(finding('group-lookup-unguarded', `group lookup ${name} lost its exact-name check${where()}${lostBecause(old.body, block.body)}`));
    else if (!old) findings.push(finding('group-lookup-unguarded', `new group lookup ${name} has no exact-name check${where()}`));
  }
  if (gained.length) findings.push(finding('other', `exact-name check added to ${gained.length === 1 ? 'group lookup' : `${gained.length} group lookups`} ${someNames(gained)}`));
  return findings;
}

/** A lookup's lifecycle is its guard (reported above, every edit of it), never destroy protection: the block diff leaves it out. */
export function isLookupGuard(block: TfBlock, attribute: string): boolean {
  return attribute === 'lifecycle' && block.address.startsWith('data.');
}

