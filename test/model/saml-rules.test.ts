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
});
