import { resolveSettings } from '../helpers';
import { aivenUrls } from '../../model/presets/aiven';

describe('Aiven preset', () => {
  const ids = { aiven: { accountId: 'a1b2c3', methodId: 'am4d5e6' } };

  test('builds ACS URL and entity ID (metadata URL) from account and method IDs', () => {
    expect(aivenUrls('a1b2c3', 'am4d5e6')).toEqual({
      acsUrl: 'https://api.aiven.io/v1/sso/saml/account/a1b2c3/method/am4d5e6/acs',
      metadataUrl: 'https://api.aiven.io/v1/sso/saml/account/a1b2c3/method/am4d5e6/metadata',
    });
    const { model } = resolveSettings('aiven', { preset: 'aiven', ...ids });
    expect(model!.saml).toMatchObject({
      acsUrl: 'https://api.aiven.io/v1/sso/saml/account/a1b2c3/method/am4d5e6/acs',
      recipient: 'https://api.aiven.io/v1/sso/saml/account/a1b2c3/method/am4d5e6/acs',
      destination: 'https://api.aiven.io/v1/sso/saml/account/a1b2c3/method/am4d5e6/acs',
      audience: 'https://api.aiven.io/v1/sso/saml/account/a1b2c3/method/am4d5e6/metadata',
      relayState: 'https://console.aiven.io',
      username: { format: 'email' },
      showInDashboard: true,
      label: 'Aiven',
    });
  });

  test.each(['https://console.gcp.aiven.io/', 'https://console.aws.aiven.io/'])('accepts the marketplace console %s as relay state', (relayState) => {
    expect(resolveSettings('aiven', { preset: 'aiven', ...ids, relayState }).model!.saml.relayState).toBe(relayState);
  });

  test('requires account and method IDs, and rejects malformed ones', () => {
    expect(resolveSettings('aiven', { preset: 'aiven' }).problems.map((p) => p.field)).toEqual(['aiven.accountId', 'aiven.methodId']);
    expect(resolveSettings('aiven', { preset: 'aiven', aiven: { accountId: 'a1/../x', methodId: 'am1' } }).problems[0].message).toBe(
      'Aiven account ID "a1/../x" is not an Aiven ID; accepted: letters and digits, e.g. a1b2c3d4e5f6',
    );
  });

  test('config can still override what Aiven allows (label, groups)', () => {
    const { model } = resolveSettings('aiven', { preset: 'aiven', ...ids, label: 'Aiven (EU)', groups: ['SRE'] });
    expect(model!.saml.label).toBe('Aiven (EU)');
    expect(model!.groups).toEqual([{ name: 'SRE', create: false }]);
  });
});

describe('Omni preset', () => {
  const given = { preset: 'omni', acsUrl: 'https://acme.omniapp.co/acs', audience: 'acme.omniapp.co' };

  test('is SP-initiated only: tile hidden, no relay state; the bare-hostname entity ID is kept as is', () => {
    const { model } = resolveSettings('omni', given);
    expect(model!.saml).toMatchObject({ showInDashboard: false, relayState: undefined, audience: 'acme.omniapp.co', label: 'Omni' });
    expect(model!.saml.catalogApp).toBeUndefined();
  });

  test('does not guess its URLs', () => {
    expect(resolveSettings('omni', { preset: 'omni' }).problems.map((p) => p.field)).toEqual(['acsUrl', 'audience']);
  });
});

describe('Atlan preset', () => {
  const given = { preset: 'atlan', acsUrl: 'https://acme.atlan.com/sso/acs', audience: 'https://acme.atlan.com/sso' };

  test('sends firstName, lastName, email and a memberOf group statement with a regex filter', () => {
    const { model } = resolveSettings('atlan', given);
    expect(model!.saml.attributes.map((a) => [a.name, a.values])).toEqual([
      ['firstName', ['user.firstName']],
      ['lastName', ['user.lastName']],
      ['email', ['user.email']],
    ]);
    expect(model!.saml.groupAttribute).toEqual({ name: 'memberOf', filter: { type: 'regex', value: '.*' }, nameFormat: 'unspecified' });
  });

  test('the group filter can be narrowed, and an invalid regex is rejected', () => {
    expect(resolveSettings('atlan', { ...given, groupAttribute: { filter: { type: 'regex', value: '^Data-' } } }).model!.saml.groupAttribute!.filter.value).toBe('^Data-');
    expect(resolveSettings('atlan', { ...given, groupAttribute: { filter: { type: 'regex', value: '([' } } }).problems).toEqual([
      { field: 'groupAttribute.filter.value', message: 'group filter "([" is not a valid regular expression', rule: 'SSO-101' },
    ]);
  });
});

