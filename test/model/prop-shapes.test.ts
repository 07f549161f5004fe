import { checkPropShapes } from '../../model/prop-shapes';
import { AivenSso, GenericSamlSso, OnPremSso, SecretRef } from '../../index';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { synthStack } from '../constructs/sp/synth-stack';

const WIKI = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'urn:example:wiki', groups: ['Everyone'] };

/** The validation errors of a GenericSamlSso with `extra` props, as a user's app.synth() reports them (undefined: it synthesized). */
const errorsOf = (extra: Record<string, unknown>): string | undefined => synthStack((stack) => new GenericSamlSso(stack, 'wiki', { ...WIKI, ...extra } as never)).error;

describe('props of another shape (JavaScript, JSON, `as any`): an error at the prop, never a crash or a silent default', () => {
  test.each([
    ['a string where a map goes, with the map it likely means', { username: 'login' }, '[prod/wiki] username: "login" is not accepted; did you mean { format: "login" }? accepted: a map with format, template'],
    ['null where a map goes', { nameId: null }, '[prod/wiki] nameId: null is not accepted; accepted: a map with format, template'],
    ['signing as one value', { signing: 'RSA_SHA1' }, '[prod/wiki] signing: "RSA_SHA1" is not accepted; did you mean { algorithm: "RSA_SHA1" }? accepted: a map with algorithm, digest, responseSigned, assertionSigned'],
    ['a string where a list goes', { attributes: 'email' }, '[prod/wiki] attributes: "email" is not accepted; accepted: a list'],
    ['a list item of another shape', { attributes: ['email'] }, '[prod/wiki] attributes.0: "email" is not accepted; accepted: a map with name, values, nameFormat'],
    ['suppressions as one rule', { suppressions: 'SSO-009' }, '[prod/wiki] suppressions: "SSO-009" is not accepted; accepted: a list'],
    ['an SP metadata path instead of a document', { spMetadata: 'sp-metadata/wiki.xml' }, '[prod/wiki] spMetadata: "sp-metadata/wiki.xml" is not accepted; accepted: an SpMetadataDocument (SpMetadataDocument.fromFile(path) or .fromXml(xml))'],
    ['a number where text goes', { label: 5 }, '[prod/wiki] label: 5 is not accepted; accepted: text'],
    ['provisioning as its method', { provisioning: 'scim' }, '[prod/wiki] provisioning: "scim" is not accepted; did you mean { method: "scim" }?'],
    ['a nested map of another shape', { idpRecord: { fields: 'ssoUrl' } }, '[prod/wiki] idpRecord.fields: "ssoUrl" is not accepted; accepted: a list'],
  ])('%s', (_name, extra, line) => {
    const error = errorsOf(extra);
    expect(error).toContain(line);
    expect(error).not.toMatch(/TypeError|Cannot read/);
    // One problem: nothing judged from the value left out (no "responseSigned and assertionSigned are both false", no "needs provisioning.token").
    expect(error!.match(/\[prod\/wiki\]/g)).toHaveLength(1);
  });

  test('a secret never shows in the message, an invisible character is escaped', () => {
    const token = 'ghp_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5';
    expect(errorsOf({ username: token })).not.toContain(token);
    expect(errorsOf({ label: ['Wiki\u200b'] })).toContain('["Wiki\\u200b"] is not accepted; accepted: text');
  });

  test('every SP construct checks them (AivenSso, OnPremSso)', () => {
    expect(synthStack((stack) => new AivenSso(stack, 'aiven', { accountId: 'a1b2c3', methodId: 'am1b2c3', groups: ['Eng'], nameId: 'email' } as never)).error).toContain('[prod/aiven] nameId: "email" is not accepted');
    const onprem = synthStack(
      (stack) =>
        new OnPremSso(stack, 'hr', {
          acsUrl: 'https://hr.corp.example/saml/acs',
          audience: 'https://hr.corp.example/saml',
          groups: ['Everyone'],
          provisioning: { connector: { baseUrl: 'https://scim.corp.example/scim/v2/', auth: 'basic' } },
        } as never),
    );
    expect(onprem.error).toContain('[prod/hr] provisioning.connector.auth: "basic" is not accepted; did you mean { type: "basic" }?');
  });

  test('props of the right shape are the same object (nothing copied on the usual path), and tokens and SecretRefs pass', () => {
    const props = { ...WIKI, username: { format: 'email' }, provisioning: { token: SecretRef.fromEnv('WIKI_SCIM'), pushGroups: [{ group: 'Everyone' }] } };
    const checked = checkPropShapes(props as never);
    expect(checked.problems).toEqual([]);
    expect(checked.props).toBe(props);
  });

  test('a bad value deep inside is left out of a copy (its list item kept, at its index); the props given are not changed', () => {
    const props = { ...WIKI, provisioning: { method: 'scim', pushGroups: [{ group: 'Everyone', target: 5 }] } };
    const checked = checkPropShapes(props as never);
    expect(checked.problems.map((p) => p.field)).toEqual(['provisioning.pushGroups.0.target']);
    expect((checked.props as any).provisioning).toEqual({ method: 'scim', pushGroups: [{ group: 'Everyone' }] });
    expect(props.provisioning.pushGroups[0].target).toBe(5);
  });

  test('a value left out for its shape is not said again as missing, nor anything inside it', () => {
    expect(errorsOf({ attributes: [{ name: 'email', values: 'user.email' }] })!.match(/\[prod\/wiki\]/g)).toHaveLength(1);
    expect(errorsOf({ suppressions: [{ rule: 9, reason: 'x' }] })).toContain('[prod/wiki] suppressions.0.rule: 9 is not accepted; accepted: text');
    expect(errorsOf({ suppressions: [{ rule: 9, reason: 'x' }] })!.match(/\[prod\/wiki\]/g)).toHaveLength(1);
    const aiven = synthStack((stack) => new AivenSso(stack, 'aiven', { accountId: 5, methodId: 'am1b2c3', groups: ['Eng'] } as never)).error!;
    expect(aiven).toContain('[prod/aiven] accountId: 5 is not accepted; accepted: text');
    expect(aiven.match(/\[prod\/aiven\]/g)).toHaveLength(1);
  });

  test("config's SP metadata form in code is refused, naming the call that reads it (SSO-013 would be skipped)", () => {
    expect(errorsOf({ spMetadata: { file: 'sp-metadata/wiki.xml' } })).toContain(
      '[prod/wiki] spMetadata: {"file":"sp-metadata/wiki.xml"} is not accepted; did you mean SpMetadataDocument.fromFile("sp-metadata/wiki.xml")? accepted: an SpMetadataDocument',
    );
  });

  test('a key, a BigInt or a token object of another shape: an error at the prop, no crash', () => {
    expect(errorsOf({ key: 5 })).toContain('[prod/wiki] key: 5 is not accepted; accepted: text');
    expect(errorsOf({ label: BigInt(10) })).toContain('[prod/wiki] label: 10n is not accepted; accepted: text');
    const token = synthStack((stack) => new GenericSamlSso(stack, 'wiki', { ...WIKI, acsUrl: new TerraformVariable(stack, 'acs', { type: 'string' }).value } as never)).error;
    expect(token).toContain("[prod/wiki] acsUrl: a Terraform token given as an object is not accepted; accepted: text; for a Terraform token, its string form (a variable's .stringValue");
  });
});

