import { DEPROVISIONS_NOTE } from '../../review/classify';
import { RISK_CLASSES } from '../../review/risk';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { EXAMPLE, editedExample, readRunbooks, readStacks, synthConfig, writeSynthDir } from './synth-fixture';

/**
 * Each thing once, and true for the app it is said of: a group removal says
 * that provisioning deactivates SP accounts only where the app does; a removal
 * is one line, not a line and a table row; a class's impact is said once.
 */
let baseDir: string;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
});

const count = (text: string, part: string) => text.split(part).length - 1;
const details = (md: string) => md.slice(md.indexOf('### Details'));
const integration = (review: ReturnType<typeof reviewSynthDirs>, env: string, key: string) => review.environments.find((e) => e.name === env)!.integrations.find((i) => i.key === key)!;

describe('review: each thing said once, true for that app', () => {
  test('a group removed from an app without provisioning does not claim deprovisioning', () => {
    // The wiki (generic SAML, no provisioning) loses its only group in prod.
    const head = synthConfig(editedExample({ 'environments/prod.yaml': (t) => t.replace('groups: [Everyone]', 'groups: []') }));
    const review = reviewSynthDirs(baseDir, head);
    const wiki = integration(review, 'prod', 'wiki');
    expect(wiki.findings.map((f) => `${f.class}:${f.level}:${f.detail}`)).toEqual(['group-removal:high:all group assignments removed']);
    const md = renderMarkdown(review);
    expect(md).not.toMatch(/deactivat/i);
    expect(md).toContain(`- **high** Group assignment or group mapping removed (prod/wiki): ${RISK_CLASSES['group-removal'].impact}.`);
  });

  test('a group removed from an app that deactivates users says so, on that app only', () => {
    // Aiven deactivates users (Deactivate Users on); Omni in dev provisions at first sign-in and deactivates nobody.
    const head = synthConfig(
      editedExample({
        'environments/prod.yaml': (t) => t.replace('groups: [Engineering, SRE]', 'groups: [Engineering]').replace('            - { group: SRE, target: sre }\n', ''),
        'environments/dev.yaml': (t) => t.replace('groups: [Analytics-Dev]', 'groups: []'),
      }),
    );
    const review = reviewSynthDirs(baseDir, head);
    expect(integration(review, 'prod', 'aiven').findings.map((f) => `${f.class}:${f.detail}`)).toEqual([
      'group-removal:group "SRE" unassigned: Deactivate Users is on, so provisioning deactivates the SP accounts of members who lose the app',
      'push-groups-off:push group "SRE" -> SP group "sre" removed (the SP group stays, no longer managed)',
    ]);
    expect(integration(review, 'dev', 'omni').findings.map((f) => `${f.class}:${f.detail}`)).toEqual(['group-removal:all group assignments removed']);
    const md = renderMarkdown(review);
    // The push group removal: once in the table of changes, once in the details; never as a table row too.
    expect(count(details(md), 'push group "SRE" -> SP group "sre" removed')).toBe(1);
    expect(md).not.toContain('`present`');
    // Each class's impact once, in the Risks section.
    for (const cls of ['group-removal', 'push-groups-off'] as const) expect(count(md, RISK_CLASSES[cls].impact)).toBe(1);
    expect(count(md, 'deactivates the SP accounts')).toBe(1);
  });

  test('a group removed from an app whose provisioning is not connected yet does not claim deprovisioning', () => {
    // Staging's Aiven has Deactivate Users on in its runbook, but provisioning.connected is unset: its runbook still waits
    // ("Let Terraform push groups once provisioning works") and no push group is a resource, so nothing deactivates users yet.
    const head = synthConfig(
      editedExample({ 'environments/staging.yaml': (t) => t.replace('groups: [Engineering, SRE]', 'groups: [Engineering]').replace('            - { group: SRE, target: sre }\n', '') }),
    );
    const review = reviewSynthDirs(baseDir, head);
    expect(integration(review, 'staging', 'aiven').findings.filter((f) => f.class === 'group-removal').map((f) => f.detail)).toEqual(['group "SRE" unassigned']);
    expect(renderMarkdown(review)).not.toMatch(/deactivates/);
  });

  test('where the output cannot tell whether provisioning is connected (older output, no record), the claim is a condition', () => {
    // Staging's Aiven without push groups: no waiting step and no push group resource either way, and the record synth now
    // writes on the app (provisioningConnected) taken out, as in output from before it existed.
    const noPush = (t: string) => t.replace(/(aiven-scim-token\n)          pushGroups:\n            - \{ group: Engineering, target: engineering \}\n            - \{ group: SRE, target: sre \}\n/, '$1');
    const withoutRecord = (dir: string) => {
      const stacks = readStacks(dir);
      for (const stack of Object.values<any>(stacks)) for (const app of Object.values<any>(stack.resource.okta_app_saml)) delete app['//']['okta-sso'].provisioningConnected;
      return writeSynthDir(stacks, readRunbooks(dir));
    };
    const base = synthConfig(editedExample({ 'environments/staging.yaml': noPush }));
    const head = synthConfig(editedExample({ 'environments/staging.yaml': (t) => noPush(t).replace('groups: [Engineering, SRE]', 'groups: [Engineering]') }));
    const aiven = integration(reviewSynthDirs(withoutRecord(base), withoutRecord(head)), 'staging', 'aiven');
    expect(aiven.findings.map((f) => f.detail)).toEqual([`group "SRE" unassigned: ${DEPROVISIONS_NOTE['if-connected']}`]);
    // With the record, synth says staging's provisioning is not connected: no claim at all.
    expect(integration(reviewSynthDirs(base, head), 'staging', 'aiven').findings.map((f) => f.detail)).toEqual(['group "SRE" unassigned']);
  });

  test('a moved secret is said once, however many runbook steps show its location', () => {
    const head = synthConfig(editedExample({ 'environments/prod.yaml': (t) => t.replace('secret:vault/okta-sso/prod/omni-api-key', 'secret:vault/okta-sso/prod/omni-api-key-v2') }));
    const review = reviewSynthDirs(baseDir, head);
    const omni = integration(review, 'prod', 'omni');
    expect(omni.findings.filter((f) => f.class === 'secret-moved').map((f) => f.detail)).toEqual([
      'secret location moved from secret:vault/okta-sso/prod/omni-api-key to secret:vault/okta-sso/prod/omni-api-key-v2 (runbook steps "Get the SCIM token from Omni", "Connect Okta to Omni\'s SCIM API")',
    ]);
    const md = renderMarkdown(review);
    expect(count(md, 'omni-api-key-v2')).toBe(1);
    expect(count(md, RISK_CLASSES['secret-moved'].impact)).toBe(1);
  });

  test('a token moved from env: to secret: is one finding in JSON and Markdown, not also changed manual steps', () => {
    const moved = (t: string) => t.replace('token: env:AIVEN_SCIM_TOKEN', 'token: secret:vault/okta-sso/dev/aiven');
    const review = reviewSynthDirs(baseDir, synthConfig(editedExample({ 'environments/dev.yaml': moved })));
    const aiven = integration(review, 'dev', 'aiven');
    expect(aiven.findings.map((f) => `${f.class}:${f.level}:${f.detail}`)).toEqual([
      'secret-moved:medium:secret location moved from env:AIVEN_SCIM_TOKEN to secret:vault/okta-sso/dev/aiven (runbook steps "Get the SCIM token from Aiven", "Connect Okta to Aiven\'s SCIM API")',
    ]);
    // The JSON still lists both steps' values, marked as said by that finding.
    expect(aiven.runbook.changed.map((s) => [s.id, s.onlySecretMoved])).toEqual([
      ['aiven.scim-token', true],
      ['aiven.scim-connection', true],
    ]);
    expect(review.classes.map((c) => c.class)).toEqual(['secret-moved']);
    const md = renderMarkdown(review);
    expect(md).not.toContain(RISK_CLASSES['runbook-steps'].title);
    expect(md).not.toMatch(/changed manual step|runbook step\(s\)/);
    expect(md).toContain('| aiven | changed | medium | secret location moved |');
    expect(count(md, 'secret:vault/okta-sso/dev/aiven')).toBe(1);
  });

  test('a step with another change besides the moved secret is still a changed manual step, listing that other value', () => {
    const edit = (t: string) =>
      t.replace('token: env:AIVEN_SCIM_TOKEN', 'token: secret:vault/okta-sso/dev/aiven\n          scimBaseUrl: https://api.aiven.io/v1/scim/a3c91f0d2b47');
    const review = reviewSynthDirs(baseDir, synthConfig(editedExample({ 'environments/dev.yaml': edit })));
    const aiven = integration(review, 'dev', 'aiven');
    expect(aiven.findings.map((f) => `${f.class}:${f.detail}`)).toEqual([
      "runbook-steps:changed manual step: Connect Okta to Aiven's SCIM API",
      'secret-moved:secret location moved from env:AIVEN_SCIM_TOKEN to secret:vault/okta-sso/dev/aiven (runbook steps "Get the SCIM token from Aiven", "Connect Okta to Aiven\'s SCIM API")',
    ]);
    const md = renderMarkdown(review);
    expect(md).toContain('| aiven | changed | medium | 1 runbook step(s), secret location moved |');
    expect(md).toMatch(/- changed manual step: Connect Okta to Aiven's SCIM API \(`aiven.scim-connection`\): SCIM connector base URL `not in config: [^`]*` -> `https:\/\/api.aiven.io\/v1\/scim\/a3c91f0d2b47`\n/);
    expect(md).not.toContain('Get the SCIM token from Aiven (`aiven.scim-token`)');
    expect(count(md, 'secret:vault/okta-sso/dev/aiven')).toBe(1);
  });

  test('a low change is its table row alone, not also a finding line', () => {
    const head = synthConfig(editedExample({ 'integrations.yaml': (t) => t.replace('label: Acme Wiki', 'label: Acme Wiki 2') }));
    const md = renderMarkdown(reviewSynthDirs(baseDir, head));
    expect(details(md)).toContain('| app name | `Acme Wiki` | `Acme Wiki 2` |');
    expect(details(md)).not.toContain('app name changed');
  });
});
