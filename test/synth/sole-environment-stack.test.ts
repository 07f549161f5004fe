import { App } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { OktaEnvironmentStack } from '../../stacks/okta-environment-stack';
import { SoleEnvironmentStack } from '../../synth/sole-environment-stack';
import { EXAMPLE_DIR, listFiles, tempDir } from '../helpers';

const environment = loadConfig(EXAMPLE_DIR).environments[0];

/** The files one app with one stack of `Stack`'s kind writes, by name. */
function synthesized(Stack: typeof OktaEnvironmentStack): Record<string, string> {
  const outdir = tempDir();
  const app = new App({ outdir, skipValidation: true });
  new Stack(app, environment.name, { environment, configDirFromStackDir: '../../config' });
  app.synth();
  return Object.fromEntries(listFiles(outdir).map((f) => [f, fs.readFileSync(path.join(outdir, f), 'utf8')]));
}

test('its files, cdk.tf.json streamed, are byte for byte what cdktf writes for the same stack', () => {
  const ours = synthesized(SoleEnvironmentStack);
  expect(Object.keys(ours)).toContain(`stacks/${environment.name}/cdk.tf.json`);
  expect(ours).toEqual(synthesized(OktaEnvironmentStack));
});

test('with HCL output (SYNTH_HCL_OUTPUT), cdktf writes the HCL and no JSON configuration is added', () => {
  const before = process.env.SYNTH_HCL_OUTPUT;
  process.env.SYNTH_HCL_OUTPUT = 'true';
  try {
    const ours = synthesized(SoleEnvironmentStack);
    expect(Object.keys(ours)).toContain(`stacks/${environment.name}/cdk.tf`);
    expect(Object.keys(ours)).not.toContain(`stacks/${environment.name}/cdk.tf.json`);
    expect(ours).toEqual(synthesized(OktaEnvironmentStack));
  } finally {
    if (before === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = before;
  }
});

test('outside synthesis its configuration is the whole one', () => {
  const app = new App({ outdir: tempDir(), skipValidation: true });
  const stack = new SoleEnvironmentStack(app, environment.name, { environment, configDirFromStackDir: '../../config' });
  expect(Object.keys(stack.toTerraform().resource ?? {})).toContain('okta_app_saml');
});
