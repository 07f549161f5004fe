import { FieldProblem, problem } from './problem';
import { RuleId } from './rule-catalog';
import { showValue } from './show-value';
import { unknownFieldMessage } from './suggest';
import { GroupAssignment } from './types';

const ACCEPTED = 'an Okta group name, or a map with name (and create, description, priority)';
const GROUP_FIELDS: readonly string[] = ['name', 'create', 'description', 'priority'];

/**
 * An integration's `groups` as assignments, each entry checked: a name that is
 * not text (`true`, `1`, an empty item, a list) is reported and left out, so
 * that nothing later reads a group without a name.
 */
export function groupAssignments(entries: unknown): { readonly groups: GroupAssignment[]; readonly problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (entries === undefined) return { groups: [], problems };
  if (!Array.isArray(entries)) return { groups: [], problems: [problem(RuleId.WELL_FORMED, 'groups', `groups ${showValue(entries)} is not a list; accepted: a list, each item ${ACCEPTED}`)] };
  const groups: GroupAssignment[] = [];
  const seen = new Set<string>();
  entries.forEach((g: unknown, i) => {
    const entry = assignment(g);
    if (!entry) {
      problems.push(entryProblem(g, i));
      return;
    }
    if (typeof g === 'object') {
      // A misspelt field (`crate: true`) would be ignored: the group looked up instead of created.
      for (const field of Object.keys(g as object)) if (!GROUP_FIELDS.includes(field)) problems.push(problem(RuleId.WELL_FORMED, `groups.${i}.${field}`, unknownFieldMessage(field, GROUP_FIELDS)));
    }
    const { create, description } = g as Record<string, unknown>;
    if (create !== undefined && typeof create !== 'boolean') problems.push(problem(RuleId.WELL_FORMED, `groups.${i}.create`, `create ${showValue(create)} is not accepted; accepted: true or false`));
    if (description !== undefined && typeof description !== 'string') problems.push(problem(RuleId.WELL_FORMED, `groups.${i}.description`, `description ${showValue(description)} is not accepted; accepted: text`));
    if (seen.has(entry.name)) problems.push(problem(RuleId.UNIQUE, `groups.${i}`, `group ${showValue(entry.name)} is assigned twice`));
    if (entry.priority !== undefined && !(Number.isInteger(entry.priority) && entry.priority >= 0 && entry.priority <= 100000)) {
      problems.push(problem(RuleId.WELL_FORMED, `groups.${i}.priority`, `priority ${showValue(entry.priority)} is not an Okta assignment priority; accepted: a whole number from 0 to 100000`));
    }
    seen.add(entry.name);
    groups.push(entry);
  });
  return { groups, problems };
}

/** Why entry `i` is no group: a map's name, at the name (where config's own check of its type is too), else the entry. */
function entryProblem(g: unknown, i: number): FieldProblem {
  if (g !== null && typeof g === 'object' && !Array.isArray(g)) {
    const { name } = g as Record<string, unknown>;
    return name === undefined
      ? problem(RuleId.REQUIRED, `groups.${i}.name`, 'missing required field name: the Okta group name')
      : problem(RuleId.WELL_FORMED, `groups.${i}.name`, `name ${showValue(name)} is not accepted; accepted: an Okta group name`);
  }
  return problem(RuleId.WELL_FORMED, `groups.${i}`, `group ${showValue(g)} is not accepted; accepted: ${ACCEPTED}`);
}

function assignment(g: unknown): GroupAssignment | undefined {
  if (typeof g === 'string') return g === '' ? undefined : { name: g, create: false };
  if (g === null || typeof g !== 'object' || Array.isArray(g)) return undefined;
  const { name, create, description, priority } = g as Record<string, unknown>;
  if (typeof name !== 'string' || name === '') return undefined;
  return { name, create: create === true, description: description as string | undefined, ...(priority !== undefined ? { priority: priority as number } : {}) };
}
