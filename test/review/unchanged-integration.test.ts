import { reviewStacks } from '../../review/review';
import { RunbookStep, StackFiles } from '../../review/synth-dir';

/**
 * An integration equal on both sides is passed over in one walk (review/compare.ts `unchanged`). Each case
 * here is equal in its blocks' settings but differs where that walk must still look: it is reviewed in full.
 */

/** One stack with app `a` (its tags in the `"//"` comment), its group assignments and one runbook step. */
function stack(edit: (tf: Record<string, any>, steps: RunbookStep[]) => void = () => undefined): StackFiles {
  const tf: Record<string, any> = {
    resource: {
      okta_app_saml: { a: { '//': { 'okta-sso': { integration: 'a', preset: 'generic' } }, label: 'A', status: 'ACTIVE' } },
      okta_app_group_assignments: { a: { app_id: '${okta_app_saml.a.id}', group: [{ id: '${okta_group.eng.id}', priority: 1 }] } },
      okta_group: { eng: { name: 'Engineering' } },
    },
    output: { idp_record_a: { value: 'x' } },
  };
  const steps: RunbookStep[] = [{ id: 'a.scim', integration: 'a', title: 'Connect SCIM', values: { 'Push Groups': 'on' } }];
  edit(tf, steps);
  return { name: 'dev', tf, steps };
}

function review(base: StackFiles, head: StackFiles) {
  return reviewStacks(new Map([['dev', base]]), new Map([['dev', head]])).environments[0];
}

const findingsOf = (env: ReturnType<typeof review>) => env.integrations.flatMap((i) => i.findings.map((f) => `${i.key}: ${f.class}:${f.level}:${f.detail}`));

describe('review: an integration unchanged in every way is counted as unchanged, and one changed only where equal settings hide it is not', () => {
  test('equal on both sides, whatever the key order: unchanged, nothing listed', () => {
    const reordered = stack((tf) => {
      const app = tf.resource.okta_app_saml.a;
      tf.resource.okta_app_saml.a = { status: app.status, label: app.label, '//': app['//'] };
    });
    const env = review(stack(), reordered);
    expect(env.integrations).toEqual([]);
    expect(env.counts.unchanged).toBe(1);
  });

  test('a block moved away while its old address is still there: the moved one is compared at its new address', () => {
    const head = stack((tf) => (tf.moved = [{ from: 'okta_app_group_assignments.a', to: 'okta_app_group_assignments.b' }]));
    expect(findingsOf(review(stack(), head))).toEqual(['a: group-removal:high:all group assignments removed', 'a: access-granted:low:group assignments added']);
  });

  test('only a tag in a "//" comment or an import changed: still found', () => {
    const tagged = (tag: Record<string, unknown>) => stack((tf) => Object.assign(tf.resource.okta_app_saml.a['//'], tag));
    expect(findingsOf(review(stack(), tagged({ 'okta-sso': { integration: 'a', importGroups: true } })))).toEqual(['a: import-groups-on:high:Import Groups turned on']);
    expect(findingsOf(review(stack(), tagged({ 'okta-sso-policy': { suppressions: [{ rule: 'SSO-009', reason: 'break-glass app' }] } })))).toEqual([
      'a: policy-suppressed:medium:policy rule SSO-009 suppressed: break-glass app',
    ]);
    const adopted = (id: string) => stack((tf) => (tf.import = [{ to: 'okta_app_saml.a', id }]));
    expect(findingsOf(review(adopted('0oa1111111111111111a'), adopted('0oa2222222222222222b')))).toEqual([
      'a: adopted-id-changed:high:adopted app ID changed from 0oa1111111111111111a to 0oa2222222222222222b',
    ]);
  });

  test('a runbook step or an output gone: still found', () => {
    const noStep = stack((_tf, steps) => steps.splice(0));
    expect(review(stack(), noStep).integrations.map((i) => i.runbook.removed.map((s) => s.id))).toEqual([['a.scim']]);
    const noOutput = stack((tf) => delete tf.output);
    expect(review(stack(), noOutput).integrations.map((i) => i.settings.map((s) => s.setting))).toEqual([['output idp_record_a removed']]);
  });
});