describe('a misspelt field inside a prop is an error at it, with the field it likely means (an object built before it is passed escapes TypeScript)', () => {
  test.each([
    ['a push group list', () => ({ provisioning: { method: 'scim', token: SecretRef.fromEnv('WIKI_TOKEN'), pushgroups: [{ group: 'Everyone' }] } }), '[prod/wiki] provisioning.pushgroups: unknown field "pushgroups" (did you mean "pushGroups"?); accepted: method, token, scimBaseUrl, features, importGroups, enhancedGroupPush, connected, terraformManaged, pushGroups, connector'],
    ['a provisioning feature turned off', () => ({ provisioning: { method: 'scim', token: SecretRef.fromEnv('WIKI_TOKEN'), features: { deactivateUser: false } } }), '[prod/wiki] provisioning.features.deactivateUser: unknown field "deactivateUser" (did you mean "deactivateUsers"?)'],
    ['a username format', () => ({ username: { fromat: 'login' } }), '[prod/wiki] username.fromat: unknown field "fromat" (did you mean "format"?); accepted: format, template'],
    ['a group to create', () => ({ groups: [{ name: 'Everyone', crate: true }] }), '[prod/wiki] groups.0.crate: unknown field "crate" (did you mean "create"?); accepted: name, create, description, priority'],
  ])('%s', (_what, extra, line) => {
    const error = errorsOf(extra());
    expect(error).toContain(line);
  });

  test("a catalog app's settings take any field, and a well-spelt prop none of these", () => {
    expect(errorsOf({ catalogApp: { key: 'zscalerbyz', settings: { anyField: 'x' } }, acsUrl: undefined, audience: undefined })).not.toContain('unknown field');
    expect(errorsOf({ username: { format: 'email' }, groups: [{ name: 'Everyone', create: true, description: 'All' }] })).toBeUndefined();
  });
});

