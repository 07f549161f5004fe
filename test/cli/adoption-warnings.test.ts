import * as path from 'path';
import { MINIMAL_ENV, MINIMAL_INTEGRATIONS, runCliCaptured, tempDir, writeConfigDir } from '../helpers';

// A live app kept on SHA-1 signing by `okta-sso adopt`: the suppression it wrote is a warning on every run (issue 11 review).
const REASON = 'adopted: kept the live app\'s value on adoption (signature algorithm \\"RSA_SHA1\\"); fix in a follow-up change: sign with RSA_SHA256';
const CONFIG = {
  'i.yaml': MINIMAL_INTEGRATIONS,
  'env.yaml': MINIMAL_ENV.replace('wiki: {}', `wiki:\n        signing: { algorithm: RSA_SHA1, digest: SHA1 }\n        suppressions: [{ rule: SSO-002, reason: "${REASON}" }]`),
};
const WARNING =
  '  warning: env.yaml:7:24: environments.dev.integrations.wiki.suppressions.0: SSO-002 suppressed: kept the live app\'s value on adoption (signature algorithm "RSA_SHA1"); fix in a follow-up change: sign with RSA_SHA256';

describe('a rule suppressed on adoption is an ordinary warning, at the suppression, counted, once', () => {
  test('validate', async () => {
    const dir = writeConfigDir(CONFIG);
    const { code, out } = await runCliCaptured(['validate', '--config', dir]);
    expect(code).toBe(0);
    const text = out.split(`${dir}/`).join('');
    expect(text).toContain(`\n1 warning (warnings alone do not fail validate)\n${WARNING}\n`);
    expect(text.split('SSO-002 suppressed').length - 1).toBe(1);
    // Suppressed already: the hint on how to suppress a policy warning is not for it.
    expect(text).not.toContain('to accept a policy warning');
  });

  test('okta-sso synth prints it the same way', async () => {
    const dir = writeConfigDir(CONFIG);
    const { code, err } = await runCliCaptured(['synth', '--config', dir, '--out', path.join(tempDir(), 'out')]);
    expect(code).toBe(0);
    const text = err.split(`${dir}/`).join('');
    expect(text).toContain(`1 warning (written anyway; warnings do not fail synth)\n${WARNING}\n`);
    expect(text.split('SSO-002 suppressed').length - 1).toBe(1);
  });

  test('written in the shared entry of two environments: one warning, at that line', async () => {
    const shared = CONFIG['i.yaml'] + `    signing: { algorithm: RSA_SHA1, digest: SHA1 }\n    suppressions:\n      - rule: SSO-002\n        reason: "${REASON}"\n`;
    const envs = `${MINIMAL_ENV}  prod:\n    okta: { orgName: acme }\n    integrations: { wiki: {} }\n`;
    const dir = writeConfigDir({ 'i.yaml': shared, 'env.yaml': envs });
    const { code, out } = await runCliCaptured(['validate', '--config', dir]);
    expect(code).toBe(0);
    const lines = out.split(`${dir}/`).join('').split('\n').filter((l) => l.includes('suppressed'));
    expect(lines).toEqual([expect.stringMatching(/^ {2}warning: i\.yaml:9:9: integrations\.wiki\.suppressions\.0: SSO-002 suppressed: kept the live app's value/)]);
  });

  test('a suppression with a reason of its own is not warned about', async () => {
    const dir = writeConfigDir({ ...CONFIG, 'env.yaml': CONFIG['env.yaml'].replace(REASON, 'the SP verifies SHA-1 only, vendor ticket 123') });
    const { code, out } = await runCliCaptured(['validate', '--config', dir]);
    expect(code).toBe(0);
    expect(out).not.toContain('warning');
  });
});
