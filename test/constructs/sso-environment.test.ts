import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { App, LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import * as fs from 'fs';
import * as path from 'path';
import { AivenSso, GenericSamlSso, OmniSso, SecretRef, SsoEnvironment } from '../../index';
import { DEFAULT_OKTA_PROVIDER_CONSTRAINT } from '../../model/provider-versions';
import { listFiles, synthErrorOf, tempDir } from '../helpers';

const WIKI = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com/saml', groups: ['Everyone'] };
const AIVEN = { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93', groups: ['Engineering'] };

/** A user's app with one stack, synthesized as a user does (plain app.synth()). */
function synth(build: (stack: TerraformStack) => void, { backend = true, id = 'prod' } = {}) {
  const outdir = tempDir('okta-sso-env-');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, id);
  if (backend) new LocalBackend(stack, { path: `../../../state/${id}.tfstate` });
  build(stack);
  const error = synthErrorOf(app);
  const dir = path.join(outdir, 'stacks', id);
  const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), 'utf8') : undefined);
  const manifest = fs.existsSync(path.join(outdir, 'manifest.json')) ? JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) : undefined;
  return {
    error,
    json: read('cdk.tf.json') && JSON.parse(read('cdk.tf.json')!),
    runbook: read('runbook.json') && JSON.parse(read('runbook.json')!),
    runbookMd: read('runbook.md'),
    warnings: ((manifest?.stacks?.[id]?.annotations ?? []) as Array<{ level: string; message: string }>).filter((a) => a.level === '@cdktf/warn').map((a) => a.message),
  };
}

