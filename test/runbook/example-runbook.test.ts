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
        expect(Object.keys(s).filter((k) => k !== 'terraformOutput')).toEqual(['id', 'integration', 'title', 'why', 'actions', 'values']);
        expect(s.id.startsWith(`${s.integration}.`)).toBe(true);
        expect(s.why.length).toBeGreaterThan(0);
        expect(s.actions.length).toBeGreaterThan(0);
        expect(r.runbookMd).toContain(`Step \`${s.id}\``);
        expect(r.runbookMd).toContain(s.title);
        if (s.terraformOutput) expect(r.stack.output[s.terraformOutput]).toBeDefined();
      }
    }
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
