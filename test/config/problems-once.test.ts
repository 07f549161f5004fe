import { runCliCaptured, writeConfigDir } from '../helpers';

/** validate's problem lines, the temp dir stripped, and its exit code. */
async function validate(files: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  const dir = writeConfigDir(files);
  const { code, err } = await runCliCaptured(['validate', '--config', dir]);
  return { code, lines: err.split(dir + '/').join('').split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim()) };
}

/** The shared wiki entry: `lines` (each indented four spaces) after its preset, then its groups. */
const WIKI = (...lines: string[]) => `integrations:\n  wiki:\n    preset: generic\n${lines.map((l) => `    ${l}\n`).join('')}    groups: [Everyone]\n`;
const ACS = 'acsUrl: https://wiki.example.com/saml/acs';
const AUDIENCE = 'audience: https://wiki.example.com/saml/metadata';

const THREE_ENVS = (wiki: string) => `environments:
  dev:
    okta: { orgName: acme-dev }
    integrations:
      wiki: ${wiki}
  staging:
    okta: { orgName: acme-staging }
    integrations:
      wiki: {}
  prod:
    okta: { orgName: acme }
    integrations:
      wiki: {}
`;

describe('every independent problem at once (issue 11, item 5)', () => {
  test('a missing aiven.methodId hides none of the integration\'s other problems', async () => {
    const { code, lines } = await validate({
      'i.yaml': `integrations:
  aiven:
    preset: aiven
    signing: { algorithm: RSA_SHA1, digest: SHA1 }
    provisioning:
      method: scim
      pushGroups: [{ group: Unassigned, target: engineering }]
`,
      'env.yaml': `environments:
  dev:
    okta: { orgName: acme-dev }
    integrations:
      aiven:
        aiven: { accountId: a1b2c3 }
        groups: [Engineering]
        provisioning: { token: env:AIVEN_SCIM_TOKEN }
`,
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      'env.yaml:6:9: environments.dev.integrations.aiven.aiven.methodId: missing required value: the Aiven authentication method ID (from the Aiven Console: Admin > Identity providers > your IdP)',
      expect.stringMatching(/^i\.yaml:4:16: integrations\.aiven\.signing\.algorithm: in environment "dev": SSO-002 \(error\) aiven: signature algorithm "RSA_SHA1" and digest "SHA1", not SHA-256/),
      expect.stringMatching(/^i\.yaml:7:22: integrations\.aiven\.provisioning\.pushGroups\.0\.group: push group "Unassigned" is not assigned to the app/),
    ]);
  });

  test('one acsURL typo in the shared entry is one problem, not also a missing acsUrl per environment', async () => {
    const { lines } = await validate({
      'i.yaml': WIKI('acsURL: https://wiki.example.com/saml/acs', AUDIENCE),
      'env.yaml': THREE_ENVS('{}'),
    });
    expect(lines).toEqual([expect.stringMatching(/^i\.yaml:4:5: integrations\.wiki\.acsURL: unknown field "acsURL" \(did you mean "acsUrl"\?\); accepted: /)]);
  });

  test('a value missing in every environment is one problem at the integration, naming them', async () => {
    const shared = WIKI(AUDIENCE);
    expect((await validate({ 'i.yaml': shared, 'env.yaml': THREE_ENVS('{}') })).lines).toEqual([
      'i.yaml:2:3: integrations.wiki.acsUrl: in environments "dev", "prod", "staging": missing required field acsUrl (the ACS URL as a generic SAML 2.0 SP shows it)',
    ]);
    // Given by one environment, it is missing in each of the others, where it goes.
    const { lines } = await validate({ 'i.yaml': shared, 'env.yaml': THREE_ENVS('{ acsUrl: https://wiki.example.com/saml/acs }') });
    expect(lines).toEqual([
      'env.yaml:9:7: environments.staging.integrations.wiki.acsUrl: missing required field acsUrl (the ACS URL as a generic SAML 2.0 SP shows it)',
      'env.yaml:13:7: environments.prod.integrations.wiki.acsUrl: missing required field acsUrl (the ACS URL as a generic SAML 2.0 SP shows it)',
    ]);
  });

  test('a shared value wrong in some environments only is one problem naming them', async () => {
    const { lines } = await validate({
      'i.yaml': WIKI(ACS, AUDIENCE, 'relayState: http://wiki.example.com/'),
      'env.yaml': THREE_ENVS('{ relayState: https://wiki.example.com/ }'),
    });
    expect(lines).toEqual(['i.yaml:6:5: integrations.wiki.relayState: in environments "prod", "staging": relay state "http://wiki.example.com/" uses http, not https; accepted: an absolute https:// URL [SSO-001]']);
  });

  test('a policy error at a shared line is one problem naming every environment', async () => {
    const { lines } = await validate({
      'i.yaml': WIKI(ACS, AUDIENCE, 'signing: { algorithm: RSA_SHA1 }'),
      'env.yaml': THREE_ENVS('{}'),
    });
    expect(lines).toEqual([expect.stringMatching(/^i\.yaml:6:16: integrations\.wiki\.signing\.algorithm: in environments "dev", "prod", "staging": SSO-002 \(error\) wiki: /)]);
  });

  test('a misspelt key of the aiven block is one problem', async () => {
    const { lines } = await validate({
      'i.yaml': `integrations:
  aiven:
    preset: aiven
    provisioning: { method: scim }
`,
      'env.yaml': `environments:
  dev:
    okta: { orgName: acme-dev }
    integrations:
      aiven:
        aiven: { accountId: a1b2c3, methodID: am1b2c3 }
        groups: [Engineering]
        provisioning: { token: env:AIVEN_SCIM_TOKEN }
`,
    });
    expect(lines).toEqual(['env.yaml:6:37: environments.dev.integrations.aiven.aiven.methodID: unknown field "methodID" (did you mean "methodId"?); accepted: accountId, idpLoginAllowed, methodId']);
  });

  test('a misspelt required key (okta.org) is one problem, saying the key it stands for is required', async () => {
    const { lines } = await validate({
      'i.yaml': WIKI(ACS, AUDIENCE),
      'env.yaml': 'environments:\n  dev:\n    okta: { org: acme-dev }\n    integrations:\n      wiki: {}\n',
    });
    expect(lines).toEqual(['env.yaml:3:13: environments.dev.okta.org: unknown field "org" (did you mean "orgName"? "orgName" is required and missing); accepted: baseUrl, maxApiCapacity, orgName, providerVersion']);
  });
});
