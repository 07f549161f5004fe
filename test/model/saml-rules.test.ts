import { urlProblem } from '../../model/saml-rules';
import { RuleId } from '../../model/rule-catalog';

describe('urlProblem', () => {
  test('the same URL twice gets the same answer, and a different URL its own (the last answer is kept)', () => {
    expect(urlProblem('http://a.example.com/acs')).toEqual({ rule: RuleId.HTTPS_URLS, why: 'uses http, not https' });
    expect(urlProblem('http://a.example.com/acs')).toEqual({ rule: RuleId.HTTPS_URLS, why: 'uses http, not https' });
    expect(urlProblem('https://a.example.com/acs')).toBeUndefined();
    expect(urlProblem('not a url')).toEqual({ rule: RuleId.WELL_FORMED, why: 'is not a URL' });
    expect(urlProblem('https://user@a.example.com/acs')?.why).toContain('has user info');
    expect(urlProblem('https://a.example.com/acs')).toBeUndefined();
  });

  test.each([
    ['https:///nohost', 'is not written scheme://host (two slashes, then the host)'],
    ['https:a.example.com/acs', 'is not written scheme://host (two slashes, then the host)'],
    ['https:\\\\a.example.com\\acs', 'contains a backslash; URLs take / only'],
  ])('%j, which the URL parser forgives but Okta and the SP get as written, is not a URL', (url, why) => {
    expect(urlProblem(url)).toEqual({ rule: RuleId.WELL_FORMED, why });
  });

  test('a character URL parsers drop from a host name (a soft hyphen, a variation selector) is refused, named by code point', () => {
    expect(urlProblem('https://acme-dev.omni\u00ADapp.co/acs')?.why).toBe(
      'contains U+00AD (soft hyphen), which URL parsers drop from a host name, so the URL checked would not be the one Okta gets; accepted: the URL without it',
    );
    expect(urlProblem('https://a\uFE0F.example.com/acs')?.rule).toBe(RuleId.WELL_FORMED);
  });

  test('a URL as written is one: any case of scheme, a port, a path', () => {
    for (const url of ['HTTPS://A.example.com/acs', 'https://a.example.com:8443/saml/acs?x=1']) expect(urlProblem(url)).toBeUndefined();
  });
});

describe('a NameID or custom username template with no Okta expression is a constant', () => {
  const { validateSso } = require('../../model/validate-sso') as typeof import('../../model/validate-sso');
  const WIKI = { acsUrl: 'https://wiki.example.com/acs', audience: 'https://wiki.example.com', groups: ['Everyone'] };

  test.each([
    ['nameId.template', { nameId: { template: 'user.email' } }, 'NameID template "user.email" has no Okta expression: every user would get the NameID "user.email"; accepted: an expression in ${...}, e.g. ${user.email}'],
    ['username.template', { username: { format: 'custom' as const, template: 'source.login' } }, 'username template "source.login" has no Okta expression: every user would get the username "source.login"; accepted: an expression in ${...}, e.g. ${source.login}'],
  ])('%s: an error, so one SP account is never given to every user', (field, props, message) => {
    const v = validateSso('generic', 'wiki', { ...WIKI, ...props });
    expect(v.model).toBeUndefined();
    expect(v.problems).toEqual([expect.objectContaining({ field, rule: RuleId.WELL_FORMED, message })]);
  });

  test('with an expression, anywhere in it, it is a template', () => {
    for (const template of ['${user.email}', 'acme\\${user.login}', '${String.substringBefore(user.email, "@")}']) {
      expect(validateSso('generic', 'wiki', { ...WIKI, nameId: { template } }).problems).toEqual([]);
      expect(validateSso('generic', 'wiki', { ...WIKI, username: { format: 'custom', template } }).problems).toEqual([]);
    }
  });
});
