import { AivenSso, GenericSamlSso, SnowflakeSso } from '../../index';
import { errorLine, synthError, synthStack } from './sp/synth-stack';

const AIVEN = { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93' } as const;
const APP_ID = '0oaFdrCWerdFtJ8ib1d7';
const WIKI = { acsUrl: 'https://wiki.acme.example/saml/acs', audience: 'https://wiki.acme.example/saml/metadata' } as const;
/** An HR app provisioned over SCIM, for the attribute sync tests. */
const HR = { acsUrl: 'https://hr.acme.example/saml/acs', audience: 'https://hr.acme.example/saml/metadata', groups: ['HR'], provisioning: { method: 'scim', connected: true } } as const;

describe('adopt: a construct that adopts the live app writes import blocks instead of creating it', () => {
  test('the app and its group assignments are imported by the app ID, and the stack requires Terraform >= 1.5', () => {
    const { json, error } = synthStack((stack) => new AivenSso(stack, 'aiven', { ...AIVEN, groups: ['Engineering'], adopt: { oktaAppId: APP_ID } }));
    expect(error).toBeUndefined();
    expect(json.import).toEqual([
      { to: 'okta_app_group_assignments.aiven', id: APP_ID },
      { to: 'okta_app_saml.aiven', id: APP_ID },
    ]);
    expect(json.terraform.required_version).toBe('>= 1.5.0');
  });

  test('a stack that adopts nothing has no import blocks and no Terraform version requirement (its output is as before)', () => {
    const { json } = synthStack((stack) => new AivenSso(stack, 'aiven', { ...AIVEN, groups: ['Engineering'] }));
    expect(json.import).toBeUndefined();
    expect(json.terraform.required_version).toBeUndefined();
    expect(json.resource.okta_app_saml.aiven.honor_force_authn).toBeUndefined();
  });

  test('push groups are imported as app_id/mapping_id and point at the existing SP group by ID, never by name', () => {
    const { json, error } = synthStack(
      (stack) =>
        new AivenSso(stack, 'aiven', {
          ...AIVEN,
          groups: [{ name: 'Engineering', priority: 0 }],
          provisioning: { connected: true, pushGroups: [{ group: 'Engineering', targetGroupId: '00gGFKRPWtvuRhgru1d7' }] },
          adopt: { oktaAppId: APP_ID, pushGroupMappingIds: { Engineering: 'gPmmGyAFEnLLRA0pO1d7' } },
        }),
    );
    // An adopted app that is already connected needs no token location: its token is already in Okta.
    expect(error).toBeUndefined();
    expect(json.import).toContainEqual({ to: 'okta_push_group.aiven_group_engineering', id: `${APP_ID}/gPmmGyAFEnLLRA0pO1d7` });
    const push = json.resource.okta_push_group.aiven_group_engineering;
    expect(push.target_group_id).toBe('00gGFKRPWtvuRhgru1d7');
    expect(push.target_group_name).toBeUndefined();
    // Live priorities are kept as they are (Okta numbers from 0).
    expect(json.resource.okta_app_group_assignments.aiven.group[0].priority).toBe(0);
  });

  test.each([
    ['the default target, the group name', { group: 'Engineering' }],
    ['a target name', { group: 'Engineering', target: 'eng' }],
  ])('an adopted push group named by %s is an error: importing it would replace the live mapping', (_what, mapping) => {
    const error = synthError(
      (stack) =>
        new AivenSso(stack, 'aiven', {
          ...AIVEN,
          groups: ['Engineering'],
          provisioning: { connected: true, pushGroups: [mapping] },
          adopt: { oktaAppId: APP_ID, pushGroupMappingIds: { Engineering: 'gPmmGyAFEnLLRA0pO1d7' } },
        }),
    );
    expect(error).toContain(
      '[prod/aiven] adopt.pushGroupMappingIds.Engineering: push group "Engineering" is adopted, but provisioning.pushGroups.0 names its SP group by name, not targetGroupId: the provider never reads a target name back, so the first plan would replace the live mapping',
    );
  });

  test('a created group that already exists is imported by its group ID', () => {
    const { json } = synthStack(
      (stack) =>
        new GenericSamlSso(stack, 'wiki', { ...WIKI, groups: [{ name: 'Wiki-Users', create: true }], adopt: { oktaAppId: APP_ID, groupIds: { 'Wiki-Users': '00goJ6BWEnOEJptNY1d7' } } }),
    );
    expect(json.import).toContainEqual({ to: 'okta_group.group_wiki_users', id: '00goJ6BWEnOEJptNY1d7' });
  });

  test('two integrations that adopt one created group as two different groups both fail, each naming the other', () => {
    const error = synthError((stack) => {
      new GenericSamlSso(stack, 'wiki', { ...WIKI, groups: [{ name: 'Staff', create: true }], adopt: { oktaAppId: APP_ID, groupIds: { Staff: '00g11111111111111111' } } });
      new GenericSamlSso(stack, 'intranet', {
        acsUrl: 'https://intranet.acme.example/acs',
        audience: 'https://intranet.acme.example',
        groups: [{ name: 'Staff', create: true }],
        adopt: { oktaAppId: '0oa22222222222222222', groupIds: { Staff: '00g22222222222222222' } },
      });
    });
    expect(errorLine(error, '[prod/wiki] adopt:')).toContain('okta_group.group_staff is adopted as "00g11111111111111111" here and as "00g22222222222222222" by intranet');
    expect(errorLine(error, '[prod/intranet] adopt:')).toContain('okta_group.group_staff is adopted as "00g22222222222222222" here and as "00g11111111111111111" by wiki');
  });

  test('a malformed app ID is refused with the prop, the value and the accepted form', () => {
    const error = synthError((stack) => new AivenSso(stack, 'aiven', { ...AIVEN, adopt: { oktaAppId: 'Aiven' } }));
    expect(errorLine(error, '[prod/aiven] adopt.oktaAppId:')).toContain('"Aiven" is not an Okta app ID; accepted: 0oa followed by 17 letters or digits (20 characters)');
  });

  test('IDs of objects the integration does not declare are refused, not silently ignored', () => {
    const error = synthError(
      (stack) => new AivenSso(stack, 'aiven', { ...AIVEN, groups: ['Engineering'], adopt: { oktaAppId: APP_ID, pushGroupMappingIds: { SRE: 'gPm1' }, groupIds: { Engineering: '00gB2wH41HlFCAbyE1d7' } } }),
    );
    expect(errorLine(error, 'adopt.pushGroupMappingIds.SRE:')).toContain('"SRE" is not one of provisioning.pushGroups (none)');
    expect(errorLine(error, 'adopt.groupIds.Engineering:')).toContain('a group looked up by name needs no ID');
  });

  test('a push group with both a target name and a target group ID is refused, showing both', () => {
    const error = synthError(
      (stack) =>
        new AivenSso(stack, 'aiven', { ...AIVEN, groups: ['Engineering'], provisioning: { connected: true, pushGroups: [{ group: 'Engineering', target: 'eng', targetGroupId: '00g1' }] }, adopt: { oktaAppId: APP_ID } }),
    );
    expect(errorLine(error, 'provisioning.pushGroups.0.target:')).toContain('target "eng" and targetGroupId "00g1" both name the SP group; accepted: one of them');
  });

  test("Snowflake: the existing security integration is imported by its name, which must be the one the integration declares", () => {
    const ok = synthStack((stack) => new SnowflakeSso(stack, 'snowflake', { account: 'acme-analytics', adopt: { oktaAppId: APP_ID, snowflake: { samlIntegration: 'OKTA_SNOWFLAKE' } } }));
    expect(ok.error).toBeUndefined();
    expect(ok.json.import).toContainEqual({ to: 'snowflake_saml2_integration.snowflake', id: 'OKTA_SNOWFLAKE' });
    const error = synthError((stack) => new SnowflakeSso(stack, 'snowflake', { account: 'acme-analytics', adopt: { oktaAppId: APP_ID, snowflake: { samlIntegration: 'OKTA_SSO' } } }));
    expect(errorLine(error, 'adopt.snowflake.samlIntegration:')).toContain('the live object "OKTA_SSO" is not the one this integration declares ("OKTA_SNOWFLAKE")');
  });

  test('honorForceAuthn is written when on', () => {
    const { json } = synthStack((stack) => new AivenSso(stack, 'aiven', { ...AIVEN, honorForceAuthn: true }));
    expect(json.resource.okta_app_saml.aiven.honor_force_authn).toBe(true);
  });
});

test('two integrations of a stack that adopt one live app both fail: one live object, one resource', () => {
  const error = synthError((stack) => {
    new GenericSamlSso(stack, 'wiki', { ...WIKI, adopt: { oktaAppId: APP_ID } });
    new GenericSamlSso(stack, 'wiki_old', { ...WIKI, adopt: { oktaAppId: APP_ID } });
  });
  expect(errorLine(error, '[prod/wiki] adopt:')).toContain(`"${APP_ID}" is adopted here and by wiki_old (okta_app_saml.wiki_old); accepted: one resource per live object`);
  expect(errorLine(error, '[prod/wiki_old] adopt:')).toContain(`"${APP_ID}" is adopted here and by wiki (okta_app_saml.wiki)`);
});

test('attribute sync: the profile mapping is imported by its ID and each existing custom attribute as app_id/attribute', () => {
  const { json, error } = synthStack(
    (stack) =>
      new GenericSamlSso(stack, 'hr', {
        ...HR,
        attributeSync: [{ attribute: 'title', from: 'user.title' }, { attribute: 'costCenter', from: 'user.costCenter', custom: { title: 'Cost center' } }],
        adopt: { oktaAppId: APP_ID, profileMappingId: 'prm1a2b3c4d5e6f7g8h9', userSchemaProperties: ['costCenter'] },
      }),
  );
  expect(error).toBeUndefined();
  const imports = json.import.map((i: { to: string; id: string }) => `${i.to} <- ${i.id}`);
  expect(imports).toContain('okta_profile_mapping.hr <- prm1a2b3c4d5e6f7g8h9');
  expect(imports.filter((i: string) => i.startsWith('okta_app_user_schema_property.'))).toEqual([`okta_app_user_schema_property.hr_costcenter <- ${APP_ID}/costCenter`]);
});

describe('one live app adopted by two stacks of the app', () => {
  const twoStacks = (stagingOrg: string) => {
    const { App, LocalBackend, TerraformStack } = require('cdktf') as typeof import('cdktf');
    const { OktaProvider } = require('@cdktf/provider-okta/lib/provider') as typeof import('@cdktf/provider-okta/lib/provider');
    const app = new App({ outdir: require('../helpers').tempDir('okta-sso-two-') });
    for (const [env, org] of [['prod', 'acme'], ['staging', stagingOrg]]) {
      const stack = new TerraformStack(app, env);
      new LocalBackend(stack, { path: `../../../state/${env}.tfstate` });
      new OktaProvider(stack, 'okta', { orgName: org, baseUrl: 'okta.com' });
      new GenericSamlSso(stack, 'wiki', { ...WIKI, groups: ['Everyone'], adopt: { oktaAppId: APP_ID } });
    }
    return app;
  };

  test('on the same Okta org: an error at the second, naming the first, as validate says for config', () => {
    expect(() => twoStacks('acme').synth()).toThrow(
      `[staging/wiki] adopt.oktaAppId: app ${APP_ID} is also adopted by prod/wiki on the same Okta org (acme.okta.com): two owners would fight over one live app`,
    );
  });

  test('one org written in another case is the same org (host names are case-insensitive)', () => {
    expect(() => twoStacks('Acme').synth()).toThrow(`[staging/wiki] adopt.oktaAppId: app ${APP_ID} is also adopted by prod/wiki on the same Okta org (Acme.okta.com)`);
  });

  test('on two orgs: each its own app, no problem', () => {
    expect(() => twoStacks('acme-staging').synth()).not.toThrow();
  });
});

describe('one group created by two stacks of the app on one Okta org', () => {
  const twoStacks = (stagingOrg: string, stagingCreates = true) => {
    const { App, LocalBackend, TerraformStack } = require('cdktf') as typeof import('cdktf');
    const { OktaProvider } = require('@cdktf/provider-okta/lib/provider') as typeof import('@cdktf/provider-okta/lib/provider');
    const app = new App({ outdir: require('../helpers').tempDir('okta-sso-two-') });
    for (const [env, org] of [['prod', 'acme'], ['staging', stagingOrg]]) {
      const stack = new TerraformStack(app, env);
      new LocalBackend(stack, { path: `../../../state/${env}.tfstate` });
      new OktaProvider(stack, 'okta', { orgName: org, baseUrl: 'okta.com' });
      new GenericSamlSso(stack, 'wiki', { ...WIKI, groups: ['Everyone', { name: 'App-Wiki-Users', create: env === 'prod' || stagingCreates }] });
    }
    return app;
  };

  test('an error at the second stack, naming the first, as validate says for config', () => {
    expect(() => twoStacks('acme').synth()).toThrow(
      '[staging/wiki] groups.1: Okta group "App-Wiki-Users" is also created by stack prod on the same Okta org (acme.okta.com): group names are unique in an org',
    );
  });

  test('one org written in another case is the same org (host names are case-insensitive)', () => {
    expect(() => twoStacks('Acme').synth()).toThrow('[staging/wiki] groups.1: Okta group "App-Wiki-Users" is also created by stack prod on the same Okta org (Acme.okta.com)');
  });

  test('on two orgs, or assigned without being created by the second: no problem', () => {
    expect(() => twoStacks('acme-staging').synth()).not.toThrow();
    expect(() => twoStacks('acme', false).synth()).not.toThrow();
  });
});

test("attribute sync on an adopted app without the live profile mapping's ID: an error, as the first plan would create it over the live one", () => {
  const error = synthError(
    (stack) =>
      new GenericSamlSso(stack, 'hr', {
        ...HR,
        attributeSync: [{ attribute: 'title', from: 'user.title' }],
        adopt: { oktaAppId: APP_ID },
      }),
  );
  expect(errorLine(error, 'adopt.profileMappingId')).toContain("the live app's profile mapping already exists (Okta keeps one from its users to each app's users)");
});