describe('the okta/okta provider in any stack', () => {
  test("with the user's own OktaProvider: its org, and the version the constructs need instead of the bindings' 4.20.0", () => {
    const { json } = synth((stack) => {
      new OktaProvider(stack, 'okta', { orgName: 'acme', baseUrl: 'okta.com' });
      new GenericSamlSso(stack, 'wiki', WIKI);
    });
    expect(json.provider.okta).toEqual([{ org_name: 'acme', base_url: 'okta.com' }]);
    expect(json.terraform.required_providers.okta).toEqual({ source: 'okta/okta', version: DEFAULT_OKTA_PROVIDER_CONSTRAINT });
  });

  test('without one: an okta provider without arguments is added (the org comes from OKTA_ORG_NAME / OKTA_BASE_URL)', () => {
    const { json, error } = synth((stack) => new GenericSamlSso(stack, 'wiki', WIKI));
    expect(error).toBeUndefined();
    expect(json.provider.okta).toEqual([{}]);
    expect(json.terraform.required_providers.okta).toEqual({ source: 'okta/okta', version: DEFAULT_OKTA_PROVIDER_CONSTRAINT });
  });

  test('an OktaProvider declared deeper in the tree, or after the constructs, is the one used', () => {
    const { json } = synth((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      new OktaProvider(new Construct(stack, 'org'), 'okta', { orgName: 'acme' });
    });
    expect(json.provider.okta).toEqual([{ org_name: 'acme' }]);
  });

  test('SsoEnvironment.configure sets the version constraint and the environment name the outputs and runbook record', () => {
    const { json, runbook } = synth((stack) => {
      SsoEnvironment.configure(stack, { name: 'production', providerVersion: '~> 6.12' });
      new GenericSamlSso(stack, 'wiki', WIKI);
    });
    expect(json.terraform.required_providers.okta.version).toBe('~> 6.12');
    expect(json.output.idp_record_wiki.value.environment).toBe('production');
    expect(json.output.idp_record_wiki.description).toMatch(/render it with: okta-sso idp-record --env production --integration wiki$/);
    expect(runbook.environment).toBe('production');
  });

  test('a constraint too old for a resource in use fails synth, naming the resource and the minimum', () => {
    const { error } = synth((stack) => {
      SsoEnvironment.configure(stack, { providerVersion: '>= 6.0.0' });
      new AivenSso(stack, 'aiven', { ...AIVEN, provisioning: { token: SecretRef.fromEnv('AIVEN_SCIM_TOKEN'), connected: true, pushGroups: [{ group: 'Engineering' }] } });
    });
    expect(error).toContain('[prod/okta-sso] providerVersion: provider version constraint ">= 6.0.0" allows okta/okta 6.0.0, but okta_push_group (used by aiven) needs >= 6.6.0');
  });

  test('a constraint of its own that admits okta/okta 6.14.0 synthesizes, with a warning on the environment that says why', () => {
    const { json, warnings } = synth((stack) => {
      SsoEnvironment.configure(stack, { providerVersion: '~> 6.6' });
      new GenericSamlSso(stack, 'wiki', WIKI);
    });
    expect(json.terraform.required_providers.okta.version).toBe('~> 6.6');
    expect(warnings).toEqual([expect.stringMatching(/^providerVersion: provider version constraint "~> 6\.6" admits okta\/okta 6\.14\.0, which the provider's own README says "DO NOT UPGRADE to v6\.14\.0"/)]);
  });

  test('the default constraint gets no such warning', () => {
    const { warnings } = synth((stack) => new GenericSamlSso(stack, 'wiki', WIKI));
    expect(warnings).toEqual([]);
  });

  test('naming the environment after the first SSO construct is refused: its IdP record already holds the name', () => {
    const app = new App({ outdir: tempDir() });
    const stack = new TerraformStack(app, 'prod');
    new GenericSamlSso(stack, 'wiki', WIKI);
    expect(() => SsoEnvironment.configure(stack, { name: 'production' })).toThrow(
      'prod: SsoEnvironment.configure names the environment "production" after prod/wiki was declared as "prod"; call configure before the first SSO construct of the stack',
    );
  });
});

describe('the runbook', () => {
  test('runbook.md and runbook.json are written beside cdk.tf.json by a plain app.synth(), integrations in key order', () => {
    const { runbook, runbookMd } = synth((stack) => {
      new OmniSso(stack, 'omni', { acsUrl: 'https://acme.omniapp.co/acs', audience: 'acme.omniapp.co', groups: ['Analytics'] });
      new AivenSso(stack, 'aiven', AIVEN);
    });
    expect(runbook.environment).toBe('prod');
    expect([...new Set(runbook.steps.map((s: { integration: string }) => s.integration))]).toEqual(['aiven', 'omni']);
    expect(runbookMd).toMatch(/^# Okta admin runbook: prod\n/);
    expect(runbookMd).toContain('Step `aiven.idp-record`');
  });

  test('a stack without SSO constructs gets no runbook', () => {
    const { runbook, json } = synth((stack) => new OktaProvider(stack, 'okta', { orgName: 'acme' }));
    expect(json).toBeDefined();
    expect(runbook).toBeUndefined();
  });

  test('a failing synth writes no runbook for the failing stack', () => {
    const { error, runbook } = synth((stack) => new AivenSso(stack, 'aiven', { ...AIVEN, accountId: 'not/an/id' }));
    expect(error).toContain('[prod/aiven] accountId: Aiven account ID "not/an/id" is not an Aiven ID');
    expect(runbook).toBeUndefined();
  });
});

describe('checks across the integrations of a stack', () => {
  test('two integrations with one key are refused, each naming the other', () => {
    const { error } = synth((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      new GenericSamlSso(new Construct(stack, 'team'), 'wiki', WIKI);
    });
    expect(error).toContain('[prod/wiki] key: integration key "wiki" is also used by prod/team/wiki: both would be okta_app_saml.wiki');
    expect(error).toContain('[prod/team/wiki] key: integration key "wiki" is also used by prod/wiki');
  });

  test('renaming to a key that another integration of the stack still has is refused', () => {
    const { error } = synth((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      new GenericSamlSso(stack, 'kb', { ...WIKI, renamedFrom: 'wiki' });
    });
    expect(error).toContain('[prod/kb] renamedFrom: renamedFrom "wiki" is still an integration in this environment');
  });

  test('two integrations that disagree about a group are refused at the later one, with both values', () => {
    const { error } = synth((stack) => {
      new GenericSamlSso(stack, 'wiki', { ...WIKI, groups: [{ name: 'Data', create: true, description: 'one' }] });
      new GenericSamlSso(stack, 'kb', { ...WIKI, groups: ['Everyone', { name: 'Data', create: true, description: 'two' }] });
    });
    expect(error).toContain('[prod/kb] groups.1: Okta group "Data" is created with description "two" here but "one" in wiki.groups.0; use one description');
  });
});

describe('the stack around the constructs', () => {
  test('outside a TerraformStack, the error names the construct path', () => {
    const app = new App({ outdir: tempDir() });
    expect(() => new GenericSamlSso(new Construct(app, 'loose'), 'wiki', WIKI)).toThrow(
      "loose/wiki: cdktf-okta-sso constructs must be inside a TerraformStack; create them in your stack's constructor",
    );
  });

  test('a stack without a backend gets a warning: cdktf would write an absolute state path into cdk.tf.json', () => {
    const { warnings, error } = synth((stack) => new GenericSamlSso(stack, 'wiki', WIKI), { backend: false });
    expect(error).toBeUndefined();
    expect(warnings.find((w) => w.includes('has no backend'))).toMatch(/^stack prod has no backend, so cdktf writes the absolute local state path "\/.*terraform\.prod\.tfstate" into cdk\.tf\.json/);
    expect(synth((stack) => new GenericSamlSso(stack, 'wiki', WIKI)).warnings.filter((w) => w.includes('has no backend'))).toEqual([]);
  });

  test('the id "okta-sso" at the top of a stack is reserved', () => {
    const app = new App({ outdir: tempDir() });
    const stack = new TerraformStack(app, 'prod');
    new Construct(stack, 'okta-sso');
    expect(() => new GenericSamlSso(stack, 'wiki', WIKI)).toThrow('prod/okta-sso is not a SsoEnvironment: the id "okta-sso" at the top of a stack is reserved for cdktf-okta-sso; rename that construct');
  });
});

test('a relative local state path that lands inside the synth output gets a warning: deleting cdktf.out would lose the state', () => {
  const outdir = tempDir('okta-sso-env-');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'prod');
  new LocalBackend(stack, { path: 'state/prod.tfstate' });
  new GenericSamlSso(stack, 'wiki', WIKI);
  app.synth();
  const warnings = stack.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data as string);
  expect(warnings).toEqual([expect.stringMatching(/^stack prod keeps its local state at "state\/prod\.tfstate", which Terraform resolves inside the synth output .*deleting cdktf\.out loses the state; use new LocalBackend\(this, \{ path: '\.\.\/\.\.\/\.\.\/state\/prod\.tfstate' \}\)/)]);
});

test("every stack's errors come together from one app.synth(), and no stack is written", () => {
  const outdir = tempDir('okta-sso-env-');
  const app = new App({ outdir });
  for (const id of ['dev', 'prod']) {
    const stack = new TerraformStack(app, id);
    new LocalBackend(stack, { path: `../../../state/${id}.tfstate` });
    new AivenSso(stack, 'aiven', { ...AIVEN, username: { format: 'login' } });
  }
  expect(() => app.synth()).toThrow(/\[dev\/aiven\] username\.format: .*\[SSO-004\][\s\S]*\[dev\/okta-sso\] also in stack prod: \[prod\/aiven\] username\.format: .*\[SSO-004\]/);
  expect(fs.existsSync(path.join(outdir, 'stacks', 'dev', 'cdk.tf.json'))).toBe(false);
  expect(fs.existsSync(path.join(outdir, 'stacks', 'prod', 'cdk.tf.json'))).toBe(false);
});

describe('two stacks of one app that keep one state', () => {
  const twoStacks = (backend: (stack: TerraformStack, id: string) => void, nested = false) => {
    const outdir = tempDir('okta-sso-state-');
    const app = new App({ outdir });
    // Some apps group their stacks under a plain construct: cdktf synthesizes them all the same.
    const parent = nested ? new Construct(app, 'envs') : app;
    for (const id of ['dev', 'staging']) {
      const stack = new TerraformStack(parent, id);
      backend(stack, id);
      new GenericSamlSso(stack, 'wiki', WIKI);
    }
    try {
      app.synth();
      return undefined;
    } catch (err) {
      // cdktf makes the empty stacks directory before validating; no stack is written.
      expect(listFiles(outdir)).toEqual([]);
      return (err as Error).message;
    }
  };

  test.each([
    ['one local file, written two ways', (stack: TerraformStack) => new LocalBackend(stack, { path: stack.node.id === 'dev' ? '../../../state/dev.tfstate' : '../../../state/./dev.tfstate' }), 'backend: local state "../../../state/dev.tfstate" is also the state of stack staging'],
    ['one s3 bucket and key, in two regions', (stack: TerraformStack) => new S3Backend(stack, { bucket: 'acme-state', key: 'okta.tfstate', region: stack.node.id === 'dev' ? 'eu-west-1' : 'us-east-1' }), 'backend: s3 bucket "acme-state" key "okta.tfstate" is also the state of stack staging'],
  ])('%s: reported by each stack, naming the other, and nothing written', (_name, backend, message) => {
    expect(twoStacks(backend)).toContain(`[dev/okta-sso] ${message}: a plan of either would take the other's resources as its own`);
  });

  test('stacks under a construct: found all the same', () => {
    expect(twoStacks((stack) => new S3Backend(stack, { bucket: 'acme-state', key: 'okta.tfstate', region: 'eu-west-1' }), true)).toContain(
      '[envs/dev/okta-sso] backend: s3 bucket "acme-state" key "okta.tfstate" is also the state of stack staging',
    );
  });

  test('a state each synthesizes', () => {
    expect(twoStacks((stack, id) => new LocalBackend(stack, { path: `../../../state/${id}.tfstate` }))).toBeUndefined();
  });
});

test('SsoEnvironment.configure with a name config would refuse is a problem at synth, and the name is never written', () => {
  const { synthError: fail } = require('./sp/synth-stack') as typeof import('./sp/synth-stack');
  const error = fail((stack) => {
    SsoEnvironment.configure(stack, { name: 'prod env/../x' });
    new GenericSamlSso(stack, 'wiki', { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'urn:example:wiki', groups: ['Everyone'] });
  });
  expect(error).toContain('[prod/okta-sso] name: "prod env/../x" is not accepted as an environment name (SsoEnvironment.configure); accepted: lowercase letters, digits and -, starting with a letter, at most 32');
});
