import { Testing } from 'cdktf';
import { SamlApp } from '../../constructs/saml-app';
import { oktaTestStack, resolvedIntegration } from '../helpers';

const settings = resolvedIntegration('wiki', { preset: 'generic', acsUrl: 'https://wiki.example.com/acs', audience: 'urn:example:wiki' }).saml;

test('the app is addressed by the integration key, wherever the construct sits, and always has prevent_destroy', () => {
  const stack = oktaTestStack();
  new SamlApp(stack, 'deep', { key: 'wiki', settings });
  const json = JSON.parse(Testing.synth(stack));
  expect(Object.keys(json.resource.okta_app_saml)).toEqual(['wiki']);
  expect(json.resource.okta_app_saml.wiki.lifecycle).toEqual({ prevent_destroy: true });
  expect(json.moved).toBeUndefined();
});

test('renamedFrom emits a moved block to the new key', () => {
  const stack = oktaTestStack();
  new SamlApp(stack, 'wiki', { key: 'wiki', settings, renamedFrom: 'old_wiki' });
  expect(JSON.parse(Testing.synth(stack)).moved).toEqual([{ from: 'okta_app_saml.old_wiki', to: 'okta_app_saml.wiki' }]);
});
