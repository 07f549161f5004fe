/**
 * Terraform itself on what synth writes: every stack of the example organisation,
 * and a renamed one, goes through `terraform validate`, `plan`, `apply` and an empty
 * second plan against the fake okta and snowflake providers (real schemas, offline;
 * see test/support/terraform-plan.ts). Planted defects prove the plans can fail.
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE_DIR, listFiles } from '../helpers';
import { synthConfig } from '../support/provisioning-config';
import { afterRenameConfig } from '../support/rename-config';
import { killRunning } from '../support/run-command';
import {
  PlanQueue,
  PlanResult,
  PlantedEdit,
  describeWithTerraform,
  expectPlanPasses,
  planCounts,
  plantedCopy,
  resourceCount,
  terraformSaid,
} from '../support/terraform-plan';

const ENVIRONMENTS = ['dev', 'staging', 'prod'];

const stackDirOf = (outdir: string, env: string) => path.join(outdir, 'stacks', env);
const readStack = (stackDir: string) => JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));

/** Every resource and data source type the constructs can emit, read from their imports and hand-written classes. */
function typesTheConstructsEmit(): string[] {
  const root = path.join(__dirname, '..', '..', 'constructs');
  const types = new Set<string>();
  for (const file of listFiles(root).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    for (const [, lib, mod] of source.matchAll(/from '(@cdktf\/provider-(?:okta|snowflake)\/lib\/([a-z0-9-]+))'/g)) {
      if (mod === 'provider') continue;
      for (const exported of Object.values<any>(require(lib))) {
        if (typeof exported?.tfResourceType === 'string') types.add(`${mod.startsWith('data-') ? 'data.' : ''}${exported.tfResourceType}`);
      }
    }
    for (const [, type] of source.matchAll(/static readonly tfResourceType = '([a-z0-9_]+)'/g)) types.add(type);
  }
  return [...types].sort();
}

function typesIn(stack: any): string[] {
  return [...Object.keys(stack.resource ?? {}), ...Object.keys(stack.data ?? {}).map((t) => `data.${t}`)];
}

describeWithTerraform('terraform validate, plan, apply and an empty second plan', () => {
  const queue = new PlanQueue();
  const example = synthConfig(EXAMPLE_DIR).outdir;
  const renamed = stackDirOf(synthConfig(afterRenameConfig()).outdir, 'dev');
  const plans = new Map<string, Promise<PlanResult>>();
  const planned = (name: string) => plans.get(name)!;
  // Terraform-managed provisioning reads its SCIM token from a variable; a plan needs some value.
  const tokens = { variables: { scim_token_partner_org: 'plan-test-token' } };

  // Planted defects, each in a copy of a stack: [name, stack, edit, what Terraform says].
  const needsFutureTerraform: PlantedEdit = {
    json: (s) => {
      s.terraform.required_version = '>= 99.0';
    },
  };
  const planted: Array<[string, string, PlantedEdit, RegExp]> = [
    [
      'a misspelled attribute',
      stackDirOf(example, 'dev'),
      {
        json: (s) => {
          const app = s.resource.okta_app_saml.aiven;
          app.recipent = app.recipient;
          delete app.recipient;
        },
      },
      /No argument or block type is named "recipent"/,
    ],
    [
      'a string for a bool',
      stackDirOf(example, 'dev'),
      {
        json: (s) => {
          s.resource.okta_app_saml.aiven.assertion_signed = 'yes';
        },
      },
      /Inappropriate value for attribute "assertion_signed": a bool is required/,
    ],
    [
      "a value outside the provider's enum",
      stackDirOf(example, 'prod'),
      {
        json: (s) => {
          s.resource.okta_push_group.aiven_group_engineering.status = 'ENABLED';
        },
      },
      /Attribute status value must be one of: \[[^\]]*ACTIVE[^\]]*INACTIVE[^\]]*\], got:\s+"ENABLED"/,
    ],
    [
      'an Okta expression left unescaped (${source.email})',
      stackDirOf(example, 'prod'),
      { text: (raw) => raw.split('"$${source.email}"').join('"${source.email}"') },
      /A managed resource "source" "email" has not been declared/,
    ],
    [
      'a moved block from a declared app to a missing address (a rename written backwards)',
      renamed,
      {
        json: (s) => {
          s.moved.push({ from: 'okta_app_saml.partner_org', to: 'okta_app_saml.partner_two' });
        },
      },
      /Moved object still exists/,
    ],
    // The tool drops the backend (it plans into a throwaway local state) and must keep the rest of the terraform block.
    ['an S3 stack whose terraform block needs another Terraform', stackDirOf(example, 'staging'), needsFutureTerraform, /Unsupported Terraform Core version/],
    ['an HCP stack whose terraform block needs another Terraform', stackDirOf(example, 'prod'), needsFutureTerraform, /Unsupported Terraform Core version/],
  ];

  beforeAll(() => {
    for (const env of ENVIRONMENTS) plans.set(env, queue.plan(stackDirOf(example, env)));
    plans.set('renamed', queue.plan(renamed, tokens));
    for (const [name, stackDir, edit] of planted) plans.set(name, queue.plan(plantedCopy(stackDir, edit), tokens));
  });

  afterAll(() => killRunning());

  describe('every stack of the example organisation', () => {
    test.each(ENVIRONMENTS)(
      '%s: validate, plan, apply, and a second plan with no changes',
      async (env) => {
        const result = await planned(env);
        expectPlanPasses(result);
        // Every resource was planned: nothing was skipped or hidden behind a failed count.
        expect(planCounts(result)).toEqual({ import: 0, add: resourceCount(readStack(stackDirOf(example, env))), change: 0, destroy: 0 });
      },
      300_000,
    );

    test('staging has an S3 backend and prod an HCP one: the tool drops both, and they still plan', () => {
      expect(Object.keys(readStack(stackDirOf(example, 'staging')).terraform.backend)).toEqual(['s3']);
      expect(readStack(stackDirOf(example, 'prod')).terraform.cloud).toMatchObject({ organization: 'acme' });
    });
  });

  test('a renamed stack: its moved blocks are valid, and it plans and applies', async () => {
    expect(readStack(renamed).moved.length).toBeGreaterThan(0);
    const result = await planned('renamed');
    expectPlanPasses(result);
    expect(planCounts(result)).toEqual({ import: 0, add: resourceCount(readStack(renamed)), change: 0, destroy: 0 });
  }, 300_000);

  test('together, these stacks hold every resource and data source type the constructs can emit', () => {
    const planned = new Set([...ENVIRONMENTS.map((env) => stackDirOf(example, env)), renamed].flatMap((dir) => typesIn(readStack(dir))));
    const emitted = typesTheConstructsEmit();
    expect(emitted.length).toBeGreaterThan(10);
    expect(emitted.filter((t) => !planned.has(t))).toEqual([]);
  });

  describe("planted defects fail with Terraform's message", () => {
    test.each(planted.map(([name, , , message]) => [name, message] as const))(
      '%s',
      async (name, message) => {
        const result = await planned(name);
        expect(result.status).toBe(1);
        expect(terraformSaid(result)).toMatch(message);
      },
      300_000,
    );
  });
});
