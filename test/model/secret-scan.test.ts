import { secretSpans } from '../../model/secret-scan';

describe('secretSpans: the quick test before the scan lets every kind of secret through', () => {
  test.each([
    ['a password in a URL, in a short text', 'a://b:c@d', 'a password in a URL'],
    ['a bearer token made of short runs', 'Bearer a.b.c.d.e.f.g.h.i1', 'a bearer token'],
    ['an Okta API token after SSWS and a tab', 'SSWS\t00aB3dE5gH7jK9mN1pQ3', 'an Okta API token'],
    ['a private key', '-----BEGIN PRIVATE KEY-----\nMIIE', 'a private key'],
    ['a vendor token', 'x ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8', 'a GitHub token'],
  ])('%s', (_what, text, kind) => {
    expect(secretSpans(text).map((s) => s.kind)).toEqual([kind]);
  });

  test('texts without a long run, a key header, an auth scheme or a URL with user info hold none', () => {
    for (const text of ['user.email', 'Engineering-Dev', 'https://a.example.com/x', 'a@b.c', 'bearer', '']) expect(secretSpans(text)).toEqual([]);
  });
});
