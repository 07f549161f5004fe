import { renameReferences } from '../../review/follow-moved';
import { renderJson } from '../../review/render-json';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { riskRank } from '../../review/risk';
import { EXAMPLE, clone, editedExample, readRunbooks, readStacks, renameInExample, synthConfig, writeSynthDir } from './synth-fixture';
import { runCliCaptured } from '../helpers';

/** The example organisation, and the same with omni renamed omni_analytics (renamedFrom: omni). */
let baseDir: string;
let renamedDir: string;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
  renamedDir = synthConfig(renameInExample('omni', 'omni_analytics'));
});

const cli = runCliCaptured;

describe('review: a rename with renamedFrom is safe', () => {
  test('the synthesized head moves the app and everything hanging off it', () => {
    const moved = readStacks(renamedDir).prod.moved.map((m: any) => `${m.from} -> ${m.to}`);
    expect(moved).toEqual(
      expect.arrayContaining([
        'okta_app_saml.omni -> okta_app_saml.omni_analytics',
        'okta_app_group_assignments.omni -> okta_app_group_assignments.omni_analytics',
        'okta_push_group.omni_group_analytics -> okta_push_group.omni_analytics_group_analytics',
        'okta_profile_mapping.omni -> okta_profile_mapping.omni_analytics',
      ]),
    );
  });

  test('is a rename in every environment: no replacement, no new manual step, nothing above low', () => {
    const review = reviewSynthDirs(baseDir, renamedDir);
    for (const env of review.environments) {
      expect(env.integrations.map((i) => [i.key, i.change, i.renamedFrom])).toEqual([['omni_analytics', 'renamed', 'omni']]);
      const omni = env.integrations[0];
      expect(omni.replacements).toEqual([]);
      expect(omni.runbook).toEqual({ added: [], changed: [], removed: [] });
      expect(omni.findings.filter((f) => riskRank(f.level) > riskRank('low'))).toEqual([]);
      expect(env.environment.settings).toEqual([]);
      // What does change: the outputs named after the key, shown as renames.
      expect(omni.settings.map((s) => [s.setting, s.before, s.after])).toEqual(
        expect.arrayContaining([
          ['output name', 'idp_record_omni', 'idp_record_omni_analytics'],
          ['output name', 'provisioning_omni', 'provisioning_omni_analytics'],
        ]),
      );
    }
    expect(review.risk).toBe('low');
    const md = renderMarkdown(review);
    expect(md).not.toContain('Forced replacements');
    expect(md).not.toContain('New manual steps');
    expect(md).not.toContain('replaced');
    expect(md).not.toContain('_not set_ | _not set_');
    expect(md).toContain('| omni_analytics | renamed | low | renamed from omni; output name |');
  });

  test('--fail-on high passes', async () => {
    const r = await cli(['review', '--base', baseDir, '--head', renamedDir, '--fail-on', 'high']);
    expect(r.code).toBe(0);
  });

  test('a real change made together with the rename is still reported', () => {
    const head = readStacks(renamedDir);
    head.prod.resource.okta_app_saml.omni_analytics.sso_url = 'https://acme.omniapp.co/api/auth/saml/acs2';
    // The push group now pushes another Okta group: a replacement, though its app_id only follows the move.
    head.prod.resource.okta_push_group.omni_analytics_group_analytics.source_group_id = '${data.okta_group.group_finance.id}';
    const runbooks = clone(readRunbooks(renamedDir)) as any;
    const token = runbooks.prod.steps.find((s: any) => s.id === 'omni_analytics.scim-token');
    token.values['Token location'] = 'environment variable OMNI_API_KEY (env:OMNI_API_KEY); value not shown';
    const review = reviewSynthDirs(baseDir, writeSynthDir({ ...head }, runbooks));
    const prod = review.environments.find((e) => e.name === 'prod')!;
    const omni = prod.integrations.find((i) => i.key === 'omni_analytics')!;
    expect(omni.change).toBe('renamed');
    expect(omni.findings.map((f) => `${f.class}:${f.level}`)).toEqual(expect.arrayContaining(['sso-endpoint:high', 'resource-replaced:high', 'secret-moved:medium']));
    expect(omni.replacements).toEqual([{ resource: 'okta_push_group.omni_analytics_group_analytics', attributes: ['source_group_id'] }]);
    // The step pairs with its old id, and only its token location differs.
    expect(omni.runbook.added).toEqual([]);
    expect(omni.runbook.removed).toEqual([]);
    expect(omni.runbook.changed).toEqual([
      {
        id: 'omni_analytics.scim-token',
        title: 'Get the SCIM token from Omni',
        renamedFrom: 'omni.scim-token',
        // Its only change: said by the secret-moved finding, not also as a changed manual step.
        onlySecretMoved: true,
        values: [
          {
            label: 'Token location',
            before: 'secret store entry vault/okta-sso/prod/omni-api-key (secret:vault/okta-sso/prod/omni-api-key); value not shown',
            after: 'environment variable OMNI_API_KEY (env:OMNI_API_KEY); value not shown',
          },
        ],
      },
    ]);
    // The settings table shows the app reference as it was, not as a change.
    expect(omni.settings.map((s) => s.attribute)).not.toContain('app_id');
    expect(renderJson(review)).not.toContain('"okta_app_group_assignments.omni_analytics"');
  });
});

