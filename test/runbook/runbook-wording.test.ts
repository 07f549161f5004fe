import { AIVEN, GENERIC, OMNI, oneEnvConfig, synthConfig, writeYamlConfigDir } from '../support/provisioning-config';

/** How many times `pattern` occurs in `text`. */
const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern.source, 'g')) ?? []).length;
const step = (r: ReturnType<typeof synthConfig>, id: string) => r.runbook.steps.find((s) => s.id === id)!;

describe("Omni's 24-hour sessions: said once, in every Omni runbook", () => {
  test.each([
    ['first-login provisioning', { method: 'first-login' }],
    ['SCIM provisioning', { token: 'env:OMNI_API_KEY' }],
    ['SSO only', undefined],
  ])('%s', (_, provisioning) => {
    const r = synthConfig(oneEnvConfig({ omni: { ...OMNI, ...(provisioning ? { provisioning } : {}) } }, { omni: {} }));
    expect(count(r.runbookMd, /24 hours/)).toBe(1);
    expect(count(JSON.stringify(r.runbook), /24 hours/)).toBe(1);
    // In the step that sets up sign-in to Omni, which every Omni runbook has.
    expect(step(r, 'omni.idp-record').actions).toContain('Keep in mind: Omni sessions expire after 24 hours, which is not configurable: users then sign in again through Okta.');
  });

  test('another SP says nothing of it', () => {
    const r = synthConfig(oneEnvConfig({ aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN' } } }, { aiven: {} }));
    expect(r.runbookMd).not.toMatch(/24 hours/);
  });
});

describe('open-app check: the Audience URI (SP Entity ID) Terraform applies', () => {
  test('Aiven: its metadata URL, beside the ACS URL, in runbook.json and runbook.md', () => {
    const r = synthConfig(oneEnvConfig({ aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN' } } }, { aiven: {} }));
    const metadataUrl = 'https://api.aiven.io/v1/sso/saml/account/a1b2c3/method/am1b2c3/metadata';
    expect(r.stack.resource.okta_app_saml.aiven.audience).toBe(metadataUrl);
    expect(Object.keys(step(r, 'aiven.open-app').values)).toEqual(['Okta app', 'ACS URL (Single sign-on URL)', 'Audience URI (SP Entity ID)', 'Default relay state', 'Application username format']);
    expect(step(r, 'aiven.open-app').values['Audience URI (SP Entity ID)']).toBe(metadataUrl);
    expect(r.runbookMd).toContain(`| Audience URI (SP Entity ID) | ${metadataUrl} |`);
  });

  test.each([
    ['omni', OMNI, 'env:OMNI_API_KEY'],
    ['generic', GENERIC, 'secret:vault/okta/sp-scim'],
  ])('%s: the audience from config, as the SP publishes it', (key, base, token) => {
    const r = synthConfig(oneEnvConfig({ [key]: { ...base, provisioning: { token } } }, { [key]: {} }));
    expect(step(r, `${key}.open-app`).values['Audience URI (SP Entity ID)']).toBe(base.audience);
  });

  test('a catalog app, whose audience Terraform does not set: no Audience URI to check', () => {
    const r = synthConfig(oneEnvConfig({ zs: { ...GENERIC, catalogApp: { key: 'zscalerbyz' }, provisioning: { token: 'secret:vault/zscaler' } } }, { zs: {} }));
    expect(r.stack.resource.okta_app_saml.zs.audience).toBeUndefined();
    expect(step(r, 'zs.open-app').values).not.toHaveProperty('Audience URI (SP Entity ID)');
  });
});

describe('the Okta app named so that an admin opens the right one: labels are not unique in an Okta org', () => {
  // Two environments on one Okta org, each with its own app labelled Aiven: Okta lists both under that label.
  const sharedOrg = () =>
    writeYamlConfigDir({
      'integrations.yaml': { integrations: { aiven: { preset: 'aiven', label: 'Aiven', provisioning: { token: 'env:AIVEN_SCIM_TOKEN' } }, omni: { ...OMNI, label: 'Omni Analytics', provisioning: { method: 'first-login' } } } },
      'dev.yaml': { environments: { dev: { okta: { orgName: 'acme' }, integrations: { aiven: { aiven: { accountId: 'a1b2c3', methodId: 'am1b2c3' } }, omni: {} } } } },
      'staging.yaml': { environments: { staging: { okta: { orgName: 'acme' }, integrations: { aiven: { aiven: { accountId: 'a1b2c3', methodId: 'am4d5e6' } }, omni: {} } } } },
    });

  test.each(['dev', 'staging'])("%s: open-app picks the app by its ID, from the environment's own output", (env) => {
    const r = synthConfig(sharedOrg(), env);
    const openApp = step(r, 'aiven.open-app');
    expect(openApp.actions[0]).toBe(
      `Okta Admin Console > Applications > Applications > Aiven, the app whose ID is ${env}'s output provisioning_aiven.app_id (apps can share a label: the Admin Console shows an app's ID in its address, after /instance/).`,
    );
    expect(openApp.values['Okta app']).toBe('Aiven (app ID: output provisioning_aiven.app_id)');
    expect(r.stack.output.provisioning_aiven.value.app_id).toBe('${okta_app_saml.aiven.id}');
  });

  test('first-login: the app to leave provisioning off in is named by its ID too', () => {
    const r = synthConfig(sharedOrg(), 'staging');
    const firstLogin = step(r, 'omni.first-login');
    expect(firstLogin.actions).toContain('In Okta, leave provisioning off for Omni Analytics (app ID: output provisioning_omni.app_id): users are created in Omni when they first sign in.');
    expect(firstLogin.terraformOutput).toBe('provisioning_omni');
    expect(r.stack.output.provisioning_omni).toBeDefined();
  });
});

describe("Aiven's SCIM connection", () => {
  const aiven = (provisioning: Record<string, unknown>) => synthConfig(oneEnvConfig({ aiven: { ...AIVEN, provisioning: { token: 'env:AIVEN_SCIM_TOKEN', ...provisioning } } }, { aiven: {} }));

  test('without provisioning.scimBaseUrl: says where in the Aiven Console to copy the base URL from', () => {
    const base = step(aiven({}), 'aiven.scim-connection').values['SCIM connector base URL'];
    expect(base).toBe(
      'not in config: copy it from Admin > Identity providers > your IdP in the Aiven Console, where user provisioning is set up and its access token is created (record it as provisioning.scimBaseUrl to have it here)',
    );
  });

  test('with provisioning.scimBaseUrl: the value itself', () => {
    const r = aiven({ scimBaseUrl: 'https://api.aiven.io/scim/v2/a1b2c3' });
    expect(step(r, 'aiven.scim-connection').values['SCIM connector base URL']).toBe('https://api.aiven.io/scim/v2/a1b2c3');
  });

  test('an SP that names no place: its SCIM settings, where it issues the token', () => {
    const r = synthConfig(oneEnvConfig({ omni: { ...OMNI, provisioning: { token: 'env:OMNI_API_KEY' } } }, { omni: {} }));
    expect(step(r, 'omni.scim-connection').values['SCIM connector base URL']).toBe("not in config: copy it from Omni's SCIM settings, where it issues the token (record it as provisioning.scimBaseUrl to have it here)");
  });

  test('Import Groups: one instruction, in one step', () => {
    const r = aiven({});
    const mentioning = r.runbook.steps.filter((s) => JSON.stringify(s).includes('Import Groups')).map((s) => s.id);
    expect(mentioning).toEqual(['aiven.import-groups']);
  });
});

describe('the check after entering the IdP record starts where sign-in can start', () => {
  const SP_LOGIN = /^Save, then check it from (\S+)'s own login page: sign in with SSO there, which sends you to Okta and back \((.*)\: a sign-in started from Okta fails\)\.$/;
  const checkOf = (r: ReturnType<typeof synthConfig>, key: string) => step(r, `${key}.idp-record`).actions.find((a) => a.startsWith('Save, then'));

  test('Omni, SP-initiated only: from its own login page, never "through Okta"', () => {
    const r = synthConfig(oneEnvConfig({ omni: OMNI }, { omni: {} }));
    expect(checkOf(r, 'omni')).toBe("Save, then check it from Omni's own login page: sign in with SSO there, which sends you to Okta and back (Omni accepts SP-initiated sign-in only: a sign-in started from Okta fails).");
    expect(r.runbookMd).not.toContain('sign in to the app through Okta');
  });

  test('Aiven with IdP login off in its record: from its own login page too', () => {
    const r = synthConfig(oneEnvConfig({ aiven: { ...AIVEN, aiven: { ...AIVEN.aiven, idpLoginAllowed: false }, relayState: '' } }, { aiven: {} }));
    expect(checkOf(r, 'aiven')).toMatch(SP_LOGIN);
    expect(checkOf(r, 'aiven')).toContain('(IdP login is off in its record: ');
  });

  test.each([
    ['a generic app', 'sp', GENERIC, 'sp'],
    ['Aiven', 'aiven', AIVEN, 'Aiven'],
  ])('%s with its Okta tile hidden (showInDashboard: false): from its own login page, nothing to click in Okta', (_, key, base, sp) => {
    const r = synthConfig(oneEnvConfig({ [key]: { ...base, showInDashboard: false } }, { [key]: {} }));
    expect(checkOf(r, key)).toBe(
      `Save, then check it from ${sp}'s own login page: sign in with SSO there, which sends you to Okta and back (its Okta dashboard tile is hidden by showInDashboard: false: there is nothing to click in Okta).`,
    );
    expect(r.runbookMd).not.toContain('sign in to the app through Okta');
  });

  test('an SP that takes IdP-initiated sign-in: through Okta', () => {
    const r = synthConfig(oneEnvConfig({ aiven: AIVEN }, { aiven: {} }));
    expect(checkOf(r, 'aiven')).toBe('Save, then sign in to the app through Okta to check it.');
  });
});
