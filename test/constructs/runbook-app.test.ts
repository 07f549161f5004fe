import { App, LocalBackend, TerraformStack } from 'cdktf';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import * as fs from 'fs';
import * as path from 'path';
import { GenericSamlSso, SecretRef } from '../../index';
import { synthErrorOf, tempDir } from '../helpers';

const WIKI = {
  label: 'Wiki',
  acsUrl: 'https://wiki.example.com/saml/acs',
  audience: 'https://wiki.example.com/saml',
  relayState: 'https://wiki.example.com/home',
  groups: ['Everyone'],
  provisioning: { token: SecretRef.fromEnv('WIKI_SCIM_TOKEN') },
};

/** A user's app with one stack, synthesized as a user does; its runbook and cdk.tf.json. */
function synth(build: (stack: TerraformStack) => void) {
  const outdir = tempDir('okta-sso-runbook-app-');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'prod');
  new LocalBackend(stack, { path: '../../../state/prod.tfstate' });
  new OktaProvider(stack, 'okta', { orgName: 'acme', baseUrl: 'okta.com' });
  build(stack);
  const error = synthErrorOf(app);
  const dir = path.join(outdir, 'stacks', 'prod');
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  const runbook = JSON.parse(read('runbook.json')) as { steps: Array<{ id: string; title: string; why: string; actions: string[]; values: Record<string, string> }> };
  return { error, json: JSON.parse(read('cdk.tf.json')), runbook, runbookMd: read('runbook.md'), step: (id: string) => runbook.steps.find((s) => s.id === id)! };
}

describe('the runbook states the Okta app as Terraform applies it, escape hatches included', () => {
  test("an addOverride of the app's default_relay_state: the runbook shows the overriding value and says it comes from code", () => {
    const r = synth((stack) => new GenericSamlSso(stack, 'wiki', WIKI).oktaApp.addOverride('default_relay_state', 'https://wiki.example.com/start'));
    expect(r.error).toBeUndefined();
    expect(r.json.resource.okta_app_saml.wiki.default_relay_state).toBe('https://wiki.example.com/start');
    const openApp = r.step('wiki.open-app');
    expect(openApp.values['Default relay state']).toBe('https://wiki.example.com/start');
    expect(openApp.actions).toContain(
      'Keep in mind: code overrides the props for default_relay_state (an escape hatch on okta_app_saml.wiki): the values below are what Terraform applies, not what the props declare.',
    );
    expect(r.runbookMd).toContain('| Default relay state | https://wiki.example.com/start |');
  });

  test("the stack's own addOverride of the app, and a property set on oktaApp, count the same", () => {
    const r = synth((stack) => {
      const wiki = new GenericSamlSso(stack, 'wiki', WIKI);
      wiki.oktaApp.ssoUrl = 'https://wiki.example.com/saml/acs2';
      stack.addOverride('resource.okta_app_saml.wiki.audience', 'https://wiki.example.com/saml2');
    });
    expect(r.error).toBeUndefined();
    const openApp = r.step('wiki.open-app');
    expect(openApp.values['ACS URL (Single sign-on URL)']).toBe('https://wiki.example.com/saml/acs2');
    expect(openApp.values['Audience URI (SP Entity ID)']).toBe('https://wiki.example.com/saml2');
    expect(openApp.actions.find((a) => a.startsWith('Keep in mind: code overrides'))).toMatch(/for sso_url, audience \(/);
  });

  test('a label override renames the app wherever the runbook names it; an override removing the relay state drops it', () => {
    const r = synth((stack) => {
      const app = new GenericSamlSso(stack, 'wiki', WIKI).oktaApp;
      app.addOverride('label', 'Wiki (prod)');
      app.addOverride('default_relay_state', null);
    });
    const openApp = r.step('wiki.open-app');
    expect(openApp.title).toBe('Open Wiki (prod) in the Okta Admin Console');
    expect(openApp.actions[0].startsWith('Okta Admin Console > Applications > Applications > Wiki (prod)')).toBe(true);
    expect(openApp.values['Okta app']).toMatch(/^Wiki \(prod\) \(app ID: /);
    expect(openApp.values).not.toHaveProperty('Default relay state');
    expect(openApp.actions.find((a) => a.startsWith('Keep in mind: code overrides'))).toMatch(/for label, default_relay_state \(/);
    // The SP keeps its own name: the label names the Okta app, not the SP's admin UI.
    expect(r.step('wiki.idp-record').title).toBe('Enter Okta as the identity provider in Wiki');
  });

  test('a username template override: the format Terraform applies, Okta expressions unescaped', () => {
    const login = synth((stack) => new GenericSamlSso(stack, 'wiki', WIKI).oktaApp.addOverride('user_name_template', '$${source.login}'));
    expect(login.error).toBeUndefined();
    expect(login.step('wiki.open-app').values['Application username format']).toBe('Okta username');
    const custom = synth((stack) => {
      const app = new GenericSamlSso(stack, 'wiki', WIKI).oktaApp;
      app.addOverride('user_name_template', '$${source.samAccountName}');
      app.addOverride('user_name_template_type', 'CUSTOM');
    });
    expect(custom.step('wiki.open-app').values['Application username format']).toBe('Custom: ${source.samAccountName}');
  });

  test('no override, or one that sets the value the props give: the runbook as the props declare it, with no note', () => {
    const plain = synth((stack) => new GenericSamlSso(stack, 'wiki', WIKI));
    const same = synth((stack) => {
      const app = new GenericSamlSso(stack, 'wiki', WIKI).oktaApp;
      app.addOverride('default_relay_state', WIKI.relayState);
      app.addOverride('//.note', 'an override the runbook does not state');
    });
    expect(same.runbookMd).toBe(plain.runbookMd);
    expect(plain.step('wiki.open-app').values['Default relay state']).toBe(WIKI.relayState);
    expect(plain.runbookMd).not.toContain('code overrides');
  });
});
