import { validateSso } from '../../model/validate-sso';
import { EXAMPLE_DIR, runCliCaptured, tempDir } from '../helpers';
import * as fs from 'fs';
import * as path from 'path';

const OMNI = { acsUrl: 'https://a.omniapp.co/api/auth/saml/acs', audience: 'a.omniapp.co', groups: ['Analytics'] };
const attribute = (name: string, value = 'user.email') => ({ name, values: [value] });

describe('SAML attribute names are each used once (Okta sends every statement, the SP reads one of them)', () => {
  test('two attributes with one name: an error at the second, naming it', () => {
    const { problems } = validateSso('omni', 'omni', { ...OMNI, attributes: [attribute('email'), attribute('firstName', 'user.firstName'), attribute('email', 'user.login')] });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['attributes.2.name', 'SAML attribute "email" is declared twice; accepted: each attribute name once (list its values together in one attribute)'],
    ]);
  });

  test('the group attribute with the name of an attribute: an error at the group attribute', () => {
    const { problems } = validateSso('omni', 'omni', {
      ...OMNI,
      attributes: [attribute('email'), attribute('groups', 'user.department')],
      groupAttribute: { name: 'groups', filter: { type: 'startsWith', value: 'App-' } },
    });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['groupAttribute.name', 'group attribute "groups" has the name of a SAML attribute in attributes; accepted: another name for one of them (Okta would send both statements)'],
    ]);
  });

  test("an attribute with the name of the SP's own group attribute (Atlan's memberOf): an error at that attribute", () => {
    const { problems } = validateSso('atlan', 'atlan', {
      acsUrl: 'https://acme.atlan.com/auth/realms/default/broker/saml/endpoint',
      audience: 'https://acme.atlan.com/auth/realms/default',
      groups: ['Data'],
      attributes: [attribute('email'), attribute('memberOf', 'user.department'), attribute('firstName'), attribute('lastName')],
    });
    expect(problems.map((p) => [p.field, p.message])).toEqual([['attributes.1.name', 'SAML attribute "memberOf" has the name of Atlan\'s group attribute; accepted: another name (Okta would send both statements)']]);
  });

  test('an empty or blank name is refused (the Okta app would send a nameless attribute)', () => {
    const { problems } = validateSso('omni', 'omni', { ...OMNI, attributes: [attribute(''), attribute(' ', 'user.login')] });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['attributes.0.name', 'SAML attribute name "" is empty; accepted: the attribute name the SP expects, e.g. email'],
      ['attributes.1.name', 'SAML attribute name " " is empty; accepted: the attribute name the SP expects, e.g. email'],
    ]);
  });

  test('names differing in case are two attributes (SAML names are case-sensitive)', () => {
    expect(validateSso('omni', 'omni', { ...OMNI, attributes: [attribute('email'), attribute('Email')] }).problems).toEqual([]);
  });

  test('validate says it at the line of the second one', async () => {
    const dir = path.join(tempDir(), 'acme');
    fs.cpSync(EXAMPLE_DIR, dir, { recursive: true });
    const file = path.join(dir, 'integrations.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('      - { name: lastName, values: [user.lastName] }\n', '      - { name: lastName, values: [user.lastName] }\n      - { name: email, values: [user.login] }\n'));
    const r = await runCliCaptured(['validate', '--config', dir]);
    expect(r.code).toBe(1);
    expect(r.err.split(`${dir}/`).join('')).toContain('integrations.yaml:26:11: integrations.omni.attributes.3.name: SAML attribute "email" is declared twice');
  });
});
