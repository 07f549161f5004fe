import { isPlainObject } from '../model/prop-strings';
import { showValue } from '../model/show-value';

type Json = Record<string, any>;

/**
 * What an environment's own entry of an integration writes that adoption would change or drop: adopt only adds
 * values. The entry's values, field by field, against the entry adopt would write (`after`); a group list may gain
 * the live priorities (config left them to default) but keeps each group's name, `create` and description, and a
 * push group list keeps each push group config writes. `adopt` and `suppressions` are adopt's own to add to.
 * Each as `<field>: config <value>, live <value>`.
 */
export function changedOwnValues(before: Json, after: Json): string[] {
  const changed: string[] = [];
  const visit = (b: unknown, a: unknown, at: string): void => {
    if (at === 'adopt' || at === 'suppressions') return;
    if (at === 'groups') {
      if (!sameJson(groupsAsWritten(b), groupsAsWritten(a))) changed.push(`${at}: config ${shown(b)}, live ${shown(a)}`);
      return;
    }
    if (at === 'provisioning.pushGroups') {
      const kept = new Set(pushedGroups(a));
      const dropped = pushedGroups(b).filter((g) => !kept.has(g));
      if (dropped.length) changed.push(`${at}: config pushes ${dropped.map((g) => showValue(g)).join(', ')}, the live app does not`);
      return;
    }
    if (isPlainObject(b)) {
      for (const key of Object.keys(b)) visit(b[key], isPlainObject(a) ? a[key] : undefined, at ? `${at}.${key}` : key);
      return;
    }
    if (!sameJson(b, a)) changed.push(`${at}: config ${shown(b)}, live ${shown(a)}`);
  };
  visit(before, after, '');
  return changed;
}

/** Each group as config decides it: its name, whether it is created, and a created group's description. */
function groupsAsWritten(groups: unknown): unknown {
  if (!Array.isArray(groups)) return groups;
  return groups.map((g) => (typeof g === 'string' ? { name: g, create: false } : isPlainObject(g) ? { name: g.name, create: g.create === true, description: g.description } : g));
}

function pushedGroups(list: unknown): string[] {
  return Array.isArray(list) ? list.map((p) => (isPlainObject(p) ? String(p.group) : String(p))) : [];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function shown(value: unknown): string {
  return value === undefined ? 'none' : showValue(value, 120);
}