describe('review: a rename without renamedFrom', () => {
  /** omni renamed omni_analytics everywhere, as a user would, but without renamedFrom. */
  const renameOnly = (more: Record<string, (text: string) => string> = {}) => synthConfig(renameInExample('omni', 'omni_analytics', more, { renamedFrom: false }));

  test('is still a removal and an addition, but says they look like a rename and suggests renamedFrom', () => {
    const review = reviewSynthDirs(baseDir, renameOnly());
    for (const env of review.environments) {
      const omni = env.integrations.find((i) => i.key === 'omni')!;
      const renamed = env.integrations.find((i) => i.key === 'omni_analytics')!;
      expect([omni.change, omni.risk, renamed.change]).toEqual(['removed', 'critical', 'added']);
      expect(omni.possibleRename).toEqual({ from: 'omni', to: 'omni_analytics' });
      expect(renamed.possibleRename).toEqual({ from: 'omni', to: 'omni_analytics' });
      expect(omni.findings.find((f) => f.class === 'app-replaced')!.detail).toBe(
        'integration removed: its Okta app is destroyed (prevent_destroy does not stop a resource taken out of the stack); omni_analytics, added in this change, has the same SP and settings: if it is omni renamed, set renamedFrom: omni on integration omni_analytics, and Terraform moves the app with its assignments and SCIM link instead',
      );
    }
    const md = renderMarkdown(review);
    expect(md).toContain('| omni | removed | **CRITICAL** | integration removed (a rename to omni_analytics without renamedFrom?) |');
    expect(md).toContain('| omni_analytics | added | medium | new integration (same SP and settings as removed omni) |');
    // The advice once per environment.
    expect(md.split('set renamedFrom: omni on integration omni_analytics').length - 1).toBe(3);
  });

  test('an added integration with other settings is no rename', () => {
    const review = reviewSynthDirs(baseDir, renameOnly({ 'environments/prod.yaml': (t) => t.replace('acsUrl: https://acme.omniapp.co/api/auth/saml/acs', 'acsUrl: https://acme2.omniapp.co/api/auth/saml/acs') }));
    const prod = review.environments.find((e) => e.name === 'prod')!;
    expect(prod.integrations.filter((i) => i.possibleRename)).toEqual([]);
    expect(review.environments.find((e) => e.name === 'dev')!.integrations.filter((i) => i.possibleRename).map((i) => i.key)).toEqual(['omni', 'omni_analytics']);
  });
});

