import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { App, LocalBackend, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { AivenConsole, AivenSso, AivenSsoProps, SecretRef, validateAivenSsoProps } from '../../../index';
import { tempDir } from '../../helpers';
import { errorLine, expectBase64ExpressionOn, expectPemExpressionOn, synthError, synthStack, samlAppDefaultsTests } from './synth-stack';

const REQUIRED: AivenSsoProps = { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93' };
const ACS = 'https://api.aiven.io/v1/sso/saml/account/a0b8e61f3c92/method/am0b8e61f3c93/acs';
const METADATA = 'https://api.aiven.io/v1/sso/saml/account/a0b8e61f3c92/method/am0b8e61f3c93/metadata';
const TOKEN = SecretRef.fromStore('vault/okta-sso/prod/aiven-scim-token');

function synthAiven(props: AivenSsoProps, stackId?: string) {
  return synthStack((stack) => new AivenSso(stack, 'aiven', props), stackId);
}

describe('AivenSso with only accountId and methodId', () => {
  test('synthesizes, with only the warning that no group is assigned', () => {
    const { error, warnings } = synthAiven(REQUIRED);
    expect(error).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[prod\/aiven\] groups: SSO-009 \(warning\) aiven: no Okta group is assigned/);
  });

  test('the Okta app is okta_app_saml.aiven, labelled Aiven, and nothing else is declared', () => {
    const { json } = synthAiven(REQUIRED);
    expect(Object.keys(json.resource)).toEqual(['okta_app_saml']);
    expect(Object.keys(json.resource.okta_app_saml)).toEqual(['aiven']);
    expect(json.resource.okta_app_saml.aiven.label).toBe('Aiven');
  });

  test("ACS URL, recipient and destination are Aiven's acs endpoint; the audience is its metadata URL", () => {
    const app = synthAiven(REQUIRED).json.resource.okta_app_saml.aiven;
    expect(app).toMatchObject({ sso_url: ACS, recipient: ACS, destination: ACS, audience: METADATA });
  });

  test('IdP-initiated sign-in: the default relay state is the Aiven Console and the tile is visible', () => {
    const app = synthAiven(REQUIRED).json.resource.okta_app_saml.aiven;
    expect(app.default_relay_state).toBe('https://console.aiven.io');
    expect(app).toMatchObject({ hide_web: false, hide_ios: false, status: 'ACTIVE' });
  });

  samlAppDefaultsTests(() => synthAiven(REQUIRED).json.resource.okta_app_saml.aiven);

  test('the "//" tag tells review which integration and SP the app is for', () => {
    const app = synthAiven(REQUIRED).json.resource.okta_app_saml.aiven;
    expect(app['//']['okta-sso']).toEqual({ integration: 'aiven', preset: 'aiven', permanentUsernames: false });
  });

  test('with SCIM provisioning, the tag also records whether it is connected: review claims deprovisioning only when it is', () => {
    const tag = (connected?: boolean) => synthAiven({ ...REQUIRED, provisioning: { token: TOKEN, ...(connected === undefined ? {} : { connected }) } }).json.resource.okta_app_saml.aiven['//']['okta-sso'];
    expect(tag(true)).toEqual({ integration: 'aiven', preset: 'aiven', permanentUsernames: false, provisioningConnected: true });
    expect(tag(false).provisioningConnected).toBe(false);
    expect(tag().provisioningConnected).toBe(false);
  });

  test("idp_record_aiven holds Aiven's fields in Aiven's order, for the stack's environment", () => {
    // A stack id other than prod: the record's environment is the stack's, not a constant.
    const { json } = synthAiven(REQUIRED, 'staging');
    const record = json.output.idp_record_aiven.value;
    expect(record).toMatchObject({ schemaVersion: 1, integration: 'aiven', environment: 'staging', preset: 'aiven', sp: 'Aiven' });
    expect(record.terraformResource).toBeUndefined();
    expect(record.fields.map((f: { label: string }) => f.label)).toEqual(['IDP URL', 'Entity ID', 'Certificate', 'IdP login allowed']);
    expect(record.fields.map((f: { apiName: string }) => f.apiName)).toEqual(['saml_idp_url', 'saml_entity_id', 'saml_certificate', 'saml_idp_login_allowed']);
    expect(record.fields[0]).toMatchObject({ id: 'idpUrl', format: 'url', value: '${okta_app_saml.aiven.http_post_binding}' });
    expect(record.fields[1]).toMatchObject({ id: 'entityId', format: 'uri', value: '${okta_app_saml.aiven.entity_url}' });
    expect(record.fields[2]).toMatchObject({ id: 'certificate', format: 'pem' });
    expectPemExpressionOn(record.fields[2].value, 'okta_app_saml.aiven.certificate');
    expect(record.fields[3]).toMatchObject({ id: 'idpLoginAllowed', format: 'boolean', value: true });
  });

  test('the runbook has one step, aiven.idp-record, pointing at the output and the command to run', () => {
    const { runbook, runbookMd } = synthAiven(REQUIRED);
    expect(runbook.environment).toBe('prod');
    expect(runbook.steps.map((s: { id: string }) => s.id)).toEqual(['aiven.idp-record']);
    const step = runbook.steps[0];
    expect(step).toMatchObject({ integration: 'aiven', title: 'Enter Okta as the identity provider in Aiven', terraformOutput: 'idp_record_aiven' });
    expect(step.actions).toContain('After terraform apply in prod, run: okta-sso idp-record --env prod --integration aiven');
    expect(step.actions).toContain('Open Aiven Console: Admin > Identity providers > your Okta IdP > Configure.');
    expect(Object.keys(step.values)).toEqual(['IDP URL', 'Entity ID', 'Certificate', 'IdP login allowed']);
    expect(step.values['IdP login allowed']).toBe('on');
    expect(runbookMd).toContain('Step `aiven.idp-record`.');
    expect(runbookMd).toContain('| IDP URL | output idp_record_aiven, field idpUrl:');
  });

  test('the stack requires okta/okta 6.6.0 to 7.x (not 6.14.0) and gets an okta provider configured from the environment', () => {
    const { json } = synthAiven(REQUIRED);
    expect(json.terraform.required_providers.okta).toEqual({ source: 'okta/okta', version: '>= 6.6.0, != 6.14.0, < 8.0.0' });
    expect(json.provider.okta).toEqual([{}]);
  });
});

describe('AivenSso props', () => {
  test('accountId and methodId are placed in the ACS URL and entity ID patterns', () => {
    const app = synthAiven({ accountId: 'b1c2d3e4f5a6', methodId: 'am77aa88bb99' }).json.resource.okta_app_saml.aiven;
    expect(app.sso_url).toBe('https://api.aiven.io/v1/sso/saml/account/b1c2d3e4f5a6/method/am77aa88bb99/acs');
    expect(app.audience).toBe('https://api.aiven.io/v1/sso/saml/account/b1c2d3e4f5a6/method/am77aa88bb99/metadata');
  });

  test('relayState AivenConsole.GCP_MARKETPLACE is the default relay state, exactly as Aiven expects it', () => {
    const app = synthAiven({ ...REQUIRED, relayState: AivenConsole.GCP_MARKETPLACE }).json.resource.okta_app_saml.aiven;
    // The trailing slash is part of Aiven's accepted value.
    expect(app.default_relay_state).toBe('https://console.gcp.aiven.io/');
  });

  test("idpLoginAllowed false is what the IdP record and runbook tell the admin to set in Aiven", () => {
    // A relay state is always set for Aiven, so false needs SSO-011 suppressed.
    const { json, runbook, error } = synthAiven({
      ...REQUIRED,
      idpLoginAllowed: false,
      suppressions: [{ rule: 'SSO-011', reason: 'users only start sign-in from Aiven' }],
    });
    expect(error).toBeUndefined();
    const field = json.output.idp_record_aiven.value.fields.find((f: { label: string }) => f.label === 'IdP login allowed');
    expect(field.value).toBe(false);
    expect(runbook.steps[0].values['IdP login allowed']).toBe('off');
  });

  test('label is the app name shown in Okta; the IdP record still speaks of Aiven', () => {
    const { json } = synthAiven({ ...REQUIRED, label: 'Aiven (prod)' });
    expect(json.resource.okta_app_saml.aiven.label).toBe('Aiven (prod)');
    expect(json.output.idp_record_aiven.value.sp).toBe('Aiven');
  });
});

describe('AivenSso shared props', () => {
  test('groups are looked up by name and assigned in priority order', () => {
    const { json } = synthAiven({ ...REQUIRED, groups: ['Engineering', 'SRE', 'Data Platform'] });
    expect(json.data.okta_group).toMatchObject({
      group_engineering: { name: 'Engineering' },
      group_sre: { name: 'SRE' },
      group_data_platform: { name: 'Data Platform' },
    });
    expect(json.resource.okta_group).toBeUndefined();
    expect(json.resource.okta_app_group_assignments.aiven).toMatchObject({
      app_id: '${okta_app_saml.aiven.id}',
      group: [
        { id: '${data.okta_group.group_engineering.id}', priority: 1 },
        { id: '${data.okta_group.group_sre.id}', priority: 2 },
        { id: '${data.okta_group.group_data_platform.id}', priority: 3 },
      ],
    });
  });

  test('{ name, create: true } creates the group, with prevent_destroy, instead of looking it up', () => {
    const { json } = synthAiven({ ...REQUIRED, groups: ['Engineering', { name: 'Aiven Admins', create: true, description: 'Admins of Aiven' }] });
    expect(json.resource.okta_group.group_aiven_admins).toMatchObject({ name: 'Aiven Admins', description: 'Admins of Aiven', lifecycle: { prevent_destroy: true } });
    expect(json.data.okta_group.group_aiven_admins).toBeUndefined();
    expect(json.resource.okta_app_group_assignments.aiven.group[1]).toEqual({ id: '${okta_group.group_aiven_admins.id}', priority: 2 });
  });

  test('push groups with connected: true are okta_push_group mappings that keep the Aiven group on destroy', () => {
    const { json, runbook } = synthAiven({
      ...REQUIRED,
      groups: ['Engineering', 'SRE'],
      provisioning: { token: TOKEN, connected: true, pushGroups: [{ group: 'Engineering', target: 'engineering' }, { group: 'SRE' }] },
    });
    expect(json.resource.okta_push_group).toEqual({
      aiven_group_engineering: expect.objectContaining({
        app_id: '${okta_app_saml.aiven.id}',
        source_group_id: '${data.okta_group.group_engineering.id}',
        target_group_name: 'engineering',
        status: 'ACTIVE',
        // Written out: the provider's own default deletes the SP group and its memberships.
        delete_target_group_on_destroy: false,
      }),
      aiven_group_sre: expect.objectContaining({ source_group_id: '${data.okta_group.group_sre.id}', target_group_name: 'SRE', delete_target_group_on_destroy: false }),
    });
    expect(runbook.steps.map((s: { id: string }) => s.id)).not.toContain('aiven.push-groups');
  });

  test('push groups before connected: true wait in the runbook, not in Terraform', () => {
    const { json, runbook } = synthAiven({ ...REQUIRED, groups: ['Engineering'], provisioning: { token: TOKEN, pushGroups: [{ group: 'Engineering', target: 'engineering' }] } });
    expect(json.resource.okta_push_group).toBeUndefined();
    const step = runbook.steps.find((s: { id: string }) => s.id === 'aiven.push-groups');
    expect(step.values).toEqual({ 'Push group Engineering': 'Aiven group engineering (kept in the SP when the mapping is removed)' });
  });

  test('attributeSync maps Okta attributes with okta_profile_mapping, declaring custom attributes first', () => {
    const { json } = synthAiven({
      ...REQUIRED,
      groups: ['Engineering'],
      provisioning: { token: TOKEN, connected: true },
      attributeSync: [
        { attribute: 'title', from: 'user.title' },
        { attribute: 'costCenter', from: 'user.costCenter', push: 'on-create', custom: { title: 'Cost center' } },
      ],
    });
    expect(json.resource.okta_profile_mapping.aiven).toMatchObject({
      source_id: '${data.okta_user_profile_mapping_source.okta_user.id}',
      target_id: '${okta_app_saml.aiven.id}',
      delete_when_absent: false,
      mappings: [
        { id: 'title', expression: 'user.title', push_status: 'PUSH' },
        { id: 'costCenter', expression: 'user.costCenter', push_status: 'DONT_PUSH' },
      ],
      depends_on: ['okta_app_user_schema_property.aiven_costcenter'],
    });
    expect(json.resource.okta_app_user_schema_property.aiven_costcenter).toMatchObject({ app_id: '${okta_app_saml.aiven.id}', index: 'costCenter', title: 'Cost center', type: 'string' });
  });

  test('renamedFrom moves every resource of the integration instead of replacing it', () => {
    const { json } = synthAiven({
      ...REQUIRED,
      renamedFrom: 'aiven_old',
      groups: ['Engineering'],
      provisioning: { token: TOKEN, connected: true, pushGroups: [{ group: 'Engineering' }] },
      attributeSync: [{ attribute: 'title', from: 'user.title' }],
    });
    expect(json.moved).toEqual(
      expect.arrayContaining([
        { from: 'okta_app_saml.aiven_old', to: 'okta_app_saml.aiven' },
        { from: 'okta_app_group_assignments.aiven_old', to: 'okta_app_group_assignments.aiven' },
        { from: 'okta_push_group.aiven_old_group_engineering', to: 'okta_push_group.aiven_group_engineering' },
        { from: 'okta_profile_mapping.aiven_old', to: 'okta_profile_mapping.aiven' },
      ]),
    );
    expect(json.moved).toHaveLength(4);
  });

  test('no moved block without renamedFrom', () => {
    expect(synthAiven({ ...REQUIRED, groups: ['Engineering'] }).json.moved).toBeUndefined();
  });

  test('key, not the construct id, names the Terraform resources, the IdP record output and the runbook step', () => {
    let aiven!: AivenSso;
    const { json, runbook } = synthStack((stack) => {
      aiven = new AivenSso(stack, 'Aiven Prod', { ...REQUIRED, key: 'aiven_prod', groups: ['Engineering'] });
      new TerraformOutput(stack, 'app_id', { value: aiven.appId });
    });
    expect(Object.keys(json.resource.okta_app_saml)).toEqual(['aiven_prod']);
    expect(json.resource.okta_app_saml.aiven_prod['//']['okta-sso'].integration).toBe('aiven_prod');
    expect(Object.keys(json.resource.okta_app_group_assignments)).toEqual(['aiven_prod']);
    expect(json.output.idp_record_aiven_prod.value.integration).toBe('aiven_prod');
    expect(json.output.app_id.value).toBe('${okta_app_saml.aiven_prod.id}');
    expect(runbook.steps.map((s: { id: string }) => s.id)).toEqual(['aiven_prod.idp-record']);
    expect(aiven.key).toBe('aiven_prod');
  });
});

describe('AivenSso attributes to wire onward', () => {
  function wired(build: (stack: TerraformStack, aiven: AivenSso) => void) {
    return synthStack((stack) => build(stack, new AivenSso(stack, 'aiven', { ...REQUIRED, groups: ['Engineering'] })));
  }

  test('appId is a reference to okta_app_saml.aiven.id', () => {
    const { json } = wired((stack, aiven) => new TerraformOutput(stack, 'x', { value: aiven.appId }));
    expect(json.output.x.value).toBe('${okta_app_saml.aiven.id}');
  });

  test("signOnUrl is Okta's HTTP-POST sign-on URL of the app", () => {
    const { json } = wired((stack, aiven) => new TerraformOutput(stack, 'x', { value: aiven.signOnUrl }));
    expect(json.output.x.value).toBe('${okta_app_saml.aiven.http_post_binding}');
  });

  test("issuer is the app's entity_url", () => {
    const { json } = wired((stack, aiven) => new TerraformOutput(stack, 'x', { value: aiven.issuer }));
    expect(json.output.x.value).toBe('${okta_app_saml.aiven.entity_url}');
  });

  test("metadataUrl is the app's metadata_url", () => {
    const { json } = wired((stack, aiven) => new TerraformOutput(stack, 'x', { value: aiven.metadataUrl }));
    expect(json.output.x.value).toBe('${okta_app_saml.aiven.metadata_url}');
  });

  test("metadataXml is the app's metadata", () => {
    const { json } = wired((stack, aiven) => new TerraformOutput(stack, 'x', { value: aiven.metadataXml }));
    expect(json.output.x.value).toBe('${okta_app_saml.aiven.metadata}');
  });

  test('certificatePem synthesizes to the Terraform expression on okta_app_saml.aiven.certificate that the IdP record uses', () => {
    const { json } = wired((stack, aiven) => new TerraformOutput(stack, 'x', { value: aiven.certificatePem }));
    expectPemExpressionOn(json.output.x.value, 'okta_app_saml.aiven.certificate');
    expect(json.output.x.value).toBe(json.output.idp_record_aiven.value.fields[2].value);
  });

  test('certificatePem and certificateBase64 can be wired into another stack (cdktf carries them through remote state)', () => {
    const outdir = tempDir('okta-sso-xstack-');
    const app = new App({ outdir });
    const okta = new TerraformStack(app, 'okta');
    new LocalBackend(okta, { path: '../../../state/okta.tfstate' });
    const aiven = new AivenSso(okta, 'aiven', { ...REQUIRED, groups: ['Engineering'] });
    const consumer = new TerraformStack(app, 'consumer');
    new LocalBackend(consumer, { path: '../../../state/consumer.tfstate' });
    new TerraformOutput(consumer, 'pem', { value: aiven.certificatePem });
    new TerraformOutput(consumer, 'b64', { value: aiven.certificateBase64 });
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'consumer', 'cdk.tf.json'), 'utf8'));
    // The consumer reads the values from the okta stack's state: no reference to a resource it does not declare.
    for (const name of ['pem', 'b64']) {
      expect(json.output[name].value).toContain('data.terraform_remote_state.cross-stack-reference-input-okta.outputs.');
      expect(json.output[name].value).not.toContain('okta_app_saml.aiven.');
    }
    expect(json.output.pem.value).toMatch(/^\$\{join\("\\n", concat\(\["-----BEGIN CERTIFICATE-----"\], regexall\(/);
  });

  test('certificateBase64 is a Terraform expression on the same certificate, without BEGIN/END lines', () => {
    const { json } = wired((stack, aiven) => new TerraformOutput(stack, 'x', { value: aiven.certificateBase64 }));
    expectBase64ExpressionOn(json.output.x.value, 'okta_app_saml.aiven.certificate');
  });

  test('node.defaultChild is oktaApp, so an escape hatch on it reaches okta_app_saml.aiven', () => {
    let aiven!: AivenSso;
    const { json } = wired((_stack, a) => {
      aiven = a;
      (a.node.defaultChild as AppSaml).addOverride('accessibility_self_service', false);
    });
    expect(aiven.node.defaultChild).toBe(aiven.oktaApp);
    expect(json.resource.okta_app_saml.aiven.accessibility_self_service).toBe(false);
  });
});

describe('AivenSso with Terraform tokens', () => {
  test('an accountId from a Terraform variable is not judged at synth, and the URLs reference the variable', () => {
    const { json, error } = synthStack((stack) => {
      const account = new TerraformVariable(stack, 'aiven_account', { type: 'string' });
      new AivenSso(stack, 'aiven', { ...REQUIRED, accountId: account.stringValue, groups: ['Engineering'] });
    });
    expect(error).toBeUndefined();
    const app = json.resource.okta_app_saml.aiven;
    expect(app.sso_url).toBe('https://api.aiven.io/v1/sso/saml/account/${var.aiven_account}/method/am0b8e61f3c93/acs');
    expect(app.recipient).toBe(app.sso_url);
    expect(app.audience).toBe('https://api.aiven.io/v1/sso/saml/account/${var.aiven_account}/method/am0b8e61f3c93/metadata');
  });

  test("a token prop never reaches the runbook as cdktf's unresolved placeholder", () => {
    // With SCIM, the runbook's open-app step shows the ACS URL, which embeds the accountId token.
    const { runbook, runbookMd } = synthStack((stack) => {
      const account = new TerraformVariable(stack, 'aiven_account', { type: 'string' });
      new AivenSso(stack, 'aiven', { ...REQUIRED, accountId: account.stringValue, groups: ['Engineering'], provisioning: { token: TOKEN } });
    });
    const values = runbook.steps.flatMap((s: { values: Record<string, string> }) => Object.values(s.values));
    expect(values.filter((v: string) => v.includes('TfToken'))).toEqual([]);
    expect(runbookMd.split('\n').filter((l) => l.includes('TfToken'))).toEqual([]);
  });
});

describe('AivenSso validation', () => {
  const BAD: AivenSsoProps = { ...REQUIRED, methodId: 'am-0b8e61f3c93', groups: ['Engineering'] };

  test('a methodId that is not an Aiven ID fails a plain app.synth(), naming the construct path, the prop and the value', () => {
    const error = synthError((stack) => new AivenSso(stack, 'aiven', BAD));
    expect(error).toMatch(/^Validation failed with the following errors:/);
    expect(errorLine(error, 'am-0b8e61f3c93')).toBe(
      '[prod/aiven] methodId: Aiven authentication method ID "am-0b8e61f3c93" is not an Aiven ID; accepted: letters and digits, e.g. a1b2c3d4e5f6',
    );
  });

  test("cdktf's Testing.synth runs the validation only when asked (the README warns of it)", () => {
    const stack = new TerraformStack(Testing.app(), 'prod');
    new AivenSso(stack, 'aiven', BAD);
    expect(() => Testing.synth(stack)).not.toThrow();
    expect(() => Testing.synth(stack, true)).toThrow(/\[prod\/aiven\] methodId: Aiven authentication method ID "am-0b8e61f3c93" is not an Aiven ID/);
  });

  test('validateAivenSsoProps returns the same problem, with its rule', () => {
    expect(validateAivenSsoProps(BAD)).toEqual([
      { field: 'methodId', rule: 'SSO-101', message: 'Aiven authentication method ID "am-0b8e61f3c93" is not an Aiven ID; accepted: letters and digits, e.g. a1b2c3d4e5f6' },
    ]);
  });

  test('props that cannot work declare no app: an escape hatch on oktaApp does nothing, and synth fails with the problem', () => {
    const synthed = synthStack((stack) => {
      const aiven = new AivenSso(stack, 'aiven', BAD);
      aiven.oktaApp.addOverride('hide_ios', true);
    });
    expect(synthed.error).toContain('[prod/aiven] methodId: Aiven authentication method ID "am-0b8e61f3c93" is not an Aiven ID');
  });
});