describe('common defaults and rules', () => {
  const wiki = { preset: 'generic', acsUrl: 'https://w.example.com/acs', audience: 'urn:example:wiki' };

  test('defaults: SHA-256, signed response and assertion, Email username, emailAddress NameID, active, visible', () => {
    const { model } = resolveSettings('wiki', wiki);
    expect(model!.saml).toMatchObject({
      label: 'wiki',
      signing: { algorithm: 'RSA_SHA256', digest: 'SHA256', responseSigned: true, assertionSigned: true },
      username: { format: 'email' },
      nameId: { format: 'emailAddress', template: '${user.userName}' },
      status: 'ACTIVE',
      showInDashboard: true,
      audience: 'urn:example:wiki',
    });
  });

  test('a catalog app is used only when its key is named', () => {
    expect(resolveSettings('wiki', wiki).model!.saml.catalogApp).toBeUndefined();
    expect(resolveSettings('wiki', { ...wiki, catalogApp: { key: 'example_wiki', settings: { subdomain: 'acme' } } }).model!.saml.catalogApp).toEqual({
      key: 'example_wiki',
      settings: { subdomain: 'acme' },
    });
  });

  test.each([[''], ['Org2Org'], ['okta org2org']])('catalogApp.key %j is a problem, not a custom app built in its place', (key) => {
    const resolved = resolveSettings('wiki', { ...wiki, catalogApp: { key } });
    expect(resolved.model).toBeUndefined();
    expect(resolved.problems).toEqual([
      expect.objectContaining({ field: 'catalogApp.key', message: expect.stringMatching(/^catalogApp\.key .* is not a catalog app name; accepted: Okta's preconfigured_app name/) }),
    ]);
  });

  test('catalogApp without a key is that one problem, at catalogApp (its parts may be written in several places)', () => {
    const resolved = resolveSettings('wiki', { ...wiki, catalogApp: {} as never });
    expect(resolved.model).toBeUndefined();
    expect(resolved.problems).toEqual([expect.objectContaining({ field: 'catalogApp', message: expect.stringMatching(/^catalogApp needs key; missing: key/) })]);
  });

  test('at least one of response and assertion must be signed', () => {
    expect(resolveSettings('wiki', { ...wiki, signing: { responseSigned: false, assertionSigned: false } }).problems.map((p) => p.field)).toEqual(['signing']);
  });

  test('custom username format needs a template', () => {
    expect(resolveSettings('wiki', { ...wiki, username: { format: 'custom' } }).problems.map((p) => p.field)).toEqual(['username.template']);
    expect(resolveSettings('wiki', { ...wiki, username: { format: 'custom', template: '${source.login}' } }).model!.saml.username).toEqual({
      format: 'custom',
      template: '${source.login}',
    });
  });

  test('a group assigned twice is rejected', () => {
    expect(resolveSettings('wiki', { ...wiki, groups: ['A', { name: 'A', create: true }] }).problems).toEqual([{ field: 'groups.1', message: 'group "A" is assigned twice', rule: 'SSO-103' }]);
  });
});

describe('an ACS URL or entity ID given to an SP that builds its own', () => {
  const aiven = { preset: 'aiven', aiven: { accountId: 'a1b2c3', methodId: 'am4d5e6' } };
  test('another one is an error naming both: it would win over the SP\'s own, and sign-in go elsewhere', () => {
    const r = resolveSettings('aiven', { ...aiven, acsUrl: 'https://tool.example.com/saml/acs' });
    expect(r.model).toBeUndefined();
    expect(r.problems).toEqual([
      expect.objectContaining({
        field: 'acsUrl',
        message: 'acsUrl "https://tool.example.com/saml/acs" is not the ACS URL AivenSso builds from accountId and methodId ("https://api.aiven.io/v1/sso/saml/account/a1b2c3/method/am4d5e6/acs"); accepted: no acsUrl (Aiven\'s follows from those props)',
      }),
    ]);
    const snowflake = resolveSettings('sf', { preset: 'snowflake', snowflake: { account: 'acme-analytics' }, audience: 'https://other.example.com' });
    expect(snowflake.problems).toEqual([expect.objectContaining({ field: 'audience', message: expect.stringMatching(/^audience "https:\/\/other\.example\.com" is not the entity ID SnowflakeSso builds from account/) })]);
  });

  test('the same one is only redundant', () => {
    expect(resolveSettings('aiven', { ...aiven, acsUrl: 'https://api.aiven.io/v1/sso/saml/account/a1b2c3/method/am4d5e6/acs' }).problems).toEqual([]);
  });
});