describe('review: a rename without renamedFrom, the key also in the SP URLs', () => {
  /** Enables a generic `tool` in an environment file: its URLs hold its key. */
  const toolIn = (t: string) =>
    t.replace('    integrations:\n', '    integrations:\n      tool:\n        acsUrl: https://tool.example.com/saml/acs\n        audience: https://tool.example.com/saml/metadata\n        groups: [Everyone]\n');
  let withTool: string;
  let toolBase: string;

  beforeAll(() => {
    // The example plus `tool`, with no label: its label is its key.
    withTool = editedExample({
      'integrations.yaml': (t) => `${t}\n  tool:\n    preset: generic\n`,
      'environments/dev.yaml': toolIn,
      'environments/staging.yaml': toolIn,
      'environments/prod.yaml': toolIn,
    });
    toolBase = synthConfig(withTool);
  });

  const possibleRenames = (head: string) => reviewSynthDirs(toolBase, head).environments.map((e) => [e.name, e.integrations.filter((i) => i.possibleRename).map((i) => `${i.key}:${i.change}`).sort()]);

  test.each([
    ['tool', 'tool_app'],
    ['tool', 'thing'],
    ['aiven', 'aiven_main'],
  ])('%s -> %s is suggested as a rename in every environment', (from, to) => {
    const head = synthConfig(renameInExample(from, to, {}, { renamedFrom: false, config: withTool }));
    // The premise: the key is in the app's URLs on both sides (the SP's host did not change), and the tool's label is its key.
    const app = readStacks(head).prod.resource.okta_app_saml[to];
    expect(app.sso_url).toContain(from === 'aiven' ? 'https://api.aiven.io/' : 'https://tool.example.com/');
    if (from === 'tool') expect([readStacks(toolBase).prod.resource.okta_app_saml.tool.label, app.label]).toEqual(['tool', to]);
    expect(possibleRenames(head)).toEqual(['dev', 'prod', 'staging'].map((env) => [env, [`${from}:removed`, `${to}:added`].sort()]));
    expect(renderMarkdown(reviewSynthDirs(toolBase, head))).toContain(`set renamedFrom: ${from} on integration ${to}`);
  });

  test('a URL that changes with the key is a changed setting, so no rename is suggested there', () => {
    const prodUrls = editedExample({ 'environments/prod.yaml': (t) => t.replace(/tool\.example\.com/g, 'thing.example.com') }, withTool);
    const head = synthConfig(renameInExample('tool', 'thing', {}, { renamedFrom: false, config: prodUrls }));
    expect(possibleRenames(head)).toEqual([
      ['dev', ['thing:added', 'tool:removed']],
      ['prod', []],
      ['staging', ['thing:added', 'tool:removed']],
    ]);
  });
});

describe('renameReferences: the key renamed only where it stands for the integration', () => {
  const names = new Map([
    ['tool', 'thing'],
    ['provisioning_tool', 'provisioning_thing'],
  ]);
  test.each([
    ['tool', 'thing'],
    ['${okta_app_saml.tool.id}', '${okta_app_saml.thing.id}'],
    ['Terraform applies them (okta_app_saml.tool)', 'Terraform applies them (okta_app_saml.thing)'],
    ['app ID: output provisioning_tool.app_id', 'app ID: output provisioning_thing.app_id'],
    ['https://tool.example.com/saml/acs', 'https://tool.example.com/saml/acs'],
    ['see https://example.com/tool.html and okta_app_saml.tool', 'see https://example.com/tool.html and okta_app_saml.thing'],
    ['api.tool.io', 'api.tool.io'],
    ['admin@tool.io', 'admin@tool.io'],
    ['the tool shows it', 'the tool shows it'],
    ['tool_app', 'tool_app'],
  ])('%j -> %j', (before, after) => expect(renameReferences({ value: before }, names)).toEqual({ value: after }));
});
