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

describe('a vendor token glued to the letters or digits before it (pasted onto a label)', () => {
  test.each([
    ['a GitHub token', 'Aivenghp_abcdefghijklmnopqrstuvwxyz0123456789AB'],
    ['a Slack token', 'Omnixoxb-1234567890-a1B2c3D4e5F6g7H8'],
    ['a Stripe secret key', 'abcsk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['an AWS access key ID', 'xAKIAIOSFODNN7EXAMPLE'],
  ])('%s is found, only that part', (kind, text) => {
    const spans = secretSpans(text);
    expect(spans.map((s) => s.kind)).toEqual([kind]);
    expect(spans[0].start).toBeGreaterThan(0);
  });

  test('a name that holds a prefix, and is no token, is not taken for one', () => {
    for (const text of ['Risk_test_environment1', 'disk_live_storage2', 'Highs_quarterly_reports', 'TAKIAWARDS2024EVENTS']) expect(secretSpans(text)).toEqual([]);
  });

  test('many glued near-misses in one text stay linear', () => {
    const text = 'aghp_abcdefghijklmnopqrstuvwxyzabcd'.repeat(20_000);
    const t = process.hrtime.bigint();
    secretSpans(text);
    // A generous bound: a quadratic scan of 700,000 characters would take minutes.
    expect(Number(process.hrtime.bigint() - t) / 1e9).toBeLessThan(10);
  });
});
