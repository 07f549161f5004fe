import { renderJson } from '../../review/render-json';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES } from '../../review/risk';
import { runCliCaptured } from '../helpers';
import { EXAMPLE, editedExample, synthConfig } from './synth-fixture';

/**
 * A pull request that adds or removes an environment is reviewed: the new
 * environment as all new (its risks listed), a removed one as critical, and
 * every other environment as usual.
 */
let baseDir: string;
let headDir: string;

/** dev copied as a new environment qa (its own Okta org, Aiven method and Snowflake account), staging removed, and a group unassigned in prod. */
const QA = (dev: string) =>
  dev
    .replace(/^(#|\$schema).*\n/gm, '')
    .replace('environments:\n', '')
    .replace('  dev:\n', '  qa:\n')
    .replace('orgName: acme-dev', 'orgName: acme-qa')
    .replace('aiven: { accountId: a3c91f0d2b47, methodId: am3c91f0d2b48 }', 'aiven: { accountId: a3c91f0d2b57, methodId: am3c91f0d2b58 }')
    .replace('account: acme-analytics_dev', 'account: acme-analytics_qa');

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
  headDir = synthConfig(
    editedExample({
      'environments/dev.yaml': (t) => `${t}${QA(t)}`,
      'environments/staging.yaml': () => '$schema: ../../../schema/okta-sso.schema.json\n',
      'environments/prod.yaml': (t) => t.replace('groups: [Analytics, Finance]', 'groups: [Analytics]'),
    }),
  );
});

describe('review: environments added or removed', () => {
  test('every environment is reviewed: the new one as new, the removed one as critical, the others as usual', () => {
    const review = reviewSynthDirs(baseDir, headDir);
    expect(review.environments.map((e) => [e.name, e.change, e.risk])).toEqual([
      ['dev', undefined, undefined],
      ['prod', undefined, 'high'],
      ['qa', 'added', 'medium'],
      ['staging', 'removed', 'critical'],
    ]);
    expect(review.risk).toBe('critical');
    // prod's own change is reviewed as if nothing else happened.
    const prod = review.environments.find((e) => e.name === 'prod')!;
    expect(prod.integrations.map((i) => [i.key, i.change, i.findings.map((f) => f.class)])).toEqual([['omni', 'changed', ['group-removal']]]);
  });

  test('an added environment: every integration added with its risks, its org and backend shown, not risks', () => {
    const qa = reviewSynthDirs(baseDir, headDir).environments.find((e) => e.name === 'qa')!;
    expect(qa.counts).toEqual({ added: 6, adopted: 0, changed: 0, removed: 0, unchanged: 0 });
    expect(qa.integrations.every((i) => i.change === 'added')).toBe(true);
    const aiven = qa.integrations.find((i) => i.key === 'aiven')!;
    expect(aiven.findings.map((f) => `${f.class}:${f.level}`)).toEqual(expect.arrayContaining(['runbook-steps:medium', 'access-granted:low']));
    expect(qa.environment.findings.map((f) => f.class)).not.toContain('org-changed');
    expect(qa.environment.findings.map((f) => f.class)).not.toContain('backend-changed');
    expect(qa.environment.settings.map((s) => [s.setting, s.before, s.after])).toEqual(
      expect.arrayContaining([
        ['Okta org name', undefined, 'acme-qa'],
        ['state backend', undefined, 'local state/qa.tfstate (in the config directory)'],
      ]),
    );
  });

  test('a removed environment: one critical finding naming what is left unmanaged', () => {
    const staging = reviewSynthDirs(baseDir, headDir).environments.find((e) => e.name === 'staging')!;
    expect(staging.counts).toEqual({ added: 0, adopted: 0, changed: 0, removed: 6, unchanged: 0 });
    expect(staging.integrations).toEqual([]);
    expect(staging.environment.findings).toEqual([
      {
        class: 'environment-removed',
        level: 'critical',
        detail: 'environment removed: Terraform no longer manages anything in its stack, 6 integrations (aiven, atlan, hr_portal, omni, snowflake and 1 more) included; nothing is destroyed',
      },
    ]);
  });

  test('the comment names the new and the removed environment and says each thing once', () => {
    const md = renderMarkdown(reviewSynthDirs(baseDir, headDir));
    expect(md).toContain('| qa (new environment) | 6 | 0 | 0 | 0 | medium |');
    expect(md).toContain('| staging (environment removed) | 0 | 0 | 6 | 0 | **CRITICAL** |');
    expect(md).toContain(`- **CRITICAL** Environment removed (staging): ${RISK_CLASSES['environment-removed'].impact}.`);
    expect(md).toContain('### qa (new environment)');
    expect(md).toContain('- qa / aiven: Enter Okta as the identity provider in Aiven (`aiven.idp-record`)');
    // A new manual step is listed once: under "New manual steps after merge", not again in the details.
    expect(md.split('Enter Okta as the identity provider in Aiven').length - 1).toBe(1);
    // A new integration whose table row says it all gets no empty details heading, its check-only step included (no manual work).
    expect(md).not.toContain('#### qa / omni (omni)');
    expect(md).not.toContain('#### qa / aiven (aiven)');
    expect(md).not.toContain('Open Aiven in the Okta Admin Console');
  });

  test('the CLI prints the review (exit 0, or 1 at --fail-on), never the exit 2 of bad input', async () => {
    const plain = await runCliCaptured(['review', '--base', baseDir, '--head', headDir]);
    expect([plain.code, plain.err]).toEqual([0, '']);
    expect(plain.out).toContain('## Okta SSO review: highest risk **CRITICAL**');
    const gated = await runCliCaptured(['review', '--base', baseDir, '--head', headDir, '--fail-on', 'high']);
    expect(gated.code).toBe(1);
    expect(gated.err).toContain('highest risk is critical, at or above --fail-on high');
    const json = JSON.parse(renderJson(reviewSynthDirs(baseDir, headDir)));
    expect(json.environments.map((e: any) => [e.name, e.change ?? null])).toEqual([
      ['dev', null],
      ['prod', null],
      ['qa', 'added'],
      ['staging', 'removed'],
    ]);
  });
});
