import { runCliCaptured, writeConfigDir } from '../helpers';

// With IdP login off, SSO-011 wants no relay state and SSO-006 wanted one of Aiven's: no config could pass both unsuppressed.
const config = (aiven: string, relayState: string) =>
  writeConfigDir({
    'i.yaml': `integrations:\n  aiven:\n    preset: aiven\n    groups: [Eng]\n${relayState}`,
    'env.yaml': `environments:\n  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      aiven:\n        aiven: { accountId: a1, methodId: m1${aiven} }\n`,
  });

describe('SSO-006 (Aiven relay states) does not apply where IdP login is off', () => {
  test('IdP login off and no relay state: valid, no SSO-006', async () => {
    const { code, out, err } = await runCliCaptured(['validate', '--config', config(', idpLoginAllowed: false', '    relayState: ""\n')]);
    expect(err).not.toContain('SSO-006');
    expect(code).toBe(0);
    expect(out).not.toContain('SSO-006');
  });

  test('IdP login on (the default) and no relay state: SSO-006 still applies', async () => {
    const { code, err } = await runCliCaptured(['validate', '--config', config('', '    relayState: ""\n')]);
    expect(code).toBe(1);
    expect(err).toContain('SSO-006 (error) aiven: relay state is not set');
  });
});
