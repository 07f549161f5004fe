import { DataOktaGroup } from '@cdktf/provider-okta/lib/data-okta-group';
import { Group } from '@cdktf/provider-okta/lib/group';
import { TerraformOutput, TerraformVariable } from 'cdktf';
import { GenericSamlSso } from '../../constructs/sp/generic-saml-sso';
import { OktaGroups } from '../../constructs/okta-groups';
import { errorLine, synthError, synthStack } from '../constructs/sp/synth-stack';

const STRIPE = 'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc';
const WIKI = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'urn:example:wiki', groups: ['Everyone'] };

describe('SSO-008 over the whole stack: every string cdk.tf.json would hold, not only the SP apps', () => {
  test.each([
    ['an okta_group description', 'resource.okta_group.team.description', (s: any) => new Group(s, 'team', { name: 'Team', description: `ask ops, key ${STRIPE}` }), 'prod/team'],
    ['a group created for an app, edited by an escape hatch', 'resource.okta_group.group_data.description', (s: any) => {
      new GenericSamlSso(s, 'wiki2', { ...WIKI, audience: 'urn:example:wiki2', groups: [{ name: 'Data', create: true, description: 'Data team' }] });
      OktaGroups.of(s).createdGroup('Data')!.addOverride('description', `see https://ops.example.com/?t=${STRIPE}`);
    }, 'prod/Groups/group_data'],
    ['a variable default', 'variable.api.default', (s: any) => new TerraformVariable(s, 'api', { type: 'string', default: `Bearer ${'eyJhbGciOiJIUzI1NiJ9'}.${'eyJzdWIiOiIxMjM0NTY3ODkwIn0'}.c2ln` }), 'prod/api'],
    ['an output', 'output.link.value', (s: any) => new TerraformOutput(s, 'link', { value: `https://console.aiven.io/?t=${STRIPE}` }), 'prod/link'],
    ['an override on an output', 'output.note.description', (s: any) => new TerraformOutput(s, 'note', { value: 'ok' }).addOverride('description', `ask ops, key ${STRIPE}`), 'prod/note'],
    ['a data source argument', 'data.okta_group.lookup.name', (s: any) => new DataOktaGroup(s, 'lookup', { name: `x ${STRIPE}` }), 'prod/lookup'],
  ])('%s: synth refuses, naming the JSON path and the construct that writes it, never the value', (_name, at, add, writer) => {
    const error = synthError((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      add(stack);
    });
    expect(errorLine(error, at)).toMatch(new RegExp(`^\\[prod/okta-sso\\] SSO-008: a secret-looking value \\(not shown\\) in ${at.replace(/[.[\]]/g, '\\$&')}, written by ${writer}; .*fix: `));
    expect(error).not.toContain(STRIPE);
    expect(error).not.toContain('eyJzdWIiOiIxMjM0NTY3ODkwIn0');
  });

  test('a stack without secrets synthesizes; a suppressed SSO-008 on an SP app is left to that app', () => {
    const { error } = synthStack((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      new Group(stack, 'team', { name: 'Team', description: 'Data team access, see https://wiki.example.com/spaces/3f2504e0-4f89-11d3-9a0c-0305e82c3301' });
      new TerraformOutput(stack, 'link', { value: 'https://console.aiven.io' });
    });
    expect(error).toBeUndefined();

    const suppressed = synthStack((stack) => {
      const wiki = new GenericSamlSso(stack, 'wiki', { ...WIKI, suppressions: [{ rule: 'SSO-008', reason: 'a test key, revoked' }] });
      wiki.oktaApp.addOverride('app_links_json', JSON.stringify({ note: STRIPE }));
    });
    expect(suppressed.error).toBeUndefined();
  });
});

describe("the stack's own escape hatch (stack.addOverride), which cdktf merges into cdk.tf.json last", () => {
  const OKTA_TOKEN = '00' + 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdE';

  test('a secret set on the provider is SSO-008, named at its JSON path and written by the stack', () => {
    const error = synthError((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      stack.addOverride('provider.okta.0.api_token', OKTA_TOKEN);
    });
    expect(errorLine(error, 'provider.okta.0.api_token')).toMatch(/^\[prod\/okta-sso\] SSO-008: a secret-looking value \(not shown\) in provider\.okta\.0\.api_token, written by prod \(stack\.addOverride\); /);
    expect(error).not.toContain(OKTA_TOKEN);
  });

  test("on an SP app's resource it is judged by the app's own rules, as an override on the resource is: once, and suppressible there", () => {
    const error = synthError((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      stack.addOverride('resource.okta_app_saml.wiki.app_settings_json', JSON.stringify({ apiToken: STRIPE }));
    });
    expect(error).toMatch(/\[prod\/wiki\] [^\n]*SSO-008/);
    expect(error).not.toMatch(/written by prod \(stack\.addOverride\)/);
    expect(error).not.toContain(STRIPE);

    const suppressed = synthStack((stack) => {
      new GenericSamlSso(stack, 'wiki', { ...WIKI, suppressions: [{ rule: 'SSO-008', reason: 'a test key, revoked' }] });
      stack.addOverride('resource.okta_app_saml.wiki.app_settings_json', JSON.stringify({ apiToken: STRIPE }));
    });
    expect(suppressed.error).toBeUndefined();
  });

  test.each([
    ['SHA-1 signing (SSO-002)', 'signature_algorithm', 'RSA_SHA1', /SSO-002/],
    ['an http ACS URL (SSO-001)', 'sso_url', 'http://wiki.example.com/saml/acs', /SSO-001/],
    ['prevent_destroy turned off (SSO-007)', 'lifecycle.prevent_destroy', false, /SSO-007/],
  ])("%s set on the app through the stack fails the app's policy rule", (_what, attribute, value, rule) => {
    const error = synthError((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      stack.addOverride(`resource.okta_app_saml.wiki.${attribute}`, value);
    });
    expect(error).toMatch(new RegExp(`\\[prod/wiki\\] [^\\n]*${rule.source}`));
  });
});
