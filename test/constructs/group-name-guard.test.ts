/**
 * Okta's group search is starts-with, and okta/okta's data "okta_group" accepts a
 * single match whatever its name: every lookup carries a postcondition that makes
 * the plan fail unless the group found has exactly the name asked for.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { exactGroupNameGuard } from '../../constructs/group-name-guard';
import { hclStringLiteral } from '../../model/group-name-guard';
import { GenericSamlSso } from '../../index';
import { tempDir } from '../helpers';
import { copyOrg, writeJson } from '../support/fake-okta';
import { killRunning } from '../support/run-command';
import { PlanQueue, PlanResult, describeWithTerraform, expectPlanPasses, terraformSaid } from '../support/terraform-plan';

const SAVED_ORG = path.join(__dirname, '..', '..', 'examples', 'adopt', 'saved-org');

/** A user's app with one generic SAML app assigned to `groups` (looked up by name); returns its stack directory and cdk.tf.json. */
function synthApp(groups: string[]): { dir: string; json: any } {
  const outdir = tempDir('okta-sso-guard-');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'prod');
  new LocalBackend(stack, { path: '../../../state/prod.tfstate' });
  new GenericSamlSso(stack, 'wiki', { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'urn:example:wiki', groups: groups.map((name) => ({ name })) });
  app.synth();
  const dir = path.join(outdir, 'stacks', 'prod');
  return { dir, json: JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')) };
}

/** A saved org whose groups are exactly these (Okta's group JSON, trimmed to what the provider reads). */
function orgWithGroups(names: string[]): string {
  return copyOrg(SAVED_ORG, (dir) =>
    writeJson(
      dir,
      'groups.json',
      names.map((name, i) => ({ id: `00g${String(i).padStart(17, '0')}`, type: 'OKTA_GROUP', profile: { name, description: `${name} team` } })),
    ),
  );
}

describe('hclStringLiteral', () => {
  test.each([
    ['Engineering', '"Engineering"'],
    ['Eng "Ops"', '"Eng \\"Ops\\""'],
    ['C:\\Users', '"C:\\\\Users"'],
    ['cost ${center} %{x}', '"cost $${center} %%{x}"'],
    ['tab\there', '"tab\\there"'],
  ])('%j becomes %s', (name, literal) => expect(hclStringLiteral(name)).toBe(literal));
});

describe('every group lookup carries the exact-name postcondition', () => {
  test('data.okta_group.<group> compares the name Okta found with the name asked for', () => {
    const { json } = synthApp(['Engineering']);
    const lookup = json.data.okta_group.group_engineering;
    expect(lookup.name).toBe('Engineering');
    expect(lookup.lifecycle.postcondition).toEqual([
      { condition: '${self.name == "Engineering"}', error_message: expect.stringContaining('Okta has no group named exactly "Engineering"') },
    ]);
    // The message names the group Okta did find: Terraform fills it in.
    expect(lookup.lifecycle.postcondition[0].error_message).toContain('"${self.name}"');
  });

  test('a created group is not looked up, so it has no guard', () => {
    const outdir = tempDir('okta-sso-guard-');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'prod');
    new LocalBackend(stack, { path: '../../../state/prod.tfstate' });
    new GenericSamlSso(stack, 'wiki', { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'urn:example:wiki', groups: [{ name: 'Wiki Users', create: true }] });
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'prod', 'cdk.tf.json'), 'utf8'));
    expect(json.data).toBeUndefined();
    expect(json.resource.okta_group.group_wiki_users.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('the guard is built from the name alone', () => {
    expect(exactGroupNameGuard('Sales').condition).toBe('${self.name == "Sales"}');
  });
});

describeWithTerraform('terraform plan with the guard', () => {
  const queue = new PlanQueue();
  const TRICKY = ['Eng "Ops"', 'C:\\Users', 'cost ${center} %{x}'];
  const plans = new Map<string, Promise<PlanResult>>();

  beforeAll(() => {
    // Without a saved org the fake provider returns the group asked for: the plan passes only if every condition is valid HCL that holds.
    plans.set('tricky', queue.plan(synthApp(TRICKY).dir));
    const engineering = synthApp(['Engineering']).dir;
    plans.set('prefix only', queue.plan(engineering, { apply: false, oktaOrg: orgWithGroups(['Engineering-Dev']) }));
    plans.set('exact and prefix', queue.plan(engineering, { apply: false, oktaOrg: orgWithGroups(['Engineering', 'Engineering-Dev']) }));
  });

  afterAll(() => killRunning());

  test('names with quotes, backslashes and template sequences: the conditions are valid and hold', async () => {
    expectPlanPasses(await plans.get('tricky')!);
  }, 300_000);

  test('only Engineering-Dev in the org: the plan for groups [Engineering] fails, naming both groups', async () => {
    const result = await plans.get('prefix only')!;
    expect(result.status).toBe(1);
    // Terraform wraps the message: compare it with single spaces.
    const said = terraformSaid(result).replace(/\s+/g, ' ');
    expect(said).toContain('Okta has no group named exactly "Engineering"');
    expect(said).toContain('found only "Engineering-Dev"');
  }, 300_000);

  test('Engineering and Engineering-Dev in the org: the exact group is found and the plan passes', async () => {
    const result = await plans.get('exact and prefix')!;
    expect(result.status).toBe(0);
    expect(terraformSaid(result)).not.toContain('Okta has no group named exactly');
  }, 300_000);
});
