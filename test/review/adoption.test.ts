import { renderJson } from '../../review/render-json';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES } from '../../review/risk';
import { EXAMPLE, Stacks, clone, editedExample, readRunbooks, readStacks, renameInExample, synthConfig, writeSynthDir } from './synth-fixture';

/** The example organisation; the same before prod had aiven; the same with omni renamed omni_analytics. */
let exampleDir: string;
let example: Stacks;
let noAivenInProdDir: string;
let renamedDir: string;

beforeAll(() => {
  exampleDir = synthConfig(EXAMPLE);
  example = readStacks(exampleDir);
  noAivenInProdDir = synthConfig(editedExample({ 'environments/prod.yaml': (t) => t.replace(/^ {6}aiven:\n[^]*?(?=^ {6}omni:)/m, '') }));
  renamedDir = synthConfig(renameInExample('omni', 'omni_analytics'));
});

const APP_ID = '0oa1b2c3d4e5f6g7h8i9';
const OTHER_APP_ID = '0oa9z8y7x6w5v4u3t2s1';

/** The import blocks synth writes when prod's aiven takes over its live Okta app. */
const AIVEN_IMPORTS = [
  { to: 'okta_app_saml.aiven', id: APP_ID },
  { to: 'okta_app_group_assignments.aiven', id: APP_ID },
  { to: 'okta_push_group.aiven_group_engineering', id: `${APP_ID}/gPm1a2b3c4d5e6f7g8h9` },
  { to: 'okta_push_group.aiven_group_sre', id: `${APP_ID}/gPm9h8g7f6e5d4c3b2a1` },
];

/** The example's stacks with these import blocks, by environment. */
function withImports(imports: Record<string, Array<{ to: string; id: string }>>, stacks: Stacks = example): Stacks {
  const out = clone(stacks);
  for (const [env, blocks] of Object.entries(imports)) out[env].import = blocks;
  return out;
}

/** Reviews head against a synth dir or hand-made stacks (with the example's runbooks unless told). */
function reviewOf(base: string | Stacks, head: Stacks, headRunbooks = readRunbooks(exampleDir)) {
  const baseDir = typeof base === 'string' ? base : writeSynthDir(base, readRunbooks(exampleDir));
  return reviewSynthDirs(baseDir, writeSynthDir(head, headRunbooks));
}

