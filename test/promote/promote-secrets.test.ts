import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE_DIR, runCliCaptured, tempDir } from '../helpers';

const STRIPE = 'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc';

/** A copy of the example whose dev environment has `was` (a line of Aiven's) replaced with `now`. */
function devWith(was: string, now: string): { dir: string; devFile: string } {
  const dir = path.join(tempDir('okta-sso-promote-'), 'acme');
  fs.cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const devFile = path.join(dir, 'environments', 'dev.yaml');
  fs.writeFileSync(devFile, fs.readFileSync(devFile, 'utf8').replace(was, now));
  return { dir, devFile };
}

const GROUPS = 'groups: [Engineering-Dev]\n';

describe('promote never copies a secret out of the source environment', () => {
  test.each([
    ['a token inside a relay state URL', GROUPS, `${GROUPS}        relayState: "https://console.aiven.io/?t=${STRIPE}"\n`, '13:9', 'relayState'],
    ['a token inside a label', GROUPS, `${GROUPS}        label: "Aiven ${STRIPE}"\n`, '13:9', 'label'],
    ['a secret given as a store path', 'token: env:AIVEN_SCIM_TOKEN', `token: "secret:${STRIPE}"`, '14:11', 'provisioning.token'],
  ])('%s: exit 1, located, the value never shown, nothing written', async (_name, was, now, at, field) => {
    const { dir, devFile } = devWith(was, now);
    const staging = fs.readFileSync(path.join(dir, 'environments', 'staging.yaml'), 'utf8');
    for (const write of [[], ['--write']]) {
      const r = await runCliCaptured(['promote', '--config', dir, '--from', 'dev', '--to', 'staging', ...write]);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain('fix them before promoting from dev');
      expect(r.err).toMatch(new RegExp(`${devFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${at}: environments\\.dev\\.integrations\\.aiven\\.${field.replace('.', '\\.')}: looks like `));
      expect(r.err).not.toContain(STRIPE);
    }
    expect(fs.readFileSync(path.join(dir, 'environments', 'staging.yaml'), 'utf8')).toBe(staging);
  });
});
