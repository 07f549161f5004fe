import * as path from 'path';
import { generateOrg, writeOrg } from '../../bench/generate';
import { loadConfig } from '../../config/load-config';
import { OrgModel } from '../../model/types';
import { RULES } from '../../rules';
import { subjectsOf } from '../../rules/evaluate';
import { modelPolicyFindings } from '../../rules/model-policy';
import { modelSubjects } from '../../rules/model-subjects';
import { buildApp } from '../../synth/synth';
import { EXAMPLE_DIR, tempDir, writeConfigDir } from '../helpers';

/** Each environment's stack as synth resolves it (policy rules not applied: the comparison is about their input). */
function synthesized(model: OrgModel, configDir: string): Map<string, any> {
  const out = path.join(tempDir(), 'out');
  const app = buildApp(model, out, configDir);
  const stacks = new Map<string, any>();
  for (const env of model.environments) {
    const stack = app.node.findChild(env.name) as any;
    stack.prepareStack();
    // TerraformStack's own serialization, without the subclass's policy step.
    stacks.set(env.name, Object.getPrototypeOf(Object.getPrototypeOf(stack)).toTerraform.call(stack));
  }
  return stacks;
}

const withoutComments = (body: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== '//'));

function expectSameAsSynth(dir: string) {
  const model = loadConfig(dir);
  const stacks = synthesized(model, dir);
  for (const env of model.environments) {
    const fromModel = modelSubjects(env);
    const fromSynth = subjectsOf(stacks.get(env.name), new Map(env.integrations.map((i) => [i.key, i])));
    expect(fromModel.map((s) => s.key)).toEqual(fromSynth.map((s) => s.key));
    fromModel.forEach((m, i) => {
      const s = fromSynth[i];
      // The app's arguments are exactly the synthesized ones.
      expect(withoutComments(m.app.body)).toEqual(withoutComments(s.app.body));
      expect((m.app.body['//'] as any)['okta-sso']).toEqual((s.app.body['//'] as any)['okta-sso']);
      expect(m.groupsAssigned).toBe(s.groupsAssigned);
      for (const rule of RULES) expect([m.key, rule.id, rule.check(m)]).toEqual([s.key, rule.id, rule.check(s)]);
    });
  }
}

describe('policy rules on the model (validate) see what synth writes', () => {
  test('the example organisation', () => expectSameAsSynth(EXAMPLE_DIR));

  test('a generated organisation (the benchmark mix of presets, provisioning and renames)', () => {
    const dir = tempDir();
    writeOrg(generateOrg({ integrations: 40 }), dir);
    expectSameAsSynth(dir);
  });

  test('an app that breaks rules, with and without suppressions', () => {
    const dir = writeConfigDir({
      'i.yaml': `integrations:
  legacy:
    preset: generic
    acsUrl: https://legacy.example.com/saml/acs
    audience: https://legacy.example.com/saml/metadata
    signing: { algorithm: RSA_SHA1, digest: SHA1, assertionSigned: false }
    username: { format: custom, template: "\${user.login}" }
  ok:
    preset: generic
    acsUrl: https://ok.example.com/saml/acs
    audience: ok
    suppressions: [{ rule: SSO-002, reason: not needed }]
`,
      'e.yaml': `environments:
  dev:
    okta: { orgName: acme-dev }
    integrations: { legacy: {}, ok: { groups: [Everyone] } }
`,
    });
    expectSameAsSynth(dir);
    expect(modelPolicyFindings(loadConfig(dir)).errors.map((f) => `${f.stack} ${f.key} ${f.rule}`)).toEqual(['dev legacy SSO-002', 'dev legacy SSO-003']);
  });
});