const integration = (review: ReturnType<typeof reviewOf>, env: string, key: string) => review.environments.find((e) => e.name === env)!.integrations.find((i) => i.key === key)!;
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe('review: adopting a live Okta app', () => {
  test('says "adopted: no change for users" once, with the live app ID, and no new app granting access', () => {
    const review = reviewOf(noAivenInProdDir, withImports({ prod: AIVEN_IMPORTS }));
    const aiven = integration(review, 'prod', 'aiven');
    expect([aiven.change, aiven.risk, aiven.findings, aiven.settings]).toEqual(['adopted', 'low', [], []]);
    expect(aiven.adopted?.map((a) => [a.resource, a.id])).toEqual(AIVEN_IMPORTS.map((i) => [i.to, i.id]).sort());
    expect(review.classes).toEqual([]);
    const md = renderMarkdown(review);
    expect(md).toContain('| aiven | adopted | low | adopted: no change for users (live app 0oa1b2c3d4e5f6g7h8i9; the first plan must import it with 0 to change) |');
    expect(occurrences(md, 'no change for users')).toBe(1);
    expect(md).toContain('| environment | added | adopted | changed | removed | unchanged | highest risk |');
    expect(md).toContain('| prod | 0 | 1 | 0 | 0 | 5 | low |');
    const never = ['new integration', '### Risks', 'App added or access granted', 'more users get the app', 'New manual steps after merge', 'new manual step', 'pushed'];
    for (const text of never) expect(md).not.toContain(text);
    // Its runbook was done when the app was set up by hand: listed to check, not as work after merge.
    expect(md).toContain(
      'Runbook (the app is live: check these steps were done on it):\n- Enter Okta as the identity provider in Aiven (`aiven.idp-record`)\n- Open Aiven in the Okta Admin Console (`aiven.open-app`)\n- Get the SCIM token from Aiven (`aiven.scim-token`)\n',
    );
    // Without runbook steps there is nothing more to say than the table row: no details.
    const bare = renderMarkdown(reviewOf(noAivenInProdDir, withImports({ prod: AIVEN_IMPORTS }), readRunbooks(noAivenInProdDir)));
    expect(bare).toContain('| aiven | adopted | low | adopted: no change for users (live app 0oa1b2c3d4e5f6g7h8i9; the first plan must import it with 0 to change) |');
    expect(bare).not.toContain('### Details');
    const json = JSON.parse(renderJson(review)).environments.find((e: any) => e.name === 'prod');
    expect(json.counts).toEqual({ added: 0, adopted: 1, changed: 0, removed: 0, unchanged: 5 });
    const app = { resource: 'okta_app_saml.aiven', what: 'Okta SAML app', id: APP_ID };
    expect(json.integrations[0]).toMatchObject({ key: 'aiven', change: 'adopted', risk: 'low', adopted: expect.arrayContaining([app]) });
  });

  test('the same app without import blocks is still a new integration that grants access', () => {
    const review = reviewOf(noAivenInProdDir, clone(example));
    const aiven = integration(review, 'prod', 'aiven');
    expect(aiven.change).toBe('added');
    expect(aiven.adopted).toBeUndefined();
    expect(aiven.findings).toContainEqual({ class: 'access-granted', level: 'low', detail: 'new integration' });
    const md = renderMarkdown(review);
    expect(md).toContain('| aiven | added | medium | new integration |');
    expect(md).toContain('| environment | added | changed | removed | unchanged | highest risk |');
    expect(md).toContain('### New manual steps after merge\n\n- prod / aiven: ');
    expect(md).not.toContain('adopted');
  });

  test('what the adoption creates beside the live app, and what would be risky anyway, still count', () => {
    const head = withImports({ prod: AIVEN_IMPORTS.filter((i) => i.to !== 'okta_push_group.aiven_group_engineering') });
    head.prod.resource.okta_app_saml.aiven['//']['okta-sso'].importGroups = true;
    const review = reviewOf(noAivenInProdDir, head);
    const aiven = integration(review, 'prod', 'aiven');
    expect(aiven.change).toBe('adopted');
    expect(aiven.findings.map((f) => `${f.level}:${f.detail}`)).toEqual(['high:Import Groups turned on', 'low:push group "Engineering" -> SP group "engineering" added']);
    const md = renderMarkdown(review);
    expect(md).toContain('| aiven | adopted | **high** | adopted (live app 0oa1b2c3d4e5f6g7h8i9); push group "Engineering" -> SP group "engineering" added |');
    expect(md).not.toContain('no change for users');
  });

  test('a push group adopted into an app already managed is neither added nor pushed anew', () => {
    const base = clone(example);
    delete base.prod.resource.okta_push_group.aiven_group_sre;
    const review = reviewOf(base, withImports({ prod: AIVEN_IMPORTS.filter((i) => i.to === 'okta_push_group.aiven_group_sre') }));
    const aiven = integration(review, 'prod', 'aiven');
    expect([aiven.change, aiven.risk, aiven.findings, aiven.settings]).toEqual(['changed', 'low', [], []]);
    const md = renderMarkdown(review);
    expect(md).toContain('| aiven | changed | low | push group "SRE" -> SP group "sre" adopted |');
    expect(md).toContain('Adopted, no change for users:\n- push group "SRE" -> SP group "sre" (`okta_push_group.aiven_group_sre`): live ID `0oa1b2c3d4e5f6g7h8i9/gPm9h8g7f6e5d4c3b2a1`');
    expect(md).not.toContain('### Risks');
  });

  test('an adopted Okta group is listed once, under environment-wide changes, not as a group added', () => {
    const base = clone(example);
    delete base.dev.resource.okta_group.group_data_dev;
    const review = reviewOf(base, withImports({ dev: [{ to: 'okta_group.group_data_dev', id: '00g1a2b3c4d5e6f7g8h9' }] }));
    const dev = review.environments.find((e) => e.name === 'dev')!;
    expect([dev.risk, dev.environment.findings, dev.environment.settings]).toEqual(['low', [], []]);
    const md = renderMarkdown(review);
    expect(md).toContain('#### dev: environment-wide changes\n\nAdopted, no change for users:\n- Okta group "Data-Dev" (`okta_group.group_data_dev`): live ID `00g1a2b3c4d5e6f7g8h9`\n');
    expect(md).not.toContain('Okta group added');
  });
});

