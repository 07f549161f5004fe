import { DEFAULT_OKTA_PROVIDER_CONSTRAINT } from '../../model/provider-versions';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES, impactOf } from '../../review/risk';
import { EXAMPLE, clone, editedExample, readRunbooks, readStacks, synthConfig, writeSynthDir } from './synth-fixture';

/**
 * The okta/okta version constraint (`terraform.required_providers.okta.version`) decides which release
 * `terraform init` installs: a change is a risk of its own, high when the new constraint admits 6.14.0,
 * which the provider's README says not to install.
 */
let baseDir: string;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
});

type Review = ReturnType<typeof reviewSynthDirs>;
const prodOf = (review: Review) => review.environments.find((e) => e.name === 'prod')!.environment;
const withProdConstraint = (constraint: string) =>
  synthConfig(editedExample({ 'environments/prod.yaml': (t) => t.replace('okta: { orgName: acme, baseUrl: okta.com }', `okta: { orgName: acme, baseUrl: okta.com, providerVersion: "${constraint}" }`) }));
const row = (before: string | undefined, after: string | undefined) => ({
  resource: 'terraform',
  setting: 'okta/okta provider version constraint',
  attribute: 'required_providers.okta.version',
  ...(before !== undefined ? { before } : {}),
  ...(after !== undefined ? { after } : {}),
});

describe('review: the okta/okta provider version constraint', () => {
  test('changed to one that admits 6.14.0 (~> 6.6, which also drops 7.x): high, with the old and the new constraint', () => {
    const headDir = withProdConstraint('~> 6.6');
    expect(readStacks(headDir).prod.terraform.required_providers.okta.version).toBe('~> 6.6');
    const review = reviewSynthDirs(baseDir, headDir);
    expect(prodOf(review).findings).toEqual([{ class: 'provider-version', level: 'high', detail: 'okta/okta provider version constraint admits okta/okta 6.14.0' }]);
    expect(prodOf(review).settings).toEqual([row(DEFAULT_OKTA_PROVIDER_CONSTRAINT, '~> 6.6')]);
    expect(review.risk).toBe('high');
    const md = renderMarkdown(review);
    expect(md).toContain(`- **high** Provider version constraint changed (prod): ${impactOf('provider-version', 'high')}.`);
    expect(md).toContain(`| okta/okta provider version constraint | \`${DEFAULT_OKTA_PROVIDER_CONSTRAINT}\` | \`~> 6.6\` |`);
    expect(md).not.toContain('no changes');
  });

  test('changed to one that still excludes 6.14.0: medium', () => {
    const review = reviewSynthDirs(baseDir, withProdConstraint('>= 6.6.0, != 6.14.0, < 7.0.0'));
    expect(prodOf(review).findings).toEqual([{ class: 'provider-version', level: 'medium', detail: 'okta/okta provider version constraint changed' }]);
    expect(prodOf(review).settings).toEqual([row(DEFAULT_OKTA_PROVIDER_CONSTRAINT, '>= 6.6.0, != 6.14.0, < 7.0.0')]);
    expect(renderMarkdown(review)).toContain(`- medium Provider version constraint changed (prod): ${RISK_CLASSES['provider-version'].impact}.`);
  });

  test('written with other spacing it is the same constraint: no change', () => {
    expect(reviewSynthDirs(baseDir, withProdConstraint(DEFAULT_OKTA_PROVIDER_CONSTRAINT.replace(/ /g, ''))).risk).toBeUndefined();
  });

  test('removed: every release is admitted, 6.14.0 too (high)', () => {
    const head = clone(readStacks(baseDir));
    delete head.prod.terraform.required_providers.okta.version;
    const review = reviewSynthDirs(writeSynthDir(readStacks(baseDir), readRunbooks(baseDir)), writeSynthDir(head, readRunbooks(baseDir)));
    expect(prodOf(review).findings).toEqual([
      { class: 'provider-version', level: 'high', detail: 'okta/okta provider version constraint removed: every release is admitted, okta/okta 6.14.0 too' },
    ]);
    expect(prodOf(review).settings).toEqual([row(DEFAULT_OKTA_PROVIDER_CONSTRAINT, undefined)]);
  });

  test("another provider's constraint changed is medium, never judged by okta/okta's releases", () => {
    const head = clone(readStacks(baseDir));
    head.prod.terraform.required_providers.snowflake.version = '~> 2.0';
    const review = reviewSynthDirs(writeSynthDir(readStacks(baseDir), readRunbooks(baseDir)), writeSynthDir(head, readRunbooks(baseDir)));
    expect(prodOf(review).findings).toEqual([{ class: 'provider-version', level: 'medium', detail: 'snowflakedb/snowflake provider version constraint changed' }]);
  });

  test('a new environment shows its constraint; one that admits 6.14.0 is its risk', () => {
    const qa = (constraint: string) =>
      synthConfig(
        editedExample({
          'environments/prod.yaml': (t) =>
            `${t}  qa:\n    okta: { orgName: acme-qa, baseUrl: okta.com${constraint ? `, providerVersion: "${constraint}"` : ''} }\n    integrations:\n      wiki:\n        spMetadata: { file: sp-metadata/wiki-prod.xml }\n        groups: [Everyone]\n`,
        }),
      );
    const qaOf = (review: Review) => review.environments.find((e) => e.name === 'qa')!.environment;
    const plain = qaOf(reviewSynthDirs(baseDir, qa('')));
    expect(plain.findings.filter((f) => f.class === 'provider-version')).toEqual([]);
    expect(plain.settings.filter((s) => s.attribute.startsWith('required_providers.'))).toEqual([row(undefined, DEFAULT_OKTA_PROVIDER_CONSTRAINT)]);
    expect(qaOf(reviewSynthDirs(baseDir, qa('>= 6.6.0'))).findings.filter((f) => f.class === 'provider-version')).toEqual([
      { class: 'provider-version', level: 'high', detail: 'okta/okta provider version constraint admits okta/okta 6.14.0' },
    ]);
  });
});
