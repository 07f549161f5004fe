import { AppUserSchemaProperty } from '@cdktf/provider-okta/lib/app-user-schema-property';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { AivenSso, SecretRef } from '../../index';
import { tempDir } from '../helpers';

const AIVEN = { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93' };
const CONNECTED = { token: SecretRef.fromEnv('AIVEN_SCIM_TOKEN'), connected: true };

/** A user's one-stack app, synthesized as a user does: the error, or the stack's cdk.tf.json. */
function synth(build: (stack: TerraformStack) => void): { error?: string; json?: { resource: Record<string, Record<string, unknown>> } } {
  const outdir = tempDir('okta-sso-addresses-');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'prod');
  new LocalBackend(stack, { path: '../../../state/prod.tfstate' });
  build(stack);
  try {
    app.synth();
  } catch (err) {
    return { error: (err as Error).message };
  }
  return { json: JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'prod', 'cdk.tf.json'), 'utf8')) };
}

describe('two resources at one Terraform address are an error, never one of them dropped', () => {
  test('push groups of two integrations: a + b_group_c and a_group_b + c', () => {
    const { error, json } = synth((stack) => {
      new AivenSso(stack, 'a', { ...AIVEN, groups: ['b_group_c'], provisioning: { ...CONNECTED, pushGroups: [{ group: 'b_group_c' }] } });
      new AivenSso(stack, 'a_group_b', { ...AIVEN, methodId: 'am2', groups: ['c'], provisioning: { ...CONNECTED, pushGroups: [{ group: 'c' }] } });
    });
    expect(json).toBeUndefined();
    expect(error).toContain(
      '[prod/a_group_b] provisioning.pushGroups.0.group: push group "c" would be okta_push_group.a_group_b_group_c, the Terraform address of push group "b_group_c" (a.provisioning.pushGroups.0.group)',
    );
    // Reported once, at the integration's prop: not again as the stack's.
    expect(error!.match(/okta_push_group\.a_group_b_group_c/g)).toHaveLength(1);
  });

  test('custom attributes differing only in case, in one integration', () => {
    const { error } = synth((stack) => {
      new AivenSso(stack, 'aiven', {
        ...AIVEN,
        groups: ['Eng'],
        provisioning: CONNECTED,
        attributeSync: [
          { attribute: 'costCenter', from: 'user.costCenter', custom: {} },
          { attribute: 'costcenter', from: 'user.costCenter', custom: {} },
        ],
      });
    });
    expect(error).toContain('[prod/aiven] attributeSync.1.attribute: custom attribute "costcenter" would be okta_app_user_schema_property.aiven_costcenter, the Terraform address of custom attribute "costCenter" (aiven.attributeSync.0.attribute)');
  });

  test("the app's own resource at an SSO construct's address", () => {
    const { error } = synth((stack) => {
      new AivenSso(stack, 'aiven', { ...AIVEN, groups: ['Eng'], provisioning: CONNECTED, attributeSync: [{ attribute: 'team', from: 'user.team', custom: {} }] });
      const own = new AppUserSchemaProperty(stack, 'mine', { appId: 'x', index: 'team', title: 'Team', type: 'string' });
      own.overrideLogicalId('aiven_team');
    });
    expect(error).toContain('prod/mine and prod/aiven/provisioning/attributes/attribute-team are both okta_app_user_schema_property.aiven_team in stack prod');
  });

  test('distinct addresses synthesize, every resource kept', () => {
    const { error, json } = synth((stack) => {
      new AivenSso(stack, 'a', { ...AIVEN, groups: ['b_group_c'], provisioning: { ...CONNECTED, pushGroups: [{ group: 'b_group_c' }] } });
      new AivenSso(stack, 'a_group_c', { ...AIVEN, methodId: 'am2', groups: ['c'], provisioning: { ...CONNECTED, pushGroups: [{ group: 'c' }] } });
    });
    expect(error).toBeUndefined();
    expect(Object.keys(json!.resource.okta_push_group).sort()).toEqual(['a_group_b_group_c', 'a_group_c_group_c']);
  });
});