describe('review: an adopted ID that changes', () => {
  test('the adopted app ID changed is high risk, with the old and new IDs and what to check', () => {
    const base = withImports({ prod: AIVEN_IMPORTS });
    const head = withImports({ prod: AIVEN_IMPORTS.map((i) => (i.to === 'okta_app_saml.aiven' ? { ...i, id: OTHER_APP_ID } : i)) });
    const review = reviewOf(base, head);
    const aiven = integration(review, 'prod', 'aiven');
    expect(aiven.change).toBe('changed');
    expect(aiven.findings).toEqual([{ class: 'adopted-id-changed', level: 'high', detail: `adopted app ID changed from ${APP_ID} to ${OTHER_APP_ID}` }]);
    expect(aiven.settings.map((s) => [s.setting, s.before, s.after])).toEqual([['adopted app ID', APP_ID, OTHER_APP_ID]]);
    expect(review.risk).toBe('high');
    const md = renderMarkdown(review);
    const impact = RISK_CLASSES['adopted-id-changed'].impact;
    expect(impact).toContain('another live Okta app');
    expect(impact).toContain('terraform state show <address>');
    expect(md).toContain(`- **high** Adopted app or resource ID changed (prod/aiven): ${impact}.`);
    // The impact once, in the Risks section; the details line says what changed.
    expect(md).toContain(`- **high**: adopted app ID changed from ${APP_ID} to ${OTHER_APP_ID}\n`);
    expect(md.split(impact).length - 1).toBe(1);
    expect(md).toContain('| aiven | changed | **high** | adopted app ID |');
    expect(occurrences(md, OTHER_APP_ID)).toBe(1);
  });

  test('any other adopted ID that changes is high risk too, one line each', () => {
    const base = withImports({
      prod: [
        { to: 'okta_push_group.aiven_group_sre', id: `${APP_ID}/gPm9h8g7f6e5d4c3b2a1` },
        { to: 'okta_profile_mapping.omni', id: 'prm1a2b3c4d5e6f7g8h9' },
        { to: 'snowflake_saml2_integration.snowflake', id: 'OKTA_SSO' },
      ],
      dev: [{ to: 'okta_group.group_data_dev', id: '00g1a2b3c4d5e6f7g8h9' }],
    });
    const head = withImports({
      prod: [
        { to: 'okta_push_group.aiven_group_sre', id: `${APP_ID}/gPm0000000000000000x` },
        { to: 'okta_profile_mapping.omni', id: 'prm9z8y7x6w5v4u3t2s1' },
        { to: 'snowflake_saml2_integration.snowflake', id: 'OKTA_SSO_V2' },
      ],
      dev: [{ to: 'okta_group.group_data_dev', id: '00g9z8y7x6w5v4u3t2s1' }],
    });
    const review = reviewOf(base, head);
    const lines = (findings: ReadonlyArray<{ class: string; level: string; detail: string }>) => findings.map((f) => `${f.class}:${f.level}:${f.detail}`);
    const of = (key: string) => lines(integration(review, 'prod', key).findings);
    expect(of('aiven')).toEqual([`adopted-id-changed:high:adopted ID of push group "SRE" -> SP group "sre" changed from ${APP_ID}/gPm9h8g7f6e5d4c3b2a1 to ${APP_ID}/gPm0000000000000000x`]);
    expect(of('omni')).toEqual(['adopted-id-changed:high:adopted ID of attribute mapping changed from prm1a2b3c4d5e6f7g8h9 to prm9z8y7x6w5v4u3t2s1']);
    expect(of('snowflake')).toEqual(['adopted-id-changed:high:adopted ID of Snowflake SAML integration changed from OKTA_SSO to OKTA_SSO_V2']);
    const dev = review.environments.find((e) => e.name === 'dev')!;
    expect(lines(dev.environment.findings)).toEqual(['adopted-id-changed:high:adopted ID of Okta group "Data-Dev" changed from 00g1a2b3c4d5e6f7g8h9 to 00g9z8y7x6w5v4u3t2s1']);
  });

  test('import blocks removed while the resources stay: one medium finding per adopted app or group, since an environment not yet applied would create them anew', () => {
    const base = withImports({ prod: AIVEN_IMPORTS, dev: [{ to: 'okta_group.group_data_dev', id: '00g1a2b3c4d5e6f7g8h9' }] });
    const review = reviewOf(base, clone(example));
    expect(review.risk).toBe('medium');
    expect(integration(review, 'prod', 'aiven').findings).toEqual([{ class: 'adoption-removed', level: 'medium', detail: `adoption of the live app ${APP_ID} removed` }]);
    const dev = review.environments.find((e) => e.name === 'dev')!;
    expect(dev.environment.findings.map((f) => f.detail)).toEqual(['adoption of Okta group "Data-Dev" (00g1a2b3c4d5e6f7g8h9) removed']);
  });

  test('an adopted app renamed with moved blocks keeps its ID: a rename, unless the ID changes too', () => {
    const base = withImports({ prod: [{ to: 'okta_app_saml.omni', id: APP_ID }] });
    const renamed = readStacks(renamedDir);
    const same = reviewOf(base, withImports({ prod: [{ to: 'okta_app_saml.omni_analytics', id: APP_ID }] }, renamed), readRunbooks(renamedDir));
    const omni = integration(same, 'prod', 'omni_analytics');
    expect([omni.change, omni.risk]).toEqual(['renamed', 'low']);
    const other = reviewOf(base, withImports({ prod: [{ to: 'okta_app_saml.omni_analytics', id: OTHER_APP_ID }] }, renamed), readRunbooks(renamedDir));
    const changed = integration(other, 'prod', 'omni_analytics').findings.filter((f) => f.class === 'adopted-id-changed');
    expect(changed.map((f) => f.detail)).toEqual([`adopted app ID changed from ${APP_ID} to ${OTHER_APP_ID}`]);
  });
});

