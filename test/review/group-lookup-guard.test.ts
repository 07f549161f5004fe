import { exactGroupNameCondition, isExactGroupNameCondition } from '../../model/group-name-guard';
import { hasNameGuard } from '../../review/group-lookup-guard';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES } from '../../review/risk';
import { EXAMPLE, Stacks, clone, editedExample, readRunbooks, readStacks, synthConfig, writeSynthDir } from './synth-fixture';

/**
 * Every `data "okta_group"` lookup carries a postcondition `self.name == "<name>"`:
 * Okta's group search is starts-with and the provider accepts a single fuzzy match.
 * A lookup that loses it, or a new one without it, is high risk.
 */
let baseDir: string;
let base: Stacks;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
  base = readStacks(baseDir);
});

const reviewOf = (b: Stacks, h: Stacks) => reviewSynthDirs(writeSynthDir(b, readRunbooks(baseDir)), writeSynthDir(h, readRunbooks(baseDir)));
const envOf = (review: ReturnType<typeof reviewSynthDirs>, name: string) => review.environments.find((e) => e.name === name)!;
const guardFindings = (review: ReturnType<typeof reviewSynthDirs>, env: string) => envOf(review, env).environment.findings.filter((f) => f.detail.includes('exact-name check'));

/** The stacks with every lookup's guard removed: output of a version before the guard. */
function unguarded(stacks: Stacks): Stacks {
  const copy = clone(stacks);
  for (const tf of Object.values(copy)) for (const lookup of Object.values<any>(tf.data?.okta_group ?? {})) delete lookup.lifecycle;
  return copy;
}

