import { renderJson } from '../../review/render-json';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES } from '../../review/risk';
import { EXAMPLE, Stacks, clone, editedExample, readRunbooks, readStacks, synthConfig, writeSynthDir } from './synth-fixture';

let baseDir: string;
let base: Stacks;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
  base = readStacks(baseDir);
});

function reviewOf(head: Stacks) {
  return reviewSynthDirs(baseDir, writeSynthDir(head, readRunbooks(baseDir)));
}

const risksSection = (md: string) => md.slice(md.indexOf('### Risks'), md.indexOf('\n\n###', md.indexOf('### Risks')));

describe('review: text says what each finding got', () => {
  test('a class is listed at the level its findings got, each level with its own places', () => {
    const head = clone(base);
    // medium: a resource the review has no rule for removed (omni's attribute mapping); low: a setting of atlan's changed.
    delete head.prod.resource.okta_profile_mapping.omni;
    head.prod.resource.okta_profile_mapping.atlan.always_apply = !head.prod.resource.okta_profile_mapping.atlan.always_apply;
    const review = reviewOf(head);
    const risks = risksSection(renderMarkdown(review));
    expect(risks).toContain(`- medium Other changes (prod/omni): ${RISK_CLASSES.other.impactAt.medium}.`);
    expect(risks).toContain(`- low Other changes (prod/atlan): ${RISK_CLASSES.other.impact}.`);
    expect(risks).not.toMatch(/medium Other changes \([^)]*atlan/);
    const classes = JSON.parse(renderJson(review)).classes.filter((c: any) => c.class === 'other');
    expect(classes.map((c: any) => [c.level, c.count])).toEqual([
      ['medium', 1],
      ['low', 1],
    ]);
  });

  test('push group removal names the Okta group and SP target, with its own impact line', () => {
    const head = clone(base);
    delete head.prod.resource.okta_push_group.aiven_group_sre;
    const review = reviewOf(head);
    const aiven = review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'aiven')!;
    expect(aiven.findings.map((f) => `${f.class}:${f.level}:${f.detail}`)).toEqual([
      'push-groups-off:high:push group "SRE" -> SP group "sre" removed (the SP group stays, no longer managed)',
    ]);
    const md = renderMarkdown(review);
    expect(md).toContain(`- **high** Push group removed or turned off (prod/aiven): ${RISK_CLASSES['push-groups-off'].impact}.`);
    expect(md).not.toContain('app deactivated');
    // Said once in the details: the finding line, no table row repeating it.
    expect(md).toContain('- **high**: push group "SRE" -> SP group "sre" removed (the SP group stays, no longer managed)\n');
    expect(md).not.toContain('`present`');
  });

  test('a push group change names the group before and after', () => {
    const head = clone(base);
    head.prod.resource.okta_push_group.aiven_group_sre.source_group_id = '${data.okta_group.group_engineering.id}';
    const review = reviewOf(head);
    const aiven = review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'aiven')!;
    expect(aiven.findings.map((f) => f.detail)).toContain('push group "SRE" -> SP group "sre" replaced (pushed Okta group changed)');
    expect(aiven.settings.map((s) => [s.setting, s.before, s.after, s.replaces])).toEqual([
      ['push group "Engineering" -> SP group "sre": pushed Okta group', 'SRE', 'Engineering', true],
    ]);
  });

  test('an output renamed outside any integration shows both names, never "_not set_ | _not set_"', () => {
    const b = clone(base);
    b.dev.output.okta_groups_report = { value: { dev: '${data.okta_group.group_engineering_dev.id}' } };
    const h = clone(b);
    h.dev.output.engineering_group = h.dev.output.okta_groups_report;
    delete h.dev.output.okta_groups_report;
    h.dev.variable = { ...(h.dev.variable ?? {}), tier: { type: 'string' } };
    const b2 = clone(b);
    b2.dev.variable = { ...(b2.dev.variable ?? {}), tier: { type: 'number' } };
    const review = reviewSynthDirs(writeSynthDir(b2), writeSynthDir(h));
    const dev = review.environments.find((e) => e.name === 'dev')!;
    expect(dev.environment.settings.map((s) => [s.setting, s.before, s.after])).toEqual([
      ['variable tier changed', 'number', 'string'],
      ['output name', 'okta_groups_report', 'engineering_group'],
    ]);
    expect(renderMarkdown(review)).not.toContain('_not set_ | _not set_');
  });
});

describe('review: a group removed in the same change that turns Deactivate Users off', () => {
  test('says deactivation stays on until the runbook step is done, instead of contradicting the "turned off" finding', () => {
    const config = editedExample({
      'integrations.yaml': (t) => t.replace('deactivateUsers: true, syncPassword: false', 'deactivateUsers: false, syncPassword: false'),
      'environments/prod.yaml': (t) => t.replace('        groups: [Engineering, SRE]', '        groups: [Engineering]').replace('            - { group: SRE, target: sre }\n', ''),
    });
    const review = reviewSynthDirs(baseDir, synthConfig(config));
    const aiven = review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'aiven')!;
    const details = aiven.findings.map((f) => f.detail);
    expect(details).toEqual(expect.arrayContaining([expect.stringMatching(/^Deactivate Users turned off/)]));
    expect(details).toContainEqual(
      'group "SRE" unassigned: Deactivate Users stays on in Okta until the runbook step that turns it off is done, so if this applies first, provisioning deactivates the SP accounts of members who lose the app',
    );
  });
});
