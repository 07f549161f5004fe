import { AIVEN, ATLAN, GENERIC, OMNI, ONPREM, addresses, oneEnvConfig, synthConfig } from '../support/provisioning-config';

// The SP's IdP-record step (runbook/idp-record-step.ts) is not about provisioning.
const provisioningSteps = (r: ReturnType<typeof synthConfig>) => r.runbook.steps.filter((s) => !s.id.endsWith('.idp-record'));
const stepIds = (r: ReturnType<typeof synthConfig>) => provisioningSteps(r).map((s) => s.id);
const PROVISIONING_TYPES = ['okta_app_connection', 'okta_app_features', 'okta_push_group', 'okta_profile_mapping', 'okta_app_user_schema_property'];
const provisioningResources = (r: ReturnType<typeof synthConfig>) => addresses(r.stack).filter((a) => PROVISIONING_TYPES.includes(a.split('.')[0]));

describe('per preset: which settings land in Terraform and which in the runbook', () => {
  test.each([
    ['aiven', AIVEN, 'env:AIVEN_SCIM_TOKEN'],
    ['atlan', ATLAN, 'env:ATLAN_SCIM_TOKEN'],
    ['omni', OMNI, 'env:OMNI_API_KEY'],
    ['generic', GENERIC, 'secret:vault/okta/sp-scim'],
  ])('%s (custom SAML app, not yet connected): connection, features, Import Groups, push groups and attribute sync in the runbook', (key, base, token) => {
    const r = synthConfig(
      oneEnvConfig(
        { [key]: { ...base, groups: ['Engineering'], provisioning: { token, pushGroups: [{ group: 'Engineering', target: 'eng' }] }, attributeSync: [{ attribute: 'title', from: 'user.title' }] } },
        { [key]: {} },
      ),
    );
    // The app user profile has no SCIM attributes before provisioning is enabled: no profile mapping yet.
    expect(provisioningResources(r)).toEqual([]);
    expect(stepIds(r)).toEqual([`${key}.open-app`, `${key}.scim-token`, `${key}.enable-scim`, `${key}.scim-connection`, `${key}.import-groups`, `${key}.to-app-features`, `${key}.push-groups`, `${key}.attribute-sync`]);
    const attributes = r.runbook.steps.find((s) => s.id === `${key}.attribute-sync`)!;
    expect(attributes.values).toEqual({ 'Attribute title': 'from user.title, pushed on create and update' });
    expect(attributes.actions[0]).toContain(`set provisioning.connected: true for ${key} in environment dev`);
    const connection = r.runbook.steps.find((s) => s.id === `${key}.scim-connection`)!;
    // Import Groups has its own step (import-groups); the connection form does not repeat it.
    expect(connection.values).not.toHaveProperty('Import Groups');
    expect(connection.values['Authorization (Bearer token)']).toContain(token);
    expect(r.runbook.steps.find((s) => s.id === `${key}.push-groups`)!.values).toEqual({ 'Push group Engineering': expect.stringMatching(/group eng \(kept in the SP when the mapping is removed\)/) });
    // Username format is Terraform's (okta_app_saml), shown in the runbook for checking only.
    expect(r.stack.resource.okta_app_saml[key].user_name_template).toBe('$${source.email}');
    expect(provisioningSteps(r)[0].values['Application username format']).toBe('Email');
  });

  test('once connected, push groups and attribute sync move from the runbook to okta_push_group and okta_profile_mapping', () => {
    const r = synthConfig(
      oneEnvConfig(
        {
          aiven: {
            ...AIVEN,
            groups: ['Engineering'],
            provisioning: { token: 'env:AIVEN_SCIM_TOKEN', connected: true, pushGroups: [{ group: 'Engineering', target: 'eng' }] },
            attributeSync: [{ attribute: 'title', from: 'user.title' }],
          },
        },
        { aiven: {} },
      ),
    );
    expect(provisioningResources(r)).toEqual(['okta_profile_mapping.aiven', 'okta_push_group.aiven_group_engineering']);
    expect(stepIds(r)).not.toContain('aiven.push-groups');
    expect(stepIds(r)).not.toContain('aiven.attribute-sync');
    expect(stepIds(r)).toContain('aiven.to-app-features');
  });

  test('Aiven: features default to create, update, deactivate on and password sync off; Import Groups off', () => {
    const r = synthConfig(oneEnvConfig({ aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN' } } }, { aiven: {} }));
    expect(r.runbook.steps.find((s) => s.id === 'aiven.to-app-features')!.values).toEqual({
      'Create Users': 'Enable',
      'Update User Attributes': 'Enable',
      'Deactivate Users': 'Enable',
      'Sync Password': 'off',
    });
    const importGroups = r.runbook.steps.find((s) => s.id === 'aiven.import-groups')!;
    expect(importGroups.values).toEqual({ 'Import Groups': 'off' });
    expect(importGroups.why).toMatch(/Aiven requires it off/);
  });

  test('Omni with first-login provisioning: one runbook step, nothing provisioned by Terraform', () => {
    const r = synthConfig(oneEnvConfig({ omni: { ...OMNI, provisioning: { method: 'first-login' } } }, { omni: {} }));
    expect(provisioningResources(r)).toEqual([]);
    expect(stepIds(r)).toEqual(['omni.first-login']);
    expect(provisioningSteps(r)[0].actions.join(' ')).toMatch(/Settings > Authentication/);
  });

  test('Atlan: the runbook warns that usernames are permanent', () => {
    const r = synthConfig(oneEnvConfig({ atlan: { ...ATLAN, provisioning: { token: 'env:ATLAN_SCIM_TOKEN' } } }, { atlan: {} }));
    expect(provisioningSteps(r)[0].actions.join(' ')).toMatch(/Atlan usernames are permanent/);
  });

  test('catalog app okta_org2org, terraformManaged: connection and features in Terraform, token as a sensitive variable', () => {
    const r = synthConfig(
      oneEnvConfig(
        {
          org2: {
            ...GENERIC,
            catalogApp: { key: 'okta_org2org', settings: { baseUrl: 'https://partner.okta.com' } },
            groups: ['Engineering'],
            provisioning: { token: 'env:ORG2ORG_TOKEN', terraformManaged: true, scimBaseUrl: 'https://partner.okta.com', features: { syncPassword: true }, pushGroups: [{ group: 'Engineering' }] },
          },
        },
        { org2: {} },
      ),
    );
    expect(provisioningResources(r)).toEqual(['okta_app_connection.org2', 'okta_app_features.org2', 'okta_push_group.org2_group_engineering']);
    expect(r.stack.variable.scim_token_org2).toEqual({ type: 'string', sensitive: true, nullable: false, description: expect.stringContaining('env:ORG2ORG_TOKEN') });
    expect(r.stack.variable.scim_token_org2).not.toHaveProperty('default');
    const connection = r.stack.resource.okta_app_connection.org2;
    expect(connection).toMatchObject({ id: '${okta_app_saml.org2.id}', base_url: 'https://partner.okta.com', action: 'activate', profile: { auth_scheme: 'TOKEN', token: '${var.scim_token_org2}' } });
    expect(r.stack.resource.okta_app_features.org2.capabilities.update.password).toEqual({ status: 'ENABLED', seed: 'OKTA', change: 'CHANGE' });
    expect(r.stack.resource.okta_push_group.org2_group_engineering.depends_on).toEqual(['okta_app_features.org2']);
    expect(stepIds(r)).toEqual(['org2.open-app', 'org2.scim-token', 'org2.import-groups']);
    expect(provisioningSteps(r)[1].actions.join(' ')).toContain('TF_VAR_scim_token_org2');
  });

  test('catalog app without terraformManaged: the API integration form, with Test API Credentials', () => {
    const r = synthConfig(oneEnvConfig({ zs: { ...GENERIC, catalogApp: { key: 'zscalerbyz' }, provisioning: { token: 'secret:vault/zscaler' } } }, { zs: {} }));
    expect(provisioningResources(r)).toEqual([]);
    const step = r.runbook.steps.find((s) => s.id === 'zs.enable-api-integration')!;
    expect(step.values).toMatchObject({ 'Enable API Integration': 'on', 'Test API Credentials': 'must succeed before saving' });
    expect(step.actions).toContain('Click Test API Credentials and wait for the success message.');
  });

  test('on-premises app: agent, on-prem provisioning, Configure SCIM Connector and its test in the runbook', () => {
    const r = synthConfig(
      oneEnvConfig(
        {
          hr: {
            ...ONPREM,
            groups: ['HR'],
            provisioning: { connector: { baseUrl: 'https://scim.corp.example/scim/v2/', auth: { type: 'basic', credential: 'secret:vault/hr/scim-basic' } }, pushGroups: [{ group: 'HR' }], connected: true },
            attributeSync: [{ attribute: 'employeeNumber', from: 'user.employeeNumber', custom: { title: 'Employee number' } }],
          },
        },
        { hr: {} },
      ),
    );
    expect(stepIds(r)).toEqual(['hr.open-app', 'hr.provisioning-agent', 'hr.enable-on-prem-provisioning', 'hr.configure-scim-connector', 'hr.test-connector', 'hr.import-groups', 'hr.to-app-features']);
    expect(r.runbook.steps.find((s) => s.id === 'hr.configure-scim-connector')!.values).toEqual({
      'SCIM connector base URL': 'https://scim.corp.example/scim/v2/',
      'Authorization type': 'Basic Auth',
      'Basic Auth username and password': 'secret store entry vault/hr/scim-basic (secret:vault/hr/scim-basic); value not shown',
      'Unique user field name': 'userName',
    });
    expect(provisioningResources(r)).toEqual(['okta_app_user_schema_property.hr_employeenumber', 'okta_profile_mapping.hr', 'okta_push_group.hr_group_hr']);
  });

  test("an SSO-only integration has only the SP's IdP-record step", () => {
    const r = synthConfig(oneEnvConfig({ aiven: AIVEN }, { aiven: {} }));
    expect(r.runbook.steps.map((s) => s.id)).toEqual(['aiven.idp-record']);
  });
});

describe('OAuth 2.0-only catalog apps', () => {
  test('no token needed; the runbook asks for an admin consent', () => {
    const r = synthConfig(oneEnvConfig({ slack: { ...GENERIC, catalogApp: { key: 'slack' }, provisioning: { method: 'scim' } } }, { slack: {} }));
    expect(stepIds(r)).toEqual(['slack.open-app', 'slack.enable-api-integration', 'slack.import-groups', 'slack.to-app-features']);
    expect(provisioningSteps(r)[1].values).toEqual({ 'Enable API Integration': 'on', Authentication: 'OAuth 2.0 consent by an admin of the app' });
  });
});
