import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { certificateAsBase64, certificateAsPem } from '../../cli/idp-record-render';
import { certificateBase64, certificatePem } from '../../constructs/idp-record/certificate-format';
import { fixture } from '../fixture-files';
import { describeWithTerraform } from '../support/terraform-plan';

const CERT = JSON.parse(fixture('idp-record/dev-terraform-output.json')).idp_record_snowflake.value.fields[2].value as string;

/** The Terraform expressions as synthesized, for a certificate reference. */
function expressions(): { pem: string; base64: string } {
  const stack = new TerraformStack(Testing.app(), 's');
  const app = new AppSaml(stack, 'app', { label: 'x' });
  const address = `${app.terraformResourceType}.${app.friendlyUniqueId}.certificate`;
  new TerraformOutput(stack, 'pem', { value: certificatePem(address) });
  new TerraformOutput(stack, 'base64', { value: certificateBase64(address) });
  const out = JSON.parse(Testing.synth(stack)).output;
  return { pem: out.pem.value, base64: out.base64.value };
}

/** Evaluates a synthesized `${...}` expression with Terraform itself (terraform console: no providers, no init, no network). */
function evaluate(expression: string, certificate: string): string {
  const inner = expression.replace(/^\$\{/, '').replace(/\}$/, '').replace(/okta_app_saml\.app\.certificate/g, JSON.stringify(certificate));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-tf-'));
  const r = spawnSync('terraform', ['console'], { cwd: dir, input: `jsonencode(${inner})\n`, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(JSON.parse(r.stdout.trim()));
}

describe('certificate formats in Terraform', () => {
  test('are Terraform functions on the app reference, not copied values', () => {
    const { pem, base64 } = expressions();
    expect(base64).toBe('${replace(join("", compact([okta_app_saml.app.certificate])), "/-----BEGIN CERTIFICATE-----|-----END CERTIFICATE-----|[[:space:]]/", "")}');
    expect(pem).toContain('regexall(".{1,64}", replace(join("", compact([okta_app_saml.app.certificate])),');
    // HCL string escapes accept \n but not \s: the expression must not contain a backslash other than \n.
    expect(pem.replace(/\\n/g, '')).not.toContain('\\');
  });
});

// terraform console needs no provider: these run wherever terraform does (and fail in CI without it).
describeWithTerraform(
  'certificate formats evaluated by Terraform',
  () => {
    test.each([
      ['bare base64, as Okta metadata carries it', CERT],
      ['PEM with CRLF line ends', `${certificateAsPem(CERT).replace(/\n/g, '\r\n')}\r\n`],
    ])('Terraform turns %s into the same PEM and base64 as the CLI', (_what, input) => {
      const { pem, base64 } = expressions();
      expect(evaluate(base64, input)).toBe(certificateAsBase64(input));
      expect(evaluate(base64, input)).toBe(CERT);
      expect(evaluate(pem, input)).toBe(certificateAsPem(CERT));
    });

    test('an INACTIVE app has no certificate (null): the expressions give empty values instead of failing the apply', () => {
      const { pem, base64 } = expressions();
      const asNull = (e: string) => e.replace(/okta_app_saml\.app\.certificate/g, 'null');
      expect(evaluate(asNull(base64), '')).toBe('');
      expect(evaluate(asNull(pem), '')).toBe('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----');
    });
  },
  { planTool: false },
);
