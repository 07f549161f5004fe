import { runCli } from '../../cli/program';
import { CliIo } from '../../cli/io';
import { IntegrationReview, Review } from '../../review/model';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { EXAMPLE, Stacks, clone, editedExample, readRunbooks, readStacks, synthConfig, writeSynthDir } from './synth-fixture';

/**
 * SPs whose provisioning lives in the runbook (Aiven, Omni, Atlan in the
 * example): turning deactivation off or moving the SCIM token changes only
 * runbook.json, never cdk.tf.json.
 */
let baseDir: string;
let stacks: Stacks;
let runbooks: Record<string, any>;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
  stacks = readStacks(baseDir);
  runbooks = readRunbooks(baseDir);
});

const integration = (review: Review, env: string, key: string): IntegrationReview =>
  review.environments.find((e) => e.name === env)!.integrations.find((i) => i.key === key)!;

describe('review: runbook values, label by label', () => {
  test('Deactivate Users turned off in config is deprovisioning off (high) where provisioning is connected, with old and new value', () => {
    const config = editedExample({ 'integrations.yaml': (t) => t.replace('deactivateUsers: true', 'deactivateUsers: false') });
    const headDir = synthConfig(config);
    // Terraform's side is unchanged: only the runbook says it.
    expect(readStacks(headDir)).toEqual(stacks);
    const review = reviewSynthDirs(baseDir, headDir);
    for (const env of ['dev', 'staging', 'prod']) {
      const aiven = integration(review, env, 'aiven');
      const findings = aiven.findings.map((f) => `${f.class}:${f.level}:${f.detail}`);
      // Only prod's Aiven provisioning is connected (synth records it on the app): elsewhere the feature is an instruction not carried out yet.
      if (env === 'prod') expect(findings).toContain('deprovisioning-off:high:Deactivate Users turned off (runbook step "Choose the provisioning features (To App)")');
      else expect(findings).toEqual(['runbook-steps:medium:changed manual step: Choose the provisioning features (To App)']);
      expect(aiven.runbook.changed).toEqual([
        { id: 'aiven.to-app-features', title: 'Choose the provisioning features (To App)', values: [{ label: 'Deactivate Users', before: 'Enable', after: 'off' }] },
      ]);
    }
    expect(review.risk).toBe('high');
    expect(renderMarkdown(review)).toContain('- changed manual step: Choose the provisioning features (To App) (`aiven.to-app-features`): Deactivate Users `Enable` -> `off`');
  });

  test('a token location change is one secret moved for every step that shows it, with both locations (references, not secrets)', async () => {
    const config = editedExample({
      'environments/prod.yaml': (t) => t.replace('token: secret:vault/okta-sso/prod/omni-api-key', 'token: env:OMNI_API_KEY'),
    });
    const headDir = synthConfig(config);
    const review = reviewSynthDirs(baseDir, headDir);
    const omni = integration(review, 'prod', 'omni');
    expect(omni.findings.filter((f) => f.class === 'secret-moved').map((f) => `${f.level}:${f.detail}`)).toEqual([
      'medium:secret location moved from secret:vault/okta-sso/prod/omni-api-key to env:OMNI_API_KEY (runbook steps "Get the SCIM token from Omni", "Connect Okta to Omni\'s SCIM API")',
    ]);
    // The JSON keeps each step's values as written.
    expect(omni.runbook.changed.flatMap((s) => (s.values ?? []).map((v) => `${s.id}: ${v.label}: ${v.after}`))).toEqual([
      'omni.scim-token: Token location: environment variable OMNI_API_KEY (env:OMNI_API_KEY); value not shown',
      'omni.scim-connection: Authorization (Bearer token): environment variable OMNI_API_KEY (env:OMNI_API_KEY); value not shown',
    ]);
    let out = '';
    const io: CliIo = { out: (t) => (out += t), err: () => undefined, exit: () => undefined };
    await runCli(['review', '--base', baseDir, '--head', headDir], io);
    expect(out).toContain('- medium Secret moved (prod/omni)');
    expect(out.split('env:OMNI_API_KEY').length - 1).toBe(1);
  });

  test('a step with a moved secret and another changed value lists the other value only', () => {
    const head = clone(runbooks);
    const connection = head.prod.steps.find((s: any) => s.id === 'omni.scim-connection');
    connection.values['Authorization (Bearer token)'] = 'environment variable OMNI_API_KEY (env:OMNI_API_KEY); value not shown';
    connection.values['Push New Users'] = 'off';
    const md = renderMarkdown(reviewSynthDirs(baseDir, writeSynthDir(stacks, head)));
    expect(md).toContain('- medium: Authorization (Bearer token) moved from secret:vault/okta-sso/prod/omni-api-key to env:OMNI_API_KEY (runbook step "Connect Okta to Omni\'s SCIM API")');
    expect(md).toMatch(/- changed manual step: Connect Okta to Omni's SCIM API \(`omni.scim-connection`\): Push New Users `[^`]+` -> `off`\n/);
    expect(md.split('env:OMNI_API_KEY').length - 1).toBe(1);
  });

  test('Push New Users and Push Groups turned off in the SCIM connection step', () => {
    const head = clone(runbooks);
    const connection = head.prod.steps.find((s: any) => s.id === 'atlan.scim-connection');
    connection.values['Push New Users'] = 'off';
    connection.values['Push Groups'] = 'on';
    const base = clone(runbooks);
    base.prod.steps.find((s: any) => s.id === 'atlan.scim-connection').values['Push Groups'] = 'on';
    const review = reviewSynthDirs(writeSynthDir(stacks, base), writeSynthDir(stacks, head));
    const atlan = integration(review, 'prod', 'atlan');
    expect(atlan.findings.map((f) => `${f.class}:${f.detail}`)).toContain('deprovisioning-off:Push New Users turned off (runbook step "Connect Okta to Atlan\'s SCIM API")');

    connection.values['Push Groups'] = 'off';
    const again = integration(reviewSynthDirs(writeSynthDir(stacks, base), writeSynthDir(stacks, head)), 'prod', 'atlan');
    expect(again.findings.map((f) => `${f.class}:${f.level}`)).toContain('push-groups-off:high');
  });

  test('SCIM steps replaced by first-login provisioning: nobody is deprovisioned any more', () => {
    const head = clone(runbooks);
    head.prod.steps = head.prod.steps
      .filter((s: any) => s.integration !== 'omni')
      .concat([{ ...runbooks.dev.steps.find((s: any) => s.id === 'omni.first-login') }]);
    const review = reviewSynthDirs(baseDir, writeSynthDir(stacks, head));
    const omni = integration(review, 'prod', 'omni');
    expect(omni.findings.map((f) => `${f.class}:${f.level}`)).toContain('deprovisioning-off:high');
    // The live app's provisioning is not changed by the merge: the reviewer is told where an admin turns it off.
    expect(omni.findings.find((f) => f.class === 'deprovisioning-off')!.detail).toContain('turn To App off there, or it keeps pushing users');
  });

  test('a literal that looks like a token in a runbook value is never shown', () => {
    const canary = 'CANARY_7hQ2xL9mZ4pR8tV1wK6yB3nD5jJ0sE2a';
    const head = clone(runbooks);
    head.prod.steps.find((s: any) => s.id === 'aiven.scim-token').values['Token location'] = canary;
    head.prod.steps.find((s: any) => s.id === 'aiven.scim-connection').values['API Token'] = 'hunter2-but-longer';
    const review = reviewSynthDirs(baseDir, writeSynthDir(stacks, head));
    const text = renderMarkdown(review) + JSON.stringify(review);
    expect(text).not.toContain(canary);
    expect(text).not.toContain('hunter2');
    expect(integration(review, 'prod', 'aiven').runbook.changed.flatMap((s) => s.values ?? [])).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'API Token', after: '(secret, not shown)' })]),
    );
  });
});