describe('review: adoption written on, or taken off, an integration the config already had', () => {
  const appImport = AIVEN_IMPORTS.filter((i) => i.to === 'okta_app_saml.aiven');

  test('adopt added: medium, naming the live app, with what apply does in an environment that has or has not created it', () => {
    const review = reviewOf(example, withImports({ prod: appImport }));
    const aiven = integration(review, 'prod', 'aiven');
    expect(aiven.change).toBe('changed');
    expect(aiven.findings).toEqual([{ class: 'adoption-added', level: 'medium', detail: `adoption of the live app ${APP_ID} added` }]);
    expect(aiven.settings.map((s) => [s.setting, s.before, s.after])).toEqual([['adopted app ID', undefined, APP_ID]]);
    expect(renderMarkdown(review)).toContain(`- medium Adoption added to an existing integration (prod/aiven): ${RISK_CLASSES["adoption-added"].impact}.`);
  });

  test('adopt removed: medium, saying that an environment not yet applied would create a second app', () => {
    const review = reviewOf(withImports({ prod: appImport }), example);
    const aiven = integration(review, 'prod', 'aiven');
    expect(aiven.findings).toEqual([{ class: 'adoption-removed', level: 'medium', detail: `adoption of the live app ${APP_ID} removed` }]);
    expect(aiven.settings.map((s) => [s.setting, s.before, s.after])).toEqual([['adopted app ID', APP_ID, undefined]]);
    expect(RISK_CLASSES['adoption-removed'].impact).toContain('creates a new resource beside the live one');
    expect(review.risk).toBe('medium');
  });
});