test('no props object at all is one problem at synth, with the other constructs\' problems, never a crash', () => {
  const { error } = synthStack((stack) => {
    new GenericSamlSso(stack, 'none', undefined as never);
    new GenericSamlSso(stack, 'text', 'https://wiki.example.com' as never);
    new GenericSamlSso(stack, 'wiki', { ...WIKI, label: 5 } as never);
  });
  expect(error).toContain('[prod/none] props: the props of GenericSamlSso are undefined; accepted: an object with the SP\'s props');
  expect(error).toContain('[prod/text] props: the props of GenericSamlSso are "https://wiki.example.com"; accepted: an object with the SP\'s props');
  expect(error).toContain('[prod/wiki] label: 5 is not accepted');
  expect(error!.match(/\[prod\/none\]/g)).toHaveLength(1);
});

describe("the app of a construct whose props cannot work (oktaApp's stand-in)", () => {
  test('referenced by another resource: synth still reports the props, not a resolution error', () => {
    const { error } = synthStack((stack) => {
      const aiven = new AivenSso(stack, 'aiven', { accountId: 'a1b2c3', methodId: 'am1b2c3', groups: ['Eng'], username: { format: 'nope' } } as never);
      new TerraformOutput(stack, 'app_id', { value: aiven.oktaApp.id });
      new TerraformOutput(stack, 'after', { value: 'x', dependsOn: [aiven.oktaApp] });
    });
    expect(error).toContain('[prod/aiven] username.format: username format "nope" is not accepted');
    expect(error).not.toMatch(/Resolution error|stand-in/);
  });

  test('without validation (Testing.synth) a reference names the address appId names, and no app is written', () => {
    const stack = new TerraformStack(Testing.app(), 'prod');
    const aiven = new AivenSso(stack, 'aiven', { accountId: 'a1b2c3', methodId: 'am1b2c3', groups: ['Eng'], username: { format: 'nope' } } as never);
    new TerraformOutput(stack, 'app_id', { value: aiven.oktaApp.id });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.output.app_id.value).toBe('${okta_app_saml.aiven.id}');
    expect(aiven.appId).toBe('${okta_app_saml.aiven.id}');
    expect(json.resource?.okta_app_saml).toBeUndefined();
  });
});


test('a Terraform token where a map prop goes is one problem that says so, not its internal fields as misspelt ones', () => {
  const error = synthStack((stack) => {
    const variable = new TerraformVariable(stack, 'username', { type: 'string' });
    new GenericSamlSso(stack, 'wiki', { ...WIKI, username: variable.value } as never);
  }).error;
  expect(error).toContain('[prod/wiki] username: a Terraform token given as an object is not accepted; accepted: a map with format, template');
  expect(error).not.toMatch(/creationStack|identifier|unknown field/);
});

test("adopt's fields are checked for misspelling too: a mapping ID under another name would import nothing, and the first plan create a second mapping", () => {
  const error = errorsOf({ adopt: { oktaAppId: '0oa1abcdefghijklmnop', pushGroupMappingId: { Everyone: 'gPm1abcdefghijklmnop' } } });
  expect(error).toContain('[prod/wiki] adopt.pushGroupMappingId: unknown field "pushGroupMappingId" (did you mean "pushGroupMappingIds"?)');
});
