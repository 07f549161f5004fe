import { DataOktaGroup } from '@cdktf/provider-okta/lib/data-okta-group';
import { Group } from '@cdktf/provider-okta/lib/group';
import { Lazy, TerraformOutput, TerraformVariable } from 'cdktf';
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

describe("an override on an SP construct's own resource: its keys and `//` comments reach cdk.tf.json too", () => {
  test.each([
    ['in a `//` comment', (wiki: GenericSamlSso) => wiki.oktaApp.addOverride('//.note', `rotated ${STRIPE}`)],
    ['as a key of a `//` comment', (wiki: GenericSamlSso) => wiki.oktaApp.addOverride(`//.${STRIPE}`, 'rotated')],
  ])('a secret %s is SSO-008 of the app, not shown', (_where, override) => {
    const error = synthError((stack) => override(new GenericSamlSso(stack, 'wiki', WIKI)));
    expect(error).toMatch(/\[prod\/wiki\] [^\n]*SSO-008/);
    expect(error).not.toContain(STRIPE);
  });
});

test("construct ids that look random, in cdktf's own `//` metadata (path, unique ID), are names, not secrets", () => {
  const { Construct } = require('constructs') as typeof import('constructs');
  for (const [stackId, build] of [
    ['Prod2024', (stack: any) => new GenericSamlSso(new Construct(stack, 'Team7Platform'), 'Wiki4Sso9Xk', { ...WIKI, key: 'wiki' })],
    ['okta-prod', (stack: any) => new GenericSamlSso(stack, 'wiki-a1b2c3d4e5f6A7B8', { ...WIKI, key: 'wiki' })],
  ] as const) {
    expect([stackId, synthStack(build, stackId).error]).toEqual([stackId, undefined]);
  }
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

test("a stack override through a list's index merges into that item, as cdktf writes it: the rules see the group still assigned", () => {
  const { error, json, warnings } = synthStack((stack) => {
    new GenericSamlSso(stack, 'wiki', WIKI);
    stack.addOverride('resource.okta_app_group_assignments.wiki.group.0.priority', 2);
  });
  expect(error).toBeUndefined();
  expect(warnings.join('\n')).not.toContain('SSO-009');
  const written = json.resource.okta_app_group_assignments.wiki.group;
  expect(written).toEqual([expect.objectContaining({ priority: 2, id: expect.stringContaining('data.okta_group') })]);
});

describe("a stack override that takes an integration's resources out of cdk.tf.json fails synth: Terraform would destroy them", () => {
  test.each([
    ['the app itself', 'resource.okta_app_saml.wiki', undefined, 'resource.okta_app_saml.wiki takes okta_app_saml.wiki'],
    ["every resource of the stack", 'resource', undefined, 'resource takes okta_app_saml.wiki'],
    ['the group assignments, replaced by text', 'resource.okta_app_group_assignments.wiki', 'none', 'resource.okta_app_group_assignments.wiki takes okta_app_group_assignments.wiki'],
  ])('%s', (_what, at, value, said) => {
    const error = synthError((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      stack.addOverride(at, value);
    });
    expect(error).toContain(`[prod/okta-sso] the stack's addOverride of ${said} of prod/wiki out of cdk.tf.json: Terraform would destroy it`);
  });

  test('an override of one attribute, or of another resource, removes nothing', () => {
    const { error } = synthStack((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      stack.addOverride('resource.okta_app_saml.wiki.label', 'Wiki (SSO)');
      stack.addOverride('resource.okta_group.other', undefined);
    });
    expect(error).toBeUndefined();
  });

  test('a class instance set as lifecycle is merged field by field, as cdktf writes it: prevent_destroy stays', () => {
    class Lifecycle {
      public readonly ignore_changes = ['label'];
    }
    const { error, json } = synthStack((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      stack.addOverride('resource.okta_app_saml.wiki.lifecycle', new Lifecycle());
    });
    expect(error).toBeUndefined();
    expect(json.resource.okta_app_saml.wiki.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['label'] });
  });
});

describe('a secret in a stack override in any form cdktf writes: produced by a token, a class instance, a `//` comment, a key', () => {
  const OKTA_TOKEN = '00' + 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdE';
  test.each([
    ['a Lazy value', (stack: any) => stack.addOverride('provider.okta.0.api_token', Lazy.stringValue({ produce: () => OKTA_TOKEN })), 'provider.okta.0.api_token'],
    ['a class instance', (stack: any) => stack.addOverride('provider.okta.0', new (class { public readonly api_token = OKTA_TOKEN })()), 'provider.okta.0.api_token'],
    ['a `//` comment', (stack: any) => stack.addOverride('//.api_token', OKTA_TOKEN), '//.api_token'],
    ['a key', (stack: any) => stack.addOverride(`locals.${OKTA_TOKEN}`, 'x'), 'locals (a key)'],
  ])('%s', (_what, add, at) => {
    const error = synthError((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      add(stack);
    });
    expect(error).toContain(`SSO-008: a secret-looking value (not shown) in ${at}, written by prod (stack.addOverride)`);
    expect(error).not.toContain(OKTA_TOKEN);
  });
});

test("a `//` comment set on an SP app's resource through the stack is the app's own SSO-008, once", () => {
  const OKTA_TOKEN = '00' + 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdE';
  const error = synthError((stack) => {
    new GenericSamlSso(stack, 'wiki', WIKI);
    stack.addOverride('resource.okta_app_saml.wiki.//.note', OKTA_TOKEN);
  });
  expect(error).toContain('[prod/wiki] SSO-008 (error) wiki: a secret-looking value (not shown) in okta_app_saml.wiki //.note.');
  expect(error.match(/a secret-looking value/g)).toHaveLength(1);
  expect(error).not.toContain(OKTA_TOKEN);
});

test('an escape hatch whose value is produced by a token is judged by what it produces, as cdktf writes it', () => {
  for (const add of [
    (stack: any, wiki: GenericSamlSso) => wiki.oktaApp.addOverride('sso_url', Lazy.stringValue({ produce: () => 'http://wiki.example.com/saml/acs' })),
    (stack: any) => stack.addOverride('resource.okta_app_saml.wiki.sso_url', Lazy.stringValue({ produce: () => 'http://wiki.example.com/saml/acs' })),
  ]) {
    const error = synthError((stack) => add(stack, new GenericSamlSso(stack, 'wiki', WIKI)));
    expect(error).toMatch(/\[prod\/wiki\] [^\n]*"http:\/\/wiki\.example\.com\/saml\/acs" uses http[^\n]*SSO-001/);
  }
});

describe('a stack whose name looks like a secret', () => {
  const NAME = 'Ab3dEf9hJk2LmN4pQr7sTu1vWx6yZ0aBc';
  const REFUSED = "the stack's name (not shown: it looks like a secret, a random token) is refused: cdktf writes it into the stack's directory and local state path";

  test('is refused as the stack name, once, and not also as a secret-looking state path or IdP record', () => {
    const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', WIKI), NAME);
    expect(errorLine(error, REFUSED)).toBeDefined();
    expect(error).not.toContain('SSO-008');
    // cdktf prefixes each line with the construct path; the project's own message never quotes the name.
    expect(error.split(`[${NAME}/okta-sso] `).join('')).not.toContain(NAME);
  });

  test('a real secret in the same stack is still SSO-008, also beside the name in one string', () => {
    const error = synthError((stack) => {
      new GenericSamlSso(stack, 'wiki', WIKI);
      new TerraformOutput(stack, 'link', { value: `https://console.example.com/${NAME}?t=${STRIPE}` });
      stack.addOverride('terraform.backend.local.path', `../${NAME}-${STRIPE}.tfstate`);
    }, NAME);
    expect(errorLine(error, REFUSED)).toBeDefined();
    expect(errorLine(error, 'in output.link.value')).toContain('SSO-008');
    expect(errorLine(error, 'in terraform.backend.local.path')).toContain('SSO-008');
    expect(error).not.toContain(STRIPE);
  });

  test('an environment name configured for it that looks like a secret is refused too, never shown', () => {
    const { SsoEnvironment } = require('../../constructs/sso-environment') as typeof import('../../constructs/sso-environment');
    const secretLooking = 'a3f9k2m8q7w1z5x0c4v6b2n8m1l9k3j7';
    const error = synthError((stack) => {
      SsoEnvironment.configure(stack, { name: secretLooking });
      new GenericSamlSso(stack, 'wiki', WIKI);
    });
    expect(error).toContain('[prod/okta-sso] name: (not shown: it looks like a secret, a random token) is not accepted as an environment name (SsoEnvironment.configure)');
    expect(error).not.toContain(secretLooking);
    expect(error).not.toContain('SSO-008');
  });
});
