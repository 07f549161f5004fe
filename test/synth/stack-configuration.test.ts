import { App, Fn, Lazy, LocalBackend, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { generateOrg, writeOrg } from '../../bench/generate';
import { loadConfig } from '../../config/load-config';
import { AivenSso } from '../../index';
import { OrgModel } from '../../model/types';
import { OktaEnvironmentStack } from '../../stacks/okta-environment-stack';
import { stackConfiguration } from '../../synth/stack-configuration';
import { EXAMPLE_DIR, tempDir } from '../helpers';

/** As written to cdk.tf.json: keys with undefined values are not there. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

function stacksOf(model: OrgModel): OktaEnvironmentStack[] {
  const app = new App({ outdir: tempDir(), skipValidation: true });
  return model.environments.map((environment) => new OktaEnvironmentStack(app, environment.name, { environment, configDirFromStackDir: '../../config' }));
}

function generated(integrations: number, changed: boolean): OrgModel {
  const dir = tempDir();
  writeOrg(generateOrg({ integrations, changed }), dir);
  return loadConfig(dir);
}

const orgs: Array<[string, () => OrgModel]> = [
  ['the example organisation', () => loadConfig(EXAMPLE_DIR)],
  ['a generated organisation of 60 integrations', () => generated(60, false)],
  ['its changed copy (renames: moved blocks)', () => generated(60, true)],
];

test.each(orgs)('%s: every stack\'s configuration is what cdktf\'s toTerraform gives', (_name, model) => {
  const stacks = stacksOf(model());
  expect(stacks.length).toBeGreaterThan(0);
  for (const stack of stacks) {
    const ours = stackConfiguration(stack);
    expect(ours).toBeDefined();
    expect(asJson(ours)).toEqual(asJson(stack.toTerraform()));
  }
});

test('a stack of constructs that adopt live apps (import blocks, a Terraform version override): what cdktf\'s toTerraform gives', () => {
  const app = new App({ outdir: tempDir(), skipValidation: true });
  const stack = new TerraformStack(app, 'prod');
  new LocalBackend(stack, { path: '../../../state/prod.tfstate' });
  new OktaProvider(stack, 'okta', { orgName: 'acme', baseUrl: 'okta.com' });
  const aiven = { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93' };
  new AivenSso(stack, 'aiven', { ...aiven, groups: ['Engineering'], adopt: { oktaAppId: '0oaFdrCWerdFtJ8ib1d7' } });
  new AivenSso(stack, 'aiven_two', { ...aiven, groups: ['Support'], adopt: { oktaAppId: '0oaFdrCWerdFtJ8ib1d8' } });
  const ours = asJson(stackConfiguration(stack));
  expect(ours.import.length).toBe(4);
  expect(ours).toEqual(asJson(stack.toTerraform()));
});

test('values that hold tokens, anywhere in plain data, resolve as cdktf resolves them; plain data is copied as it copies it', () => {
  const app = new App({ outdir: tempDir(), skipValidation: true });
  const stack = new TerraformStack(app, 'prod');
  const name = new TerraformVariable(stack, 'name', { type: 'string' });
  const count = new TerraformVariable(stack, 'count', { type: 'number' });
  const groups = new TerraformVariable(stack, 'groups', { type: 'list(string)' });
  new TerraformLocal(stack, 'mixed', {
    plain: { text: 'https://a.example.com/acs', okta: '$${user.email}', exponent: 'v1e5-build', unicode: 'é😀', flag: true, none: null, gone: undefined },
    list: ['a', undefined, 'b', [], {}],
    referenced: { deep: { name: name.stringValue, joined: Fn.join(',', ['x', name.stringValue]), text: `app-${name.stringValue}` } },
    numbers: { plain: 42, token: count.numberValue, inText: `n=${Token.asString(count.numberValue)}` },
    lists: { token: groups.listValue, inside: [Fn.element(groups.listValue, 0), 'z'] },
    lazy: Lazy.anyValue({ produce: () => ({ made: 'later', list: [1, undefined, 2] }) }),
    when: new Date(Date.UTC(2026, 11, 2)),
  });
  new TerraformOutput(stack, 'out', { value: name.stringValue });
  expect(asJson(stackConfiguration(stack))).toEqual(asJson(stack.toTerraform()));
});

test('lists that several elements extend are appended in element order, as cdktf concatenates them', () => {
  const [stack] = stacksOf(generated(60, true));
  const ours = asJson(stackConfiguration(stack));
  const moved = ours.moved as unknown[];
  expect(moved.length).toBeGreaterThan(1);
  expect(ours['//'].metadata.overrides.okta_app_saml.length).toBeGreaterThan(1);
  expect(ours).toEqual(asJson(stack.toTerraform()));
});

test('a stack override that is a token, or an undefined that deletes, is left to cdktf: no configuration is given', () => {
  const [withToken, withDeletion] = stacksOf(loadConfig(EXAMPLE_DIR));
  withToken.addOverride('locals.joined', Fn.join(',', ['a', 'b']));
  withDeletion.addOverride('terraform.required_version', undefined);
  expect(stackConfiguration(withToken)).toBeUndefined();
  expect(stackConfiguration(withDeletion)).toBeUndefined();
});

test('elements of a stack nested in the stack are not its own', () => {
  const [stack] = stacksOf(loadConfig(EXAMPLE_DIR));
  const nested = new TerraformStack(stack, 'nested');
  new OktaEnvironmentStack(nested, 'inner', { environment: loadConfig(EXAMPLE_DIR).environments[0], configDirFromStackDir: '../../config' });
  expect(asJson(stackConfiguration(stack))).toEqual(asJson(stack.toTerraform()));
});
