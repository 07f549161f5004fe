import { exactGroupNameCondition } from '../../model/group-name-guard';
import { groupLookupGuardFindings } from '../../review/group-lookup-guard';
import { indexStack } from '../../review/stack-index';

/**
 * A lookup's finding names the integrations that use it: those whose blocks hold `${data.okta_group.<name>.id}`.
 * Head's references are indexed in one pass; these pin which integrations each lookup gets.
 */

/** A stack: group lookups by name (guarded or not), and apps whose group assignments reference the given ids. */
function stack(lookups: Record<string, boolean>, apps: Record<string, string[]>) {
  const okta_group = Object.fromEntries(
    Object.entries(lookups).map(([name, guarded]) => [name, { name, ...(guarded ? { lifecycle: { postcondition: [{ condition: exactGroupNameCondition(name), error_message: 'x' }] } } : {}) }]),
  );
  const okta_app_saml = Object.fromEntries(Object.keys(apps).map((k) => [k, { label: k }]));
  const okta_app_group_assignments = Object.fromEntries(Object.entries(apps).map(([k, ids]) => [k, { app_id: `\${okta_app_saml.${k}.id}`, group: ids.map((id) => ({ id })) }]));
  return indexStack({ name: 'dev', tf: { data: { okta_group }, resource: { okta_app_saml, okta_app_group_assignments } } });
}

const ref = (name: string) => `\${data.okta_group.${name}.id}`;

describe('review: the integrations a group lookup finding names', () => {
  test('each lookup gets the integrations that reference it exactly, sorted; a longer name is another lookup', () => {
    const apps = { zeta: [ref('eng')], alpha: [ref('eng_all'), ref('eng')], beta: [ref('eng_all')], gamma: [] };
    const base = stack({ eng: true, eng_all: true }, apps);
    const head = stack({ eng: false, eng_all: false, ops: false }, { ...apps, gamma: ['${data.okta_group.ops.id}-suffix'] });
    expect(groupLookupGuardFindings(base, head).map((f) => f.detail)).toEqual([
      'group lookup "eng" lost its exact-name check (used by alpha, zeta)',
      'group lookup "eng_all" lost its exact-name check (used by alpha, beta)',
      'new group lookup "ops" has no exact-name check (used by gamma)',
    ]);
  });

  test('a lookup nobody uses is named without users; a lookup whose name holds ".id}" still finds its users', () => {
    const head = stack({ unused: false, 'odd.id}name': false }, { a: [ref('odd.id}name')], b: [ref('odd')] });
    expect(groupLookupGuardFindings(stack({}, {}), head).map((f) => f.detail)).toEqual([
      'new group lookup "odd.id}name" has no exact-name check (used by a)',
      'new group lookup "unused" has no exact-name check',
    ]);
  });
});
