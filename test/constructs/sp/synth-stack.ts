import { App, LocalBackend, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../../helpers';

/** What a user's `app.synth()` leaves in `<outdir>/stacks/<stack>/`, or why it failed. */
export interface SynthedStack {
  /** cdk.tf.json, parsed; undefined when synth failed. */
  readonly json: any;
  /** runbook.json, parsed; undefined when synth failed. */
  readonly runbook: any;
  /** runbook.md; empty when synth failed. */
  readonly runbookMd: string;
  /** The warnings cdktf recorded, as `[<construct path>] <message>`. */
  readonly warnings: readonly string[];
  /** The synth error's message (the validation errors, each with its construct path). */
  readonly error?: string;
}

/**
 * Synthesizes a fresh App with one TerraformStack as a user's app does, with a
 * plain `app.synth()` into a temp outdir. The relative local backend keeps
 * cdk.tf.json free of this machine's paths.
 */
export function synthStack(build: (stack: TerraformStack) => unknown, stackId = 'prod'): SynthedStack {
  const outdir = tempDir('okta-sso-sp-');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, stackId);
  new LocalBackend(stack, { path: `../../../state/${stackId}.tfstate` });
  build(stack);
  try {
    app.synth();
  } catch (err) {
    return { json: undefined, runbook: undefined, runbookMd: '', warnings: [], error: (err as Error).message };
  }
  const dir = path.join(outdir, 'stacks', stackId);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const warnings = (manifest.stacks[stackId].annotations ?? [])
    .filter((a: { level: string }) => a.level === '@cdktf/warn')
    .map((a: { constructPath: string; message: string }) => `[${a.constructPath}] ${a.message}`);
  return { json: JSON.parse(read('cdk.tf.json')), runbook: JSON.parse(read('runbook.json')), runbookMd: read('runbook.md'), warnings };
}

/** Synthesizes and returns the error message; fails the test when synth succeeds. */
export function synthError(build: (stack: TerraformStack) => unknown, stackId = 'prod'): string {
  const result = synthStack(build, stackId);
  if (result.error === undefined) throw new Error('expected app.synth() to fail, but it succeeded');
  return result.error;
}

/** The validation line of a synth error that holds `text`, trimmed. */
export function errorLine(error: string, text: string): string | undefined {
  return error
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.includes(text));
}

/**
 * Asserts that `value` is Terraform's PEM form of the certificate at `address`:
 * an expression Terraform evaluates on every apply, so the copy follows Okta's
 * certificate, with the BEGIN/END lines an SP asking for PEM needs.
 */
export function expectPemExpressionOn(value: unknown, address: string): void {
  expect(value).toMatch(/^\$\{join\("\\n", concat\(\["-----BEGIN CERTIFICATE-----"\], /);
  expect(value).toContain(`compact([${address}])`);
  expect(value).toMatch(/\["-----END CERTIFICATE-----"\]\)\)\}$/);
}

/** Asserts that `value` is Terraform's one-line base64 form of the certificate at `address`, without BEGIN/END lines. */
export function expectBase64ExpressionOn(value: unknown, address: string): void {
  expect(value).toMatch(/^\$\{replace\(join\("", compact\(\[/);
  expect(value).toContain(`compact([${address}])`);
  expect(value).not.toContain('concat(');
}

/**
 * The defaults every SP's Okta app gets, whatever the SP: Email usernames and
 * an emailAddress NameID (escaped for Terraform), SHA-256 signing of response
 * and assertion with the authentication context Okta requires, prevent_destroy.
 * `app` synthesizes the SP with its required props only and returns its okta_app_saml.
 */
export function samlAppDefaultsTests(app: () => any): void {
  test('Email usernames and an emailAddress NameID, as Okta expressions escaped for Terraform', () => {
    // Unescaped, Terraform would read ${source.email} as its own interpolation and fail the plan.
    expect(app()).toMatchObject({
      user_name_template: '$${source.email}',
      user_name_template_type: 'BUILT_IN',
      subject_name_id_format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      subject_name_id_template: '$${user.userName}',
    });
  });

  test('SHA-256 signature and digest, signed response and assertion, and the authentication context Okta requires', () => {
    expect(app()).toMatchObject({
      signature_algorithm: 'RSA_SHA256',
      digest_algorithm: 'SHA256',
      response_signed: true,
      assertion_signed: true,
      authn_context_class_ref: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    });
  });

  test('the app has lifecycle.prevent_destroy', () => {
    expect(app().lifecycle).toEqual({ prevent_destroy: true });
  });
}
