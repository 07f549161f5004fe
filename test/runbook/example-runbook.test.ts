import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { environmentRunbook } from '../../runbook/steps';
import { synthConfig } from '../support/provisioning-config';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'acme');
const read = (outdir: string, env: string, file: string) => fs.readFileSync(path.join(outdir, 'stacks', env, file), 'utf8');

describe('runbook for the example organisation', () => {
  test('is byte-for-byte stable across runs and output dirs', () => {
    const a = synthConfig(EXAMPLE).outdir;
    const b = synthConfig(EXAMPLE).outdir;
    for (const env of ['dev', 'staging', 'prod']) {
      for (const file of ['runbook.md', 'runbook.json']) expect(read(b, env, file)).toBe(read(a, env, file));
      expect(read(a, env, 'runbook.json')).not.toMatch(/\/tmp|\d{4}-\d{2}-\d{2}T/);
    }
  });

  test('follows the runbook.json contract, with unique ids and the same steps in the Markdown', () => {
    for (const env of ['dev', 'staging', 'prod']) {
      const r = synthConfig(EXAMPLE, env);
      expect(r.runbook.environment).toBe(env);
      const ids = r.runbook.steps.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of r.runbook.steps) {
        expect(Object.keys(s).filter((k) => k !== 'terraformOutput' && k !== 'checkOnly')).toEqual(['id', 'integration', 'title', 'why', 'actions', 'values']);
        const optional = Object.keys(s).slice(6);
        expect(optional).toEqual(['terraformOutput', 'checkOnly'].filter((k) => optional.includes(k)));
        expect(s.id.startsWith(`${s.integration}.`)).toBe(true);
        expect(s.why.length).toBeGreaterThan(0);
        expect(s.actions.length).toBeGreaterThan(0);
        expect(r.runbookMd).toContain(`Step \`${s.id}\``);
        expect(r.runbookMd).toContain(s.title);
        if (s.terraformOutput) expect(r.stack.output[s.terraformOutput]).toBeDefined();
      }
    }
  });

  test('marks only the steps that check what Terraform applied as checkOnly, in JSON and Markdown', () => {
    const dev = synthConfig(EXAMPLE, 'dev');
    const checkOnly = dev.runbook.steps.filter((s) => (s as { checkOnly?: unknown }).checkOnly !== undefined);
    expect(checkOnly.map((s) => s.id)).toEqual(['aiven.open-app', 'atlan.open-app', 'hr_portal.open-app', 'snowflake.open-app']);
    for (const s of checkOnly) {
      expect((s as { checkOnly?: unknown }).checkOnly).toBe(true);
      expect(dev.runbookMd).toContain(`${s.title} (check only)`);
    }
    // A step an admin acts on carries no flag and no marker.
    const token = dev.runbook.steps.find((s) => s.id === 'aiven.scim-token')!;
    expect(Object.keys(token)).not.toContain('checkOnly');
    expect(dev.runbookMd).not.toContain(`${token.title} (check only)`);
  });

  test('prod: groups are pushed by Terraform; dev: the runbook says when to turn them on', () => {
    const prod = synthConfig(EXAMPLE, 'prod');
    expect(Object.keys(prod.stack.resource.okta_push_group).sort()).toEqual(['aiven_group_engineering', 'aiven_group_sre', 'atlan_group_data_engineering', 'hr_portal_group_hr', 'omni_group_analytics']);
    expect(prod.runbook.steps.map((s) => s.id)).not.toContain('aiven.push-groups');
    const dev = synthConfig(EXAMPLE, 'dev');
    expect(dev.stack.resource.okta_push_group).toBeUndefined();
    expect(dev.runbook.steps.find((s) => s.id === 'aiven.push-groups')!.values).toEqual({ 'Push group Engineering-Dev': 'Aiven group engineering (kept in the SP when the mapping is removed)' });
  });

  test('changes only when the config does', () => {
    const model = loadConfig(EXAMPLE);
    const dev = model.environments.find((e) => e.name === 'dev')!;
    const before = JSON.stringify(environmentRunbook(dev));
    const changed = { ...dev, integrations: dev.integrations.map((i) => (i.key === 'aiven' ? { ...i, provisioning: { ...i.provisioning!, features: { ...i.provisioning!.features, syncPassword: true } } } : i)) };
    const after = environmentRunbook(changed);
    expect(JSON.stringify(after)).not.toBe(before);
    expect(after.steps.find((s) => s.id === 'aiven.to-app-features')!.values['Sync Password']).toBe('Enable');
    expect(JSON.stringify(environmentRunbook(dev))).toBe(before);
  });
});

