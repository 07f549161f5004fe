import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Writes `files` (relative path -> content) into a fresh temp dir and returns it. */
export function writeConfigDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-config-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

export function tempDir(prefix = 'okta-sso-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

export const EXAMPLE_DIR = path.join(__dirname, '..', 'examples', 'acme');

/** A small valid config: one environment with one generic integration. */
export const MINIMAL_INTEGRATIONS = `integrations:
  wiki:
    preset: generic
    acsUrl: https://wiki.example.com/saml/acs
    audience: https://wiki.example.com/saml/metadata
    groups: [Everyone-Wiki]
`;
export const MINIMAL_ENV = `environments:
  dev:
    okta: { orgName: example-dev, baseUrl: oktapreview.com }
    integrations:
      wiki: {}
`;

/** A bare stack with the okta provider, for construct tests. */
export function oktaTestStack(): import('cdktf').TerraformStack {
  // Required lazily so helpers stay cheap for tests that never build constructs.
  const { Testing, TerraformStack } = require('cdktf') as typeof import('cdktf');
  const { OktaProvider } = require('@cdktf/provider-okta/lib/provider') as typeof import('@cdktf/provider-okta/lib/provider');
  const stack = new TerraformStack(Testing.app(), 'test');
  new OktaProvider(stack, 'okta', { orgName: 'example', baseUrl: 'okta.com' });
  return stack;
}

/** Runs the CLI in-process with `argv`, capturing what it writes and its exit code. */
export async function runCliCaptured(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const { runCli } = require('../cli/program') as typeof import('../cli/program');
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), exit: () => undefined });
  return { code, out, err };
}

/**
 * Resolves an integration written in config words (`preset`, `aiven: { accountId }`,
 * `token: env:NAME`) the way the config layer does: config -> props -> the SP's
 * validation. Problems are located at config fields, with their rule.
 */
export function resolveSettings(
  key: string,
  settings: import('../config/settings').IntegrationSettings,
  spMetadata?: import('../model/sp-metadata-document').SpMetadataDocument,
): { model?: import('../model/types').IntegrationModel; problems: Array<{ field: string; message: string; rule: string }> } {
  const { propsFromSettings, configFieldOf } = require('../config/to-props') as typeof import('../config/to-props');
  const { resolveIntegration } = require('../model/resolve-integration') as typeof import('../model/resolve-integration');
  const { preset, props } = propsFromSettings(settings, spMetadata);
  const r = resolveIntegration(preset, key, props);
  return { model: r.model, problems: r.problems.map((p) => ({ field: configFieldOf(preset, p.field), message: p.message, rule: p.rule })) };
}

/** An integration resolved from config settings, asserting that it has no problem. */
export function resolvedIntegration(key: string, settings: import('../config/settings').IntegrationSettings): import('../model/types').IntegrationModel {
  const r = resolveSettings(key, settings);
  expect(r.problems).toEqual([]);
  return r.model!;
}

/**
 * A dev OktaEnvironmentStack of `integrations`, synthesized with Testing.fullSynth
 * (validations run, and the "//" metadata that tools read is kept); its cdk.tf.json, parsed.
 */
export function synthDevEnvironment(integrations: Array<import('../model/types').IntegrationModel>): any {
  const { Testing } = require('cdktf') as typeof import('cdktf');
  const { OktaEnvironmentStack } = require('../stacks/okta-environment-stack') as typeof import('../stacks/okta-environment-stack');
  const environment = { name: 'dev', okta: { orgName: 'acme-dev', baseUrl: 'oktapreview.com' }, backend: { type: 'local' as const, path: 'state/dev.tfstate' }, integrations };
  const outdir = Testing.fullSynth(new OktaEnvironmentStack(Testing.app(), 'dev', { environment }));
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'dev', 'cdk.tf.json'), 'utf8'));
}

/** Synthesizes `app` as a user does (plain app.synth()); the error message, or undefined when it synthesized. */
export function synthErrorOf(app: { synth(): void }): string | undefined {
  try {
    app.synth();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
