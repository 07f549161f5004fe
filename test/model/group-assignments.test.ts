import { GenericSamlSso } from '../../index';
import { errorLine, synthError } from '../constructs/sp/synth-stack';

const REQUIRED = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'urn:example:wiki' };
const ACCEPTED = 'accepted: an Okta group name, or a map with name (and create, description, priority)';

describe('a group entry without a name is the construct\'s validation error, never an internal one', () => {
  test.each([
    ['true', true, 'true'],
    ['a number', 1, '1'],
    ['null', null, 'null'],
    ['a list', [], '[]'],
    ['an empty name', '', '""'],
  ])('%s', (_name, entry, shown) => {
    const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', { ...REQUIRED, groups: ['Everyone', entry] } as any));
    expect(errorLine(error, 'groups.1')).toBe(`[prod/wiki] groups.1: group ${shown} is not accepted; ${ACCEPTED}`);
  });

  test.each([
    ['a map without a name', { create: true }, 'missing required field name: the Okta group name'],
    ['a map whose name is not text', { name: 1 }, 'name 1 is not accepted; accepted: an Okta group name'],
    ['a map with an empty name', { name: '' }, 'name "" is not accepted; accepted: an Okta group name'],
  ])('%s: at the name', (_name, entry, message) => {
    const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', { ...REQUIRED, groups: ['Everyone', entry] } as any));
    expect(errorLine(error, 'groups.1.name')).toBe(`[prod/wiki] groups.1.name: ${message}`);
  });

  test('groups that are not a list', () => {
    const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', { ...REQUIRED, groups: 'Everyone' } as any));
    expect(errorLine(error, 'groups: ')).toBe(`[prod/wiki] groups: groups "Everyone" is not a list; accepted: a list, each item an Okta group name, or a map with name (and create, description, priority)`);
  });

  test('create and description of the wrong type', () => {
    const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', { ...REQUIRED, groups: [{ name: 'Data', create: 'yes', description: 5 }] } as any));
    expect(errorLine(error, 'groups.0.create')).toBe('[prod/wiki] groups.0.create: create "yes" is not accepted; accepted: true or false');
    expect(errorLine(error, 'groups.0.description')).toBe('[prod/wiki] groups.0.description: description 5 is not accepted; accepted: text');
  });
});