describe("runbook: the SP's side of the IdP record", () => {
  test('one idp-record step per integration whose record Terraform does not apply, including SSO-only ones', () => {
    const dev = synthConfig(EXAMPLE, 'dev');
    const idpSteps = dev.runbook.steps.filter((s) => s.id.endsWith('.idp-record'));
    expect(idpSteps.map((s) => s.id)).toEqual(['aiven.idp-record', 'atlan.idp-record', 'hr_portal.idp-record', 'omni.idp-record', 'wiki.idp-record']);
    // Snowflake's record is snowflake_saml2_integration, applied by Terraform.
    expect(dev.runbook.steps.some((s) => s.integration === 'snowflake' && s.id.endsWith('.idp-record'))).toBe(false);
    // wiki declares no provisioning: this is its only step.
    expect(dev.runbook.steps.filter((s) => s.integration === 'wiki').map((s) => s.id)).toEqual(['wiki.idp-record']);
  });

  test("names the SP's form, its labels in its order and the output field that feeds each, with the command", () => {
    const dev = synthConfig(EXAMPLE, 'dev');
    const omni = dev.runbook.steps.find((s) => s.id === 'omni.idp-record')!;
    expect(omni.title).toBe('Enter Okta as the identity provider in Omni');
    expect(omni.terraformOutput).toBe('idp_record_omni');
    expect(dev.stack.output.idp_record_omni).toBeDefined();
    expect(omni.actions.join('\n')).toContain('okta-sso idp-record --env dev --integration omni');
    expect(omni.actions.join('\n')).toContain('Omni: Settings > Authentication > SAML');
    expect(Object.keys(omni.values)).toEqual(['Sign on URL', 'Issuer', 'Signing certificate']);
    expect(omni.values['Signing certificate']).toMatch(/^output idp_record_omni, field signingCertificate: .*PEM/);
    // No value is guessed: every Okta value names its output field.
    const aiven = dev.runbook.steps.find((s) => s.id === 'aiven.idp-record')!;
    expect(aiven.values).toEqual({
      'IDP URL': expect.stringMatching(/^output idp_record_aiven, field idpUrl: /),
      'Entity ID': expect.stringMatching(/^output idp_record_aiven, field entityId: /),
      Certificate: expect.stringMatching(/^output idp_record_aiven, field certificate: /),
      'IdP login allowed': 'on',
    });
    expect(aiven.why).toMatch(/deprecated/);
    const wiki = dev.runbook.steps.find((s) => s.id === 'wiki.idp-record')!;
    expect(wiki.title).toBe('Enter Okta as the identity provider in Acme Wiki');
    expect(Object.keys(wiki.values)).toEqual(['IdP SSO URL', 'IdP entity ID', 'IdP certificate']);
    expect(wiki.actions.join('\n')).toContain('Wiki: Administration > Authentication > SAML identity provider');
    // The step comes first for its integration: the SP must trust Okta before anyone signs in.
    const aivenIds = dev.runbook.steps.filter((s) => s.integration === 'aiven').map((s) => s.id);
    expect(aivenIds[0]).toBe('aiven.idp-record');
    expect(dev.runbookMd).toContain('Enter Okta as the identity provider in Atlan');
  });
});
