import { renderJson } from '../../review/render-json';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { EXAMPLE, Stacks, clone, editedExample, readRunbooks, readStacks, synthConfig, writeSynthDir } from './synth-fixture';

/**
 * The "Open <app> in the Okta Admin Console" step only checks what Terraform
 * applies (runbook.json `checkOnly: true`): its changes are no manual work.
 */
let baseDir: string;
let relayDir: string;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
  relayDir = synthConfig(editedExample({ 'integrations.yaml': (t) => t.replace('relayState: https://console.aiven.io', 'relayState: https://console.gcp.aiven.io/') }));
});

/** Runbooks with every checkOnly flag removed: as a tool version before the field wrote them. */
function withoutFlag(runbooks: Record<string, any>): Record<string, any> {
  const copy = clone(runbooks);
  for (const r of Object.values(copy)) for (const s of r.steps) delete s.checkOnly;
  return copy;
}

const aivenIn = (review: ReturnType<typeof reviewSynthDirs>, env: string) => review.environments.find((e) => e.name === env)!.integrations.find((i) => i.key === 'aiven')!;

describe('review: check-only runbook steps are no manual work', () => {
  test('the synthesized open-app step carries checkOnly', () => {
    const open = (readRunbooks(baseDir) as any).prod.steps.find((s: any) => s.id === 'aiven.open-app');
    expect(open).toMatchObject({ title: 'Open Aiven in the Okta Admin Console', checkOnly: true });
  });

  test('a relay state change is one relay-state risk, said once, with no "changed manual step"', () => {
    const review = reviewSynthDirs(baseDir, relayDir);
    for (const env of ['dev', 'staging', 'prod']) {
      const aiven = aivenIn(review, env);
      expect(aiven.findings.map((f) => `${f.class}:${f.level}:${f.detail}`)).toEqual(['relay-state:medium:relay state changed']);
      // JSON keeps the step's value change, marked check-only.
      expect(aiven.runbook.changed).toEqual([
        { id: 'aiven.open-app', title: 'Open Aiven in the Okta Admin Console', checkOnly: true, values: [{ label: 'Default relay state', before: 'https://console.aiven.io', after: 'https://console.gcp.aiven.io/' }] },
      ]);
    }
    const md = renderMarkdown(review);
    expect(md).not.toContain('manual step');
    expect(md).not.toContain('New or changed manual runbook steps');
    expect(md).toContain('| aiven | changed | medium | relay state |');
    // The new relay state is shown once per environment: in its settings table row.
    expect(md.split('`https://console.gcp.aiven.io/`').length - 1).toBe(3);
    expect(JSON.parse(renderJson(review)).classes.map((c: any) => c.class)).toEqual(['relay-state']);
  });

  test('a base written before the flag existed compares equal to the same step with it', () => {
    const review = reviewSynthDirs(writeSynthDir(readStacks(baseDir), withoutFlag(readRunbooks(baseDir))), baseDir);
    expect(review.risk).toBeUndefined();
  });

  test('without the flag on either side (old runbooks) no step is recognised as check-only', () => {
    const review = reviewSynthDirs(writeSynthDir(readStacks(baseDir), withoutFlag(readRunbooks(baseDir))), writeSynthDir(readStacks(relayDir), withoutFlag(readRunbooks(relayDir))));
    expect(aivenIn(review, 'dev').findings.map((f) => f.detail)).toContain('changed manual step: Open Aiven in the Okta Admin Console');
  });

  test('a step an admin must act on still counts when it changes', () => {
    const runbooks = clone(readRunbooks(baseDir)) as any;
    const step = runbooks.dev.steps.find((s: any) => s.id === 'aiven.import-groups');
    step.actions = [...step.actions, 'Take a screenshot for the audit log.'];
    const stacks: Stacks = readStacks(baseDir);
    const review = reviewSynthDirs(baseDir, writeSynthDir(stacks, runbooks));
    expect(aivenIn(review, 'dev').findings.map((f) => `${f.class}:${f.detail}`)).toEqual(['runbook-steps:changed manual step: Keep Import Groups off']);
  });

  test("a new integration's open-app step is listed nowhere, and its manual steps after merge keep the runbook's order", () => {
    const head = synthConfig(
      editedExample({
        'integrations.yaml': (t) => t.replace('  omni:\n', '  aiven_eu:\n    preset: aiven\n    label: Aiven EU\n    relayState: https://console.aiven.io\n    provisioning: { method: scim, importGroups: false }\n\n  omni:\n'),
        'environments/dev.yaml': (t) => t.replace('      omni:\n', '      aiven_eu:\n        aiven: { accountId: a3c91f0d2b99, methodId: am3c91f0d2b98 }\n        groups: [Engineering-Dev]\n        provisioning: { token: env:AIVEN_EU_SCIM_TOKEN }\n      omni:\n'),
      }),
    );
    const review = reviewSynthDirs(baseDir, head);
    const added = review.environments.find((e) => e.name === 'dev')!.integrations.find((i) => i.key === 'aiven_eu')!;
    expect(added.change).toBe('added');
    expect(added.findings.map((f) => f.detail)).not.toContain('new manual step: Open Aiven EU in the Okta Admin Console');
    const md = renderMarkdown(review);
    const afterMerge = md.slice(md.indexOf('### New manual steps after merge'), md.indexOf('\n\n###', md.indexOf('### New manual steps after merge')));
    expect(afterMerge.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- dev / aiven_eu: Enter Okta as the identity provider in Aiven (`aiven_eu.idp-record`)',
      '- dev / aiven_eu: Get the SCIM token from Aiven (`aiven_eu.scim-token`)',
      '- dev / aiven_eu: Turn on SCIM provisioning for the app (`aiven_eu.enable-scim`)',
      "- dev / aiven_eu: Connect Okta to Aiven's SCIM API (`aiven_eu.scim-connection`)",
      '- dev / aiven_eu: Keep Import Groups off (`aiven_eu.import-groups`)',
      '- dev / aiven_eu: Choose the provisioning features (To App) (`aiven_eu.to-app-features`)',
    ]);
    // The runbook.json order, which the JSON keeps too.
    expect(added.runbook.added.map((s) => s.id)).toEqual((readRunbooks(head) as any).dev.steps.filter((s: any) => s.integration === 'aiven_eu').map((s: any) => s.id));
    // No manual work, so not a "new step" anywhere: the details do not list it as a check either.
    expect(md).not.toContain('Open Aiven EU');
    expect(md).not.toContain('new check');
  });
});
