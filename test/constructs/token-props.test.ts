import { App, LocalBackend, TerraformStack, TerraformVariable, Token } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { AivenConsole, AivenSso, GenericSamlSso } from '../../index';
import { tempDir } from '../helpers';

const WIKI = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com/saml', groups: ['Everyone'] };

/** A user's one-stack app, synthesized as a user does: the error, or the wiki app's arguments in cdk.tf.json. */
function synth(build: (stack: TerraformStack, variable: (name: string, type?: string) => TerraformVariable) => void): { error?: string; app?: Record<string, unknown> } {
  const outdir = tempDir('okta-sso-tokens-');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'prod');
  new LocalBackend(stack, { path: '../../../state/prod.tfstate' });
  build(stack, (name, type = 'string') => new TerraformVariable(stack, name, { type }));
  try {
    app.synth();
  } catch (err) {
    return { error: (err as Error).message };
  }
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'prod', 'cdk.tf.json'), 'utf8'));
  return { app: Object.values(json.resource.okta_app_saml)[0] as Record<string, unknown> };
}

describe('props given as Terraform tokens', () => {
  test('in an Okta expression: passed to Terraform as the reference, the text around it escaped', () => {
    const { error, app } = synth((stack, variable) => new GenericSamlSso(stack, 'wiki', { ...WIKI, nameId: { template: variable('name_id').stringValue }, username: { format: 'custom', template: `\${source.login}-${variable('suffix').stringValue}` } }));
    expect(error).toBeUndefined();
    expect(app!.subject_name_id_template).toBe('${var.name_id}');
    expect(app!.user_name_template).toBe('$${source.login}-${var.suffix}');
  });

  test.each([
    ['a group name', (v: (n: string) => TerraformVariable) => ({ groups: [v('grp').stringValue] }), 'groups.0: groups.0 is a Terraform token, known only at apply; accepted: text known at synth (a group name names the group\'s Terraform address and its lookup by exact name)'],
    ['the list of groups', (v: (n: string, t?: string) => TerraformVariable) => ({ groups: v('grps', 'list(string)').listValue }), 'groups: groups is a Terraform token (a list known only at apply); accepted: the list of group names, known at synth'],
    ['a boolean', (v: (n: string, t?: string) => TerraformVariable) => ({ showInDashboard: Token.asAny(v("show", "bool").booleanValue) as unknown as boolean }), 'showInDashboard: showInDashboard is a Terraform token, known only at apply; accepted: true or false, known at synth'],
  ])('in %s that synth must know: an error at the prop, never a run-dependent address or a constant', (_what, props, message) => {
    const { error } = synth((stack, variable) => new GenericSamlSso(stack, 'wiki', { ...WIKI, ...props(variable) }));
    expect(error).toContain(`[prod/wiki] ${message}`);
    expect(error).not.toContain('TfToken');
    // Said once: a list token is not also its one encoded item, a literal list holding a token not also "the list is a token".
    expect(error!.match(/\[prod\/wiki\]/g)).toHaveLength(1);
  });

  test.each([
    ['nameId.template', (v: string) => ({ nameId: { template: `\${user.login + "@${v}"}` } })],
    ['username.template', (v: string) => ({ username: { format: 'custom' as const, template: `\${user.${v}}` } })],
    ['label', (v: string) => ({ label: `Wiki %{if ${v}}x%{endif}` })],
  ])('a token inside an Okta expression (%s) is refused: cdktf would write it as the text var.x', (prop, props) => {
    const { error } = synth((stack, variable) => new GenericSamlSso(stack, 'wiki', { ...WIKI, ...props(variable('dom').stringValue) }));
    expect(error).toContain(`[prod/wiki] ${prop}: holds a Terraform token inside an Okta expression (\`\${...}\` or \`%{...}\`): cdktf would write the reference as text`);
  });

  test('a message quoting a value with a token in it names the token in words, not by its placeholder', () => {
    const { error } = synth((stack, variable) => new GenericSamlSso(stack, 'wiki', { ...WIKI, acsUrl: `http://${variable('host').stringValue}/acs` }));
    expect(error).toContain('"http://<a Terraform token>/acs"');
    expect(error).not.toContain('TfToken');
  });

  test('a relay state and an ACS URL holding a variable are known only at apply: the rules skip them (SSO-006, SSO-001), and they reach Terraform as references', () => {
    const aiven = synth((stack, variable) => new AivenSso(stack, 'aiven', { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93', groups: ['Everyone'], relayState: variable('console').stringValue as AivenConsole }));
    expect(aiven.error).toBeUndefined();
    expect(aiven.app!.default_relay_state).toBe('${var.console}');
    const wiki = synth((stack, variable) => new GenericSamlSso(stack, 'wiki', { ...WIKI, acsUrl: `https://${variable('host').stringValue}/acs` }));
    expect(wiki.error).toBeUndefined();
    expect(wiki.app!.sso_url).toBe('https://${var.host}/acs');
  });

  test('an http URL built around a variable is refused beside the construct\'s other problems, not only once they are fixed', () => {
    const { error } = synth((stack, variable) => new GenericSamlSso(stack, 'wiki', { ...WIKI, acsUrl: `http://${variable('host').stringValue}/acs`, username: { format: 'custom' } }));
    expect(error).toContain('[prod/wiki] acsUrl: ACS URL "http://<a Terraform token>/acs" uses http, not https');
    expect(error).toContain('[prod/wiki] username.template: username format "custom" needs username.template');
  });

  test('an http ACS URL beside a variable is still refused (SSO-001 judges what is known)', () => {
    const { error } = synth((stack, variable) => new GenericSamlSso(stack, 'wiki', { ...WIKI, acsUrl: `http://wiki.example.com/${variable('path').stringValue}` }));
    expect(error).toMatch(/\[prod\/wiki\] acsUrl: .*http/);
  });

  test('an Aiven account ID from a variable still builds the URLs from it', () => {
    const { error, app } = synth((stack, variable) => new AivenSso(stack, 'aiven', { accountId: variable('account').stringValue, methodId: 'am1', groups: ['Everyone'] }));
    expect(error).toBeUndefined();
    expect(app!.sso_url).toBe('https://api.aiven.io/v1/sso/saml/account/${var.account}/method/am1/acs');
  });
});
