import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES, impactOf } from '../../review/risk';
import { EXAMPLE, clone, editedExample, readRunbooks, readStacks, renameInExample, synthConfig, writeSynthDir } from './synth-fixture';
import { runCliCaptured } from '../helpers';

/** omni renamed omni_analytics with renamedFrom (base), then the same with renamedFrom taken out again (head). */
let withRecord: string;
let withoutRecord: string;

beforeAll(() => {
  withRecord = synthConfig(renameInExample('omni', 'omni_analytics'));
  withoutRecord = synthConfig(renameInExample('omni', 'omni_analytics', {}, { renamedFrom: false }));
});

const renameFindings = (base: string, head: string) =>
  reviewSynthDirs(base, head).environments.flatMap((e) => e.environment.findings.filter((f) => f.class === 'rename-record-removed').map((f) => [e.name, f.level, f.detail]));

describe('review: renamedFrom taken out after a rename', () => {
  test('each environment says so once, high, naming the app it would destroy where the rename is not applied yet', () => {
    const detail =
      'rename record of omni_analytics removed (moved from okta_app_saml.omni): if this environment has not applied the rename yet, ' +
      'its plan destroys okta_app_saml.omni and creates okta_app_saml.omni_analytics; prevent_destroy does not stop it (okta_app_saml.omni is no longer declared)';
    expect(renameFindings(withRecord, withoutRecord)).toEqual(['dev', 'prod', 'staging'].map((env) => [env, 'high', detail]));
    const review = reviewSynthDirs(withRecord, withoutRecord);
    expect(review.risk).toBe('high');
    const md = renderMarkdown(review);
    expect(md).toContain(`- **high** Rename record removed (renamedFrom) (dev, prod, staging): ${RISK_CLASSES['rename-record-removed'].impact}.`);
    // Terraform checks prevent_destroy only on what is still declared: the old address is not.
    expect(RISK_CLASSES['rename-record-removed'].impact).toContain('prevent_destroy does not stop that');
    expect(md).toContain('| rename record (renamedFrom) | `moved from okta_app_saml.omni` | _not set_ |');
  });

  test('--fail-on high fails on it', async () => {
    const r = await runCliCaptured(['review', '--base', withRecord, '--head', withoutRecord, '--fail-on', 'high']);
    expect(r.code).toBe(1);
  });

  test('the rename itself, and keeping the record, say nothing of it', () => {
    const before = synthConfig(EXAMPLE);
    expect(renameFindings(before, withRecord)).toEqual([]);
    expect(renameFindings(withRecord, withRecord)).toEqual([]);
  });

  test('renamed again (a chain): the record of the first rename is gone, named at where the app is now', () => {
    const base = synthConfig(editedExample({ 'integrations.yaml': (t) => t.replace('\n  omni:\n', '\n  omni:\n    renamedFrom: omni_old\n') }));
    const head = synthConfig(renameInExample('omni', 'omni2'));
    const found = renameFindings(base, head);
    expect(found.map(([env, level]) => [env, level])).toEqual([['dev', 'high'], ['prod', 'high'], ['staging', 'high']]);
    expect(found[0][2]).toContain('rename record of omni2 removed (moved from okta_app_saml.omni_old): if this environment has not applied the rename yet, its plan destroys okta_app_saml.omni_old and creates okta_app_saml.omni2');
  });

  test('the integration removed altogether: its removal is the finding, not the record', () => {
    const stacks = readStacks(withRecord);
    const gone = clone(stacks);
    for (const tf of Object.values(gone) as any[]) {
      delete tf.moved;
      for (const type of Object.keys(tf.resource)) for (const name of Object.keys(tf.resource[type])) if (name.startsWith('omni_analytics')) delete tf.resource[type][name];
    }
    expect(renameFindings(writeSynthDir(stacks, readRunbooks(withRecord)), writeSynthDir(gone, readRunbooks(withRecord)))).toEqual([]);
  });

  test('an app without prevent_destroy (removed by an escape hatch): the same finding, the destroy being unstoppable either way', () => {
    const head = readStacks(withoutRecord);
    for (const tf of Object.values(head) as any[]) delete tf.resource.okta_app_saml.omni_analytics.lifecycle;
    expect(renameFindings(withRecord, writeSynthDir(head, readRunbooks(withoutRecord)))).toEqual(renameFindings(withRecord, withoutRecord));
    expect(impactOf('rename-record-removed', 'high')).toContain('users lose its assignments and SCIM links');
  });

  test("a Snowflake integration: also says its security integrations' names follow renamedFrom, and how to keep them", () => {
    const base = synthConfig(renameInExample('snowflake', 'snowflake_data'));
    const head = synthConfig(renameInExample('snowflake', 'snowflake_data', {}, { renamedFrom: false }));
    const found = renameFindings(base, head);
    expect(found.map(([env]) => env)).toEqual(['dev', 'prod', 'staging']);
    expect(found[0][2]).toContain(
      "and its Snowflake security integrations' default names come from renamedFrom, so every environment renames, and so replaces, them unless snowflake.integrationName keeps the name they have",
    );
    // Not said of other SPs.
    expect(renameFindings(withRecord, withoutRecord)[0][2]).not.toContain('Snowflake');
  });
});
