import * as fs from 'fs';
import * as path from 'path';
import { GENERIC, listFiles, oneEnvConfig, synthConfig } from '../support/provisioning-config';

const CANARY = 'canary-5c1m-t0ken-4b8e2f9d0a7c1e3b';
const ENV_NAMES = ['AIVEN_SCIM_TOKEN', 'ATLAN_SCIM_TOKEN', 'HR_PORTAL_SCIM_HEADER', 'ORG2ORG_TOKEN', 'TF_VAR_scim_token_org2'];

describe('the SCIM token never appears under the output dir', () => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const n of ENV_NAMES) {
      saved[n] = process.env[n];
      process.env[n] = CANARY;
    }
  });
  afterAll(() => {
    for (const n of ENV_NAMES) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
  });

  function expectNoCanary(outdir: string) {
    const files = listFiles(outdir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(fs.readFileSync(path.join(outdir, f), 'utf8')).not.toContain(CANARY);
  }

  test('the example organisation (tokens referenced as env: and secret:)', () => {
    const r = synthConfig(path.join(__dirname, '..', '..', 'examples', 'acme'));
    expect(listFiles(r.outdir)).toEqual(expect.arrayContaining(['stacks/dev/runbook.json', 'stacks/dev/runbook.md', 'stacks/prod/cdk.tf.json']));
    expect(r.runbookMd).toContain('env:AIVEN_SCIM_TOKEN');
    expectNoCanary(r.outdir);
  });

  test('a Terraform-managed connection: only the variable reference is written', () => {
    const r = synthConfig(
      oneEnvConfig(
        { org2: { ...GENERIC, catalogApp: { key: 'okta_org2org' }, provisioning: { token: 'env:ORG2ORG_TOKEN', terraformManaged: true, scimBaseUrl: 'https://partner.okta.com' } } },
        { org2: {} },
      ),
    );
    expect(r.stack.resource.okta_app_connection.org2.profile.token).toBe('${var.scim_token_org2}');
    expectNoCanary(r.outdir);
  });
});
