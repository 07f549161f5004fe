import { reviewSynthDirs } from '../../review/review';
import { EXAMPLE, editedExample, synthConfig } from './synth-fixture';

/**
 * An assignment's reference can stay the same while the group it names changes: a group renamed to a name with
 * the same Terraform name, or switched between an existing group looked up by name and one the stack creates.
 */
let base: string;
beforeAll(() => {
  base = synthConfig(EXAMPLE);
});

function prodFindings(edit: (text: string) => string): Record<string, string[]> {
  const head = synthConfig(editedExample({ 'environments/prod.yaml': edit }));
  const prod = reviewSynthDirs(base, head).environments.find((e) => e.name === 'prod')!;
  return Object.fromEntries(prod.integrations.map((i) => [i.key, i.findings.map((f) => `${f.level} ${f.class}: ${f.detail}`)]));
}

test('Data-Engineering renamed Data Engineering (one Terraform name): each app using it is reported losing the one group and gaining the other', () => {
  const found = prodFindings((t) => t.replace(/Data-Engineering/g, 'Data Engineering'));
  for (const key of ['atlan', 'snowflake']) {
    expect(found[key]).toEqual(expect.arrayContaining([expect.stringMatching(/^high group-removal: group "Data-Engineering" unassigned/), 'low access-granted: group "Data Engineering" assigned']));
  }
  // Atlan pushes the group: its push group now pushes the other one, a replacement at apply.
  expect(found.atlan).toContain('high resource-replaced: push group "Data-Engineering" -> SP group "data-engineering" replaced (pushed Okta group changed)');
});

test('an existing group switched to one the stack creates: the apply fails on the name Okta has already, and adopt.groupIds is the way to manage it', () => {
  const found = prodFindings((t) => t.replace('groups: [Engineering, SRE]', 'groups: [{ name: Engineering, create: true }, SRE]'));
  expect(found.aiven).toEqual([
    expect.stringMatching(
      /^high group-removal: group "Engineering" is switched from the existing Okta group of that name to one this stack creates: Okta has that name already \(the lookup found it\) and group names are unique in an org, so the apply fails creating it, .* give its live ID in adopt\.groupIds/,
    ),
    'high resource-replaced: push group "Engineering" -> SP group "engineering" replaced (pushed Okta group changed)',
  ]);
  expect(found.aiven.join('\n')).not.toContain('priority');
});

test('the reverse, a created group switched to the existing one of its name: reported, not as a priority change', () => {
  const found = prodFindings((t) => t.replace('groups: [Engineering, SRE]', 'groups: [{ name: Engineering, create: true }, SRE]'));
  expect(found.aiven).toBeDefined();
  // Base and head swapped: the head looks up what the base created.
  const created = synthConfig(editedExample({ 'environments/prod.yaml': (t) => t.replace('groups: [Engineering, SRE]', 'groups: [{ name: Engineering, create: true }, SRE]') }));
  const prod = reviewSynthDirs(created, base).environments.find((e) => e.name === 'prod')!;
  const aiven = prod.integrations.find((i) => i.key === 'aiven')!;
  expect(aiven.findings.map((f) => f.detail).join('\n')).toMatch(/group "Engineering" is now the existing Okta group of that name, not the group this stack created \(which Terraform would then destroy\)/);
  expect(aiven.findings.map((f) => f.detail).join('\n')).not.toContain('priority');
});

test('a group the stack creates, renamed: medium, as lookups of its old name elsewhere stop finding it', () => {
  const head = synthConfig(editedExample({ 'environments/dev.yaml': (t) => t.replace(/name: Data-Dev/g, 'name: Data_Dev') }));
  const dev = reviewSynthDirs(base, head).environments.find((e) => e.name === 'dev')!;
  expect(dev.environment.findings).toContainEqual({
    class: 'other',
    level: 'medium',
    detail: 'Okta group renamed in place (its members and apps stay): whatever else finds it by its old name (another stack, other tools) no longer does',
  });
});

test('a looked-up group by another name with the same Terraform name: another group, not a rename', () => {
  const head = synthConfig(editedExample({ 'environments/prod.yaml': (t) => t.replace(/Data-Engineering/g, 'Data Engineering') }));
  const prod = reviewSynthDirs(base, head).environments.find((e) => e.name === 'prod')!;
  expect(prod.environment.findings).toContainEqual({
    class: 'other',
    level: 'medium',
    detail: 'the Okta group looked up as "Data-Engineering" is now "Data Engineering": another group, not a rename (each app assigned it says who gains and loses it)',
  });
  expect(prod.environment.findings.map((f) => f.detail).join('\n')).not.toContain('renamed in place');
});

test('an existing group switched to create: true with its live ID in adopt.groupIds: the same group imported, no finding that the apply fails', () => {
  const found = prodFindings((t) =>
    t.replace('groups: [Engineering, SRE]', 'groups: [{ name: Engineering, create: true }, SRE]\n        adopt: { oktaAppId: 0oa1234567890abcdefg, groupIds: { Engineering: 00g1234567890abcdefg } }'),
  );
  expect(found.aiven.join('\n')).not.toContain('the apply fails creating it');
  expect(found.aiven.join('\n')).not.toMatch(/group "Engineering" (unassigned|is now)/);
});
