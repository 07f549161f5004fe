import { MINIMAL_INTEGRATIONS, runCliCaptured, writeConfigDir } from '../helpers';

// validate's OK line counted (environment, integration) pairs as integrations.
test('the OK line counts the integrations defined, then how many are enabled across environments', async () => {
  const unused = '  spare:\n    preset: generic\n    acsUrl: https://spare.example.com/acs\n    audience: https://spare.example.com/md\n    groups: [Everyone]\n';
  const envs = ['dev', 'prod', 'staging'].map((e) => `  ${e}:\n    okta: { orgName: acme-${e} }\n    integrations:\n      wiki: { groups: [Everyone] }\n`).join('');
  const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS + unused, 'env.yaml': `environments:\n${envs}` });
  const { code, out } = await runCliCaptured(['validate', '--config', dir]);
  expect(code).toBe(0);
  expect(out).toBe(`${dir}: OK (3 environment(s): dev, prod, staging; 2 integration(s), 3 enabled across environments)\n`);
});
