import { GenericSamlSso, SecretRef } from '../../index';
import { errorLine, synthError } from '../constructs/sp/synth-stack';

// Names of Object.prototype's members: a table lookup keyed by a prop value that reaches the prototype finds these.
const WORDS = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'];
const REQUIRED = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'urn:example:wiki', groups: ['Everyone'] };
const SCIM = { method: 'scim', token: SecretRef.fromEnv('WIKI_SCIM_TOKEN') };

/** A typed app cannot pass these; a JavaScript app (or `as any`) can, and gets the construct's validation error, never an internal one. */
const CHOICES: ReadonlyArray<readonly [string, (w: string) => object, string]> = [
  ['nameId.format', (w) => ({ nameId: { format: w } }), 'NameID format %s is not accepted; accepted: unspecified, emailAddress, persistent, transient, x509SubjectName'],
  ['username.format', (w) => ({ username: { format: w } }), 'username format %s is not accepted; accepted: email, login, custom'],
  ['signing.algorithm', (w) => ({ signing: { algorithm: w } }), 'signature algorithm %s is not accepted; accepted: RSA_SHA256, RSA_SHA1'],
  ['signing.digest', (w) => ({ signing: { digest: w } }), 'digest algorithm %s is not accepted; accepted: SHA256, SHA1'],
  ['status', (w) => ({ status: w }), 'app status %s is not accepted; accepted: ACTIVE, INACTIVE'],
  ['attributes.0.nameFormat', (w) => ({ attributes: [{ name: 'email', values: ['user.email'], nameFormat: w }] }), 'attribute name format %s is not accepted; accepted: unspecified, uri, basic'],
  ['groupAttribute.nameFormat', (w) => ({ groupAttribute: { name: 'g', filter: { type: 'regex', value: '.*' }, nameFormat: w } }), 'attribute name format %s is not accepted; accepted: unspecified, uri, basic'],
  ['groupAttribute.filter.type', (w) => ({ groupAttribute: { name: 'g', filter: { type: w, value: '.*' } } }), 'group filter type %s is not accepted; accepted: regex, startsWith, equals, contains'],
  ['attributeSync.0.push', (w) => ({ provisioning: SCIM, attributeSync: [{ attribute: 'title', from: 'user.title', push: w }] }), 'attribute push %s is not accepted; accepted: always, on-create'],
  ['attributeSync.0.custom.type', (w) => ({ provisioning: SCIM, attributeSync: [{ attribute: 'badge', from: 'user.badge', custom: { type: w } }] }), 'attribute type %s is not accepted; accepted: string, boolean, number, integer'],
];

describe.each(WORDS)('a construct prop of %j', (word) => {
  test.each(CHOICES)('at %s is the construct\'s validation error, once', (field, props, message) => {
    const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', { ...REQUIRED, ...props(word) } as any));
    expect(errorLine(error, `${field}: `)).toBe(`[prod/wiki] ${field}: ${message.replace('%s', JSON.stringify(word))}`);
    expect(error.split('\n').filter((l) => l.includes(`] ${field}: `))).toHaveLength(1);
  });

  test('as a catalog app key with SCIM is looked up as a catalog key, not a prototype member', () => {
    const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', { ...REQUIRED, catalogApp: { key: word }, provisioning: { ...SCIM, terraformManaged: true } } as any));
    expect(errorLine(error, 'provisioning.terraformManaged: ')).toContain(`Okta's API does not accept a provisioning connection for the catalog app ${JSON.stringify(word)}`);
  });
});

test('a value outside its set that is not text is shown by its kind', () => {
  const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', { ...REQUIRED, status: { toString: 1 } } as any));
  expect(errorLine(error, 'status: ')).toBe('[prod/wiki] status: app status {"toString":1} is not accepted; accepted: ACTIVE, INACTIVE');
});