describe('review: group lookups without an exact-name check', () => {
  test('synth guards every lookup (the premise), with the one condition the review looks for', () => {
    expect(base.prod.data.okta_group.group_engineering.lifecycle.postcondition).toEqual([expect.objectContaining({ condition: '${self.name == "Engineering"}' })]);
    for (const tf of Object.values<any>(base)) {
      for (const lookup of Object.values<any>(tf.data.okta_group)) expect(lookup.lifecycle.postcondition[0].condition).toBe(exactGroupNameCondition(lookup.name));
    }
  });

  test.each([
    ['a tautology', '${self.name == self.name}'],
    ['an exact check made always true', '${self.name == "Engineering" || true}'],
    ['a check inside a longer condition', '${self.name == "Engineering" || length(self.id) > 0}'],
    ['a prefix check', '${startswith(self.name, "Engineering")}'],
    ['a check of another name', '${self.name == "Engineering-Dev"}'],
    ['two pairs of parentheses', '${((self.name == "Engineering"))}'],
    ['parentheses around one operand', '${(self.name) == "Engineering"}'],
    ['the swapped check made always true', '${"Engineering" == self.name || true}'],
    ['the check with strip markers', '${~ self.name == "Engineering" ~}'],
    ['the check followed by text (a string, not a bool)', '${self.name == "Engineering"} '],
    ['the name spelled with another escape', '${self.name == "Engineer\\u0069ng"}'],
    ['the comparison without interpolation (a string)', 'self.name == "Engineering"'],
  ])('a postcondition rewritten to %s is a lost guard (high)', (_what, condition) => {
    const head = clone(base);
    head.prod.data.okta_group.group_engineering.lifecycle.postcondition[0].condition = condition;
    const review = reviewOf(base, head);
    expect(guardFindings(review, 'prod').map((f) => `${f.class}:${f.level}:${f.detail}`)).toEqual(['group-lookup-unguarded:high:group lookup "Engineering" lost its exact-name check (used by aiven)']);
    expect(review.risk).toBe('high');
  });

  test.each([
    ['one pair of redundant parentheses', 'group_engineering', '${(self.name == "Engineering")}'],
    ['no spaces', 'group_everyone', '${self.name=="Everyone"}'],
    ['the operands swapped', 'group_finance', '${"Finance" == self.name}'],
    ['all three, with newlines', 'group_engineering', '${\n  ( "Engineering"==self.name )\n}'],
  ])('a hand-written equivalent (%s) is the same guard: one low line, no lost guard', (_what, lookup, condition) => {
    const head = clone(base);
    head.prod.data.okta_group[lookup].lifecycle.postcondition[0].condition = condition;
    const findings = envOf(reviewOf(base, head), 'prod').environment.findings;
    expect(findings.map((f) => `${f.class}:${f.level}`)).toEqual(['other:low']);
    expect(findings[0].detail).toMatch(/^group lookup "[A-Za-z]+": lifecycle conditions changed, its exact-name check kept/);
    // Written that way from the start (a new lookup), it is guarded too.
    expect(hasNameGuard(head.prod.data.okta_group[lookup])).toBe(true);
  });

  test('equivalent forms hold for a name with quotes and template sequences, with its literal exactly as synth writes it', () => {
    const name = 'cost ${center} "A"';
    expect(isExactGroupNameCondition('${"cost $${center} \\"A\\"" == self.name}', name)).toBe(true);
    expect(isExactGroupNameCondition('${( self.name=="cost $${center} \\"A\\"" )}', name)).toBe(true);
    expect(isExactGroupNameCondition('${"cost ${center} \\"A\\"" == self.name}', name)).toBe(false);
    expect(isExactGroupNameCondition(true, name)).toBe(false);
  });

  test('a lookup whose name changes must carry the check for its new name', () => {
    const head = clone(base);
    head.prod.data.okta_group.group_engineering.name = 'Engineering-All';
    expect(guardFindings(reviewOf(base, head), 'prod').map((f) => `${f.level}:${f.detail}`)).toEqual([
      'high:group lookup "Engineering-All" lost its exact-name check (used by aiven): it now searches for another name but still checks for "Engineering"',
    ]);
    head.prod.data.okta_group.group_engineering.lifecycle.postcondition[0].condition = '${self.name == "Engineering-All"}';
    expect(guardFindings(reviewOf(base, head), 'prod')).toEqual([]);
  });

  test('any other edit of a guarded lookup\'s lifecycle is said (low), never as destroy protection', () => {
    const head = clone(base);
    head.prod.data.okta_group.group_engineering.lifecycle.postcondition.push({ condition: '${length(self.id) > 0}', error_message: 'no id' });
    const review = reviewOf(base, head);
    expect(envOf(review, 'prod').environment.findings.map((f) => `${f.class}:${f.level}:${f.detail}`)).toEqual([
      'other:low:group lookup "Engineering": lifecycle conditions changed, its exact-name check kept (used by aiven)',
    ]);
    expect(renderMarkdown(review)).not.toContain('destroy protection');
  });

  test('a name with a Terraform template sequence is compared as config wrote it', () => {
    const lifecycle = { postcondition: [{ condition: exactGroupNameCondition('cost ${center} "A"'), error_message: 'x' }] };
    expect(lifecycle.postcondition[0].condition).toBe('${self.name == "cost $${center} \\"A\\""}');
    expect(hasNameGuard({ name: 'cost $${center} "A"', lifecycle })).toBe(true);
    expect(hasNameGuard({ name: 'cost ${center} "A"', lifecycle: { postcondition: [{ condition: '${self.name == "cost"}' }] } })).toBe(false);
  });

  test('a lookup that loses its guard is high risk, named with the apps that use it', () => {
    const head = clone(base);
    delete head.prod.data.okta_group.group_engineering.lifecycle;
    const review = reviewOf(base, head);
    expect(guardFindings(review, 'prod')).toEqual([{ class: 'group-lookup-unguarded', level: 'high', detail: 'group lookup "Engineering" lost its exact-name check (used by aiven)' }]);
    expect(review.risk).toBe('high');
    const md = renderMarkdown(review);
    expect(md).toContain(`- **high** Group lookup without an exact-name check (prod): ${RISK_CLASSES['group-lookup-unguarded'].impact}.`);
    expect(md).not.toContain('destroy protection');
  });

  test('a postcondition that no longer checks the name is a lost guard too', () => {
    const head = clone(base);
    head.staging.data.okta_group.group_sre.lifecycle.postcondition[0].condition = '${length(self.id) > 0}';
    expect(guardFindings(reviewOf(base, head), 'staging').map((f) => `${f.level}:${f.detail}`)).toEqual(['high:group lookup "SRE" lost its exact-name check (used by aiven)']);
  });

  test('a new lookup without the guard is high risk; with it (as synth writes it) it is not', () => {
    const headDir = synthConfig(editedExample({ 'environments/prod.yaml': (t) => t.replace('groups: [Analytics, Finance]', 'groups: [Analytics, Finance, Contractors]') }));
    const guarded = readStacks(headDir);
    expect(guarded.prod.data.okta_group.group_contractors.lifecycle).toBeDefined();
    expect(guardFindings(reviewSynthDirs(baseDir, headDir), 'prod')).toEqual([]);
    const head = clone(guarded);
    delete head.prod.data.okta_group.group_contractors.lifecycle;
    const review = reviewSynthDirs(baseDir, writeSynthDir(head, readRunbooks(headDir)));
    expect(guardFindings(review, 'prod').map((f) => `${f.class}:${f.level}:${f.detail}`)).toEqual(['group-lookup-unguarded:high:new group lookup "Contractors" has no exact-name check (used by omni)']);
  });

  test('lookups unguarded on both sides (output of a version before the guard) are no change', () => {
    const head = unguarded(base);
    head.prod.resource.okta_app_saml.wiki.label = 'Acme Wiki 2';
    const review = reviewOf(unguarded(base), head);
    expect(review.environments.flatMap((e) => e.environment.findings)).toEqual([]);
    expect(review.risk).toBe('low');
  });

  test('guards added (the first synth with them) are one low line per environment, never "destroy protection"', () => {
    const review = reviewOf(unguarded(base), base);
    expect(guardFindings(review, 'prod')).toEqual([
      { class: 'other', level: 'low', detail: 'exact-name check added to 7 group lookups "Analytics", "Data-Engineering", "Engineering", "Everyone", "Finance" and 2 more' },
    ]);
    expect(envOf(review, 'prod').environment.settings).toEqual([]);
    expect(review.risk).toBe('low');
    expect(renderMarkdown(review)).not.toContain('destroy protection');
  });
});
