import { checkAgainstSpMetadata, settingsFromMetadata } from '../../model/sp-metadata-check';
import { SpMetadataDocument } from '../../model/sp-metadata-document';
import { fixture } from '../fixture-files';
import { resolveSettings } from '../helpers';

const several = SpMetadataDocument.fromXml(fixture('sp-metadata/several-acs.xml'), 'cfg/sp/bi.xml');

function samlOf(settings: Record<string, unknown>) {
  const r = resolveSettings('bi', { preset: 'generic', ...settings });
  expect(r.problems).toEqual([]);
  return r.model!.saml;
}

describe('checkAgainstSpMetadata', () => {
  test('passes when the ACS URL is any of the HTTP-POST entries and the audience is the entityID', () => {
    for (const acsUrl of ['https://bi.acme.example/sso/acs', 'https://us.bi.acme.example/sso/acs', 'https://eu.bi.acme.example/sso/acs?tenant=acme&region=eu']) {
      expect(checkAgainstSpMetadata(samlOf({ acsUrl, audience: 'https://bi.acme.example/sp' }), several.metadata!, several.source)).toEqual([]);
    }
  });

  test('an ACS URL that is only a Redirect-binding entry is a mismatch, showing both values', () => {
    const problems = checkAgainstSpMetadata(samlOf({ acsUrl: 'https://bi.acme.example/sso/redirect', audience: 'https://bi.acme.example/sp' }), several.metadata!, several.source);
    expect(problems.map((p) => p.field)).toEqual(['acsUrl']);
    expect(problems[0].message).toBe(
      'ACS URL, recipient and destination "https://bi.acme.example/sso/redirect" do not match the SP metadata (cfg/sp/bi.xml): its HTTP-POST AssertionConsumerService locations are "https://eu.bi.acme.example/sso/acs?tenant=acme&region=eu" (index 3), "https://us.bi.acme.example/sso/acs" (index 2), "https://bi.acme.example/sso/acs" (index 1, default)',
    );
  });

  test('recipient, destination and audience are checked on their own', () => {
    const saml = samlOf({ acsUrl: 'https://bi.acme.example/sso/acs', recipient: 'https://bi.acme.example/other', destination: 'https://us.bi.acme.example/sso/acs', audience: 'bi.acme.example' });
    const problems = checkAgainstSpMetadata(saml, several.metadata!, several.source);
    expect(problems.map((p) => p.field)).toEqual(['recipient', 'audience']);
    expect(problems[1].message).toBe('audience "bi.acme.example" does not match the SP metadata (cfg/sp/bi.xml): its entityID is "https://bi.acme.example/sp"');
  });
});

describe('a generic SP declared from its metadata alone', () => {
  test('takes the default HTTP-POST ACS and the entityID', () => {
    expect(settingsFromMetadata(several.metadata!)).toEqual({ acsUrl: 'https://bi.acme.example/sso/acs', audience: 'https://bi.acme.example/sp' });
    const r = resolveSettings('bi', { preset: 'generic' }, several);
    expect(r.problems).toEqual([]);
    expect(r.model!.saml).toMatchObject({
      acsUrl: 'https://bi.acme.example/sso/acs',
      recipient: 'https://bi.acme.example/sso/acs',
      destination: 'https://bi.acme.example/sso/acs',
      audience: 'https://bi.acme.example/sp',
    });
  });

  test('an explicit ACS URL among the entries is kept; one outside them fails', () => {
    const ok = resolveSettings('bi', { preset: 'generic', acsUrl: 'https://us.bi.acme.example/sso/acs' }, several);
    expect(ok.model!.saml.acsUrl).toBe('https://us.bi.acme.example/sso/acs');
    const bad = resolveSettings('bi', { preset: 'generic', audience: 'https://bi.acme.example/other' }, several);
    expect(bad.problems).toEqual([
      { field: 'audience', message: expect.stringContaining('"https://bi.acme.example/other" does not match the SP metadata (cfg/sp/bi.xml): its entityID is "https://bi.acme.example/sp"'), rule: 'SSO-013' },
    ]);
  });

  test("a preset's computed URLs are checked against the metadata, not replaced by it", () => {
    const aivenLike = SpMetadataDocument.fromXml(
      fixture('sp-metadata/default-namespace.xml')
        .replace('grafana.acme.example"', 'https://api.aiven.io/v1/sso/saml/account/a1/method/m1/metadata"')
        .replace('https://grafana.acme.example/saml/acs', 'https://api.aiven.io/v1/sso/saml/account/a1/method/m1/acs'),
      'aiven.xml',
    );
    expect(resolveSettings('aiven', { preset: 'aiven', aiven: { accountId: 'a1', methodId: 'm1' } }, aivenLike).problems).toEqual([]);
    const wrong = resolveSettings('aiven', { preset: 'aiven', aiven: { accountId: 'a1', methodId: 'm2' } }, aivenLike);
    expect(wrong.problems.map((p) => p.field)).toEqual(['acsUrl', 'audience']);
    expect(wrong.problems[0].message).toContain('ACS URL, recipient and destination "https://api.aiven.io/v1/sso/saml/account/a1/method/m2/acs" do not match the SP metadata (aiven.xml)');
  });
});
