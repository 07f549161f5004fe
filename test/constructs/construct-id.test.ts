import { Testing } from 'cdktf';
import { GenericSamlSso } from '../../index';
import { OktaEnvironmentStack } from '../../stacks/okta-environment-stack';
import { oktaTestStack } from '../helpers';

// Every Object.prototype member name: constructs keeps children in a plain object, where each of them is "already there".
const NAMES = Object.getOwnPropertyNames(Object.prototype);
const WIKI = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com/saml/metadata', groups: ['Everyone-Wiki'] };
const ENV = { name: 'dev', okta: { orgName: 'acme-dev', baseUrl: 'oktapreview.com' }, backend: { type: 'local' as const, path: 'state/dev.tfstate' }, integrations: [] };

test('the names checked include the ones a config or construct user would try', () => {
  expect(NAMES).toEqual(expect.arrayContaining(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__']));
});

test.each(NAMES)('an SP construct with id %j is refused naming its scope, the id and what is accepted', (name) => {
  const stack = oktaTestStack();
  expect(() => new GenericSamlSso(stack, name, WIKI)).toThrow(
    `test: construct id ${JSON.stringify(name)} is not accepted: every JavaScript object has a member of that name, which the constructs library takes for an existing child; accepted: any other id`,
  );
});

test.each(NAMES)('an environment stack with id %j is refused naming the app', (name) => {
  expect(() => new OktaEnvironmentStack(Testing.app(), name, { environment: ENV })).toThrow(`the app: construct id ${JSON.stringify(name)} is not accepted`);
});

test('an SP construct keyed constructor is refused by the key check (a construct id is not a key)', () => {
  const stack = oktaTestStack();
  new GenericSamlSso(stack, 'wiki', { ...WIKI, key: 'constructor' });
  expect(() => Testing.fullSynth(stack)).toThrow(/\[test\/wiki\] key: integration key "constructor" is not a Terraform name; accepted: .*not "backend" or "constructor"/);
});

test.each([
  ['an Okta API token', '00TESTtoken-abcdefghijklmnopqrstuvwxyz0123'],
  ['a Stripe-style key', 'sk_live_51NqLkAbCdEfGhIjKlMnOpQrStUvWxYz0123456789'],
])('a construct id that is %s is refused without quoting it: cdktf would print it in every path', (_what, secret) => {
  const stack = oktaTestStack();
  let message = '';
  try {
    new GenericSamlSso(stack, secret, WIKI);
  } catch (err) {
    message = (err as Error).message;
  }
  expect(message).toMatch(/^test: a construct id looks like .* \(value not shown\); ids appear in construct paths, logical IDs and every message; accepted: a name/);
  expect(message).not.toContain(secret);
  expect(() => new OktaEnvironmentStack(Testing.app(), secret, { environment: ENV })).toThrow(/^the app: a construct id looks like/);
});

test('ordinary ids, UUID-like ones too, are accepted', () => {
  const stack = oktaTestStack();
  for (const id of ['wiki', 'aiven-eu', 'hr_portal', '7f3c2a9e-1b4d-4c8e-9f2a-3d5b6c7e8f90']) expect(() => new GenericSamlSso(stack, id, { ...WIKI, key: `k${id.replace(/-/g, '_')}` })).not.toThrow();
});
