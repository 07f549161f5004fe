import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { AivenSso } from '../../index';
import { synthStack } from '../constructs/sp/synth-stack';
import { runCliCaptured, tempDir } from '../helpers';

// The README's example of adoption in a user's own cdktf app: it must compile, and declare what `okta-sso adopt` would.
const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SAVED_ORG = path.join(ROOT, 'examples', 'adopt', 'saved-org');
const AIVEN = '0oaFdrCWerdFtJ8ib1d7';

function example(): string {
  const marker = README.indexOf('<!-- adopt-example:');
  const block = marker < 0 ? null : /```ts\n([\s\S]*?)\n```/.exec(README.slice(marker));
  if (!block) throw new Error('README.md has no ```ts block after <!-- adopt-example: ... -->');
  return block[1];
}

/** The example in a stack's constructor, as a user's app has it; the library imported from its entry point. */
function userApp(code: string): string {
  return [
    "import { TerraformStack } from 'cdktf';",
    "import { Construct } from 'constructs';",
    "import { AivenSso } from '../../index';",
    'export class Adopted extends TerraformStack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    code,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Type errors of `source`, checked with the project's compiler options as a file beside this test (never written). */
function typeErrors(source: string): string[] {
  const file = path.join(__dirname, 'readme-adopt-example.virtual.ts');
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const options = { ...config.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** The Okta side of a synthesized stack: its import blocks and Okta resources; a suppression's reason is the user's own words. */
function oktaSide(json: any): unknown {
  const resources = Object.fromEntries(Object.entries<Record<string, unknown>>(json.resource).filter(([type]) => type.startsWith('okta_')));
  return JSON.parse(JSON.stringify({ import: [...json.import].sort((a, b) => (a.to < b.to ? -1 : 1)), resources }, (key, value) => (key === 'reason' ? 'a reason' : value)));
}

test("the README's adoption example in a user's app type-checks", () => {
  expect(typeErrors(userApp(example()))).toEqual([]);
}, 60_000);

test("it declares the live app as `okta-sso adopt` writes it: the same import blocks and Okta resources, provisioning's push groups included", async () => {
  const fromExample = synthStack((stack) => new Function('AivenSso', ts.transpileModule(example(), { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText).call(stack, AivenSso));
  expect(fromExample.error).toBeUndefined();

  const config = tempDir('okta-sso-readme-adopt-');
  fs.cpSync(path.join(ROOT, 'examples', 'adopt', 'config'), config, { recursive: true });
  const adopted = await runCliCaptured(['adopt', '--env', 'prod', '--config', config, '--from', SAVED_ORG, '--app', AIVEN, '--write']);
  expect(adopted.code).toBe(0);
  const out = tempDir('okta-sso-readme-adopt-out-');
  expect((await runCliCaptured(['synth', '--config', config, '--out', out])).code).toBe(0);
  const fromConfig = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'prod', 'cdk.tf.json'), 'utf8'));

  expect(oktaSide(fromExample.json)).toEqual(oktaSide(fromConfig));
  expect(fromExample.json.import.map((i: { to: string }) => i.to).sort()).toEqual([
    'okta_app_group_assignments.aiven',
    'okta_app_saml.aiven',
    'okta_push_group.aiven_group_engineering',
    'okta_push_group.aiven_group_sre',
  ]);
}, 60_000);
