import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES } from '../../review/risk';
import { EXAMPLE, editedExample, readRunbooks, readStacks, synthConfig, writeSynthDir } from './synth-fixture';

/** Atlan's group attribute in the example: `memberOf`, filter regex "^(Data|Analytics)-.*". */
const FILTER = 'filter: { type: regex, value: "^(Data|Analytics)-.*" }';

let baseDir: string;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
});

const atlan = (review: ReturnType<typeof reviewSynthDirs>) => review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'atlan')!;

function reviewOf(filter: string) {
  const review = reviewSynthDirs(baseDir, synthConfig(editedExample({ 'integrations.yaml': (t) => t.replace(FILTER, filter) })));
  return { review, atlan: atlan(review), md: renderMarkdown(review) };
}

describe('review: a changed group attribute filter is said as the change it is, old filter to new', () => {
  test('a widened regex: the old and new regex, and nothing called removed', () => {
    const { atlan, md } = reviewOf('filter: { type: regex, value: "^(Data|Analytics|Finance)-.*" }');
    expect(atlan.findings).toEqual([
      { class: 'group-attribute', level: 'medium', detail: 'group attribute "memberOf": group filter changed from regex "^(Data|Analytics)-.*" to regex "^(Data|Analytics|Finance)-.*"' },
    ]);
    expect(md).toContain(`- medium Groups sent in the SAML assertion changed (dev/atlan, prod/atlan, staging/atlan): ${RISK_CLASSES['group-attribute'].impact}.`);
    expect(md).not.toContain(RISK_CLASSES['group-removal'].title);
    expect(md.split('\n').filter((l) => l.startsWith('- ')).join('\n')).not.toMatch(/remov/i);
  });

  test('a shorter startsWith prefix: both filters in config words', () => {
    const base = synthConfig(editedExample({ 'integrations.yaml': (t) => t.replace(FILTER, 'filter: { type: startsWith, value: "Data-Eng" }') }));
    const head = synthConfig(editedExample({ 'integrations.yaml': (t) => t.replace(FILTER, 'filter: { type: startsWith, value: "Data-" }') }));
    const review = reviewSynthDirs(base, head);
    expect(atlan(review).findings.map((f) => `${f.class}:${f.detail}`)).toEqual(['group-attribute:group attribute "memberOf": group filter changed from startsWith "Data-Eng" to startsWith "Data-"']);
    const md = renderMarkdown(review);
    expect(md).toContain('| SAML attributes: `memberOf` | `memberOf (groups startsWith Data-Eng)` | `memberOf (groups startsWith Data-)` |');
    expect(md).not.toContain(RISK_CLASSES['group-removal'].title);
    expect(md.split('\n').filter((l) => l.startsWith('- ')).join('\n')).not.toMatch(/remov/i);
  });

  test('a renamed group attribute, and one taken out, are each said as such', () => {
    const head = readStacks(baseDir);
    const statements = head.prod.resource.okta_app_saml.atlan.attribute_statements;
    statements.find((s: any) => s.type === 'GROUP').name = 'groups';
    head.staging.resource.okta_app_saml.atlan.attribute_statements = head.staging.resource.okta_app_saml.atlan.attribute_statements.filter((s: any) => s.type !== 'GROUP');
    const review = reviewSynthDirs(baseDir, writeSynthDir(head, readRunbooks(baseDir)));
    expect(atlan(review).findings.map((f) => f.detail)).toEqual(['group attribute "memberOf" renamed to "groups"']);
    const staging = review.environments.find((e) => e.name === 'staging')!.integrations.find((i) => i.key === 'atlan')!;
    expect(staging.findings.map((f) => `${f.class}:${f.detail}`)).toEqual([
      'group-attribute:group attribute "memberOf" removed (its group filter was regex "^(Data|Analytics)-.*"): the SP no longer receives these groups',
    ]);
  });
});
