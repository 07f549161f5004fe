import { HTTP_POST_BINDING, SpMetadataError, parseSpMetadata } from '../../model/sp-metadata';
import { fixture } from '../fixture-files';

function rejection(xml: string): string {
  try {
    parseSpMetadata(xml);
  } catch (err) {
    expect(err).toBeInstanceOf(SpMetadataError);
    return (err as Error).message;
  }
  throw new Error('expected the metadata to be rejected');
}

describe('parseSpMetadata', () => {
  test('reads entityID and ACS entries with the md: prefix, ignoring non-POST bindings for the default', () => {
    const m = parseSpMetadata(fixture('sp-metadata/prefixed-md.xml'));
    expect(m.entityId).toBe('https://wiki.acme.example/saml/metadata');
    expect(m.acs.map((a) => a.index)).toEqual([0, 1]);
    expect(m.postAcs).toEqual([{ binding: HTTP_POST_BINDING, location: 'https://wiki.acme.example/saml/acs', index: 1, isDefault: true }]);
    expect(m.defaultPostAcs.location).toBe('https://wiki.acme.example/saml/acs');
  });

  test('reads metadata in the default namespace (no prefix), with a bare-hostname entity ID', () => {
    const m = parseSpMetadata(fixture('sp-metadata/default-namespace.xml'));
    expect(m.entityId).toBe('grafana.acme.example');
    expect(m.defaultPostAcs).toEqual({ binding: HTTP_POST_BINDING, location: 'https://grafana.acme.example/saml/acs', index: 1, isDefault: undefined });
  });

  test('several ACS entries under an EntitiesDescriptor with an unusual prefix: isDefault wins, entities decoded', () => {
    const m = parseSpMetadata(fixture('sp-metadata/several-acs.xml'));
    expect(m.entityId).toBe('https://bi.acme.example/sp');
    expect(m.postAcs.map((a) => [a.location, a.index, a.isDefault])).toEqual([
      ['https://eu.bi.acme.example/sso/acs?tenant=acme&region=eu', 3, false],
      ['https://us.bi.acme.example/sso/acs', 2, undefined],
      ['https://bi.acme.example/sso/acs', 1, true],
    ]);
    expect(m.defaultPostAcs.location).toBe('https://bi.acme.example/sso/acs');
  });

  test("reads the SP's NameIDFormat URNs: trimmed, each once, in order; none, empty or of another namespace is none", () => {
    expect(parseSpMetadata(fixture('sp-metadata/prefixed-md.xml')).nameIdFormats).toEqual(['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress']);
    expect(parseSpMetadata(fixture('sp-metadata/several-acs.xml')).nameIdFormats).toEqual([]);
    const formats = (inner: string) =>
      parseSpMetadata(
        `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:x="urn:example:other" entityID="e"><SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}<AssertionConsumerService Binding="${HTTP_POST_BINDING}" Location="https://e.example/acs" index="0"/></SPSSODescriptor></EntityDescriptor>`,
      ).nameIdFormats;
    const P = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
    const T = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
    expect(formats(`<NameIDFormat>\n  ${P}\n</NameIDFormat><NameIDFormat>${T}</NameIDFormat><NameIDFormat>${P}</NameIDFormat>`)).toEqual([P, T]);
    expect(formats('<NameIDFormat> </NameIDFormat><x:NameIDFormat>urn:example:format</x:NameIDFormat>')).toEqual([]);
  });

  test('without isDefault="true", the first POST entry not marked false is the default', () => {
    const xml = fixture('sp-metadata/several-acs.xml').replace(' isDefault="true"', '');
    expect(parseSpMetadata(xml).defaultPostAcs.location).toBe('https://us.bi.acme.example/sso/acs');
  });

  test('a prefix bound to the metadata namespace is found whatever its name; the namespace, not the prefix, decides', () => {
    const xml = fixture('sp-metadata/prefixed-md.xml').replace(/md:/g, 'm:').replace('xmlns:md=', 'xmlns:m=');
    expect(parseSpMetadata(xml).entityId).toBe('https://wiki.acme.example/saml/metadata');
  });

  test('a leading byte-order mark is accepted', () => {
    expect(parseSpMetadata(`\uFEFF${fixture('sp-metadata/default-namespace.xml')}`).entityId).toBe('grafana.acme.example');
  });

  test.each([
    ['empty', 'sp-metadata/empty.xml', /is empty/],
    ['not XML (JSON)', 'sp-metadata/not-xml.xml', /is not XML/],
    ['malformed XML, with the position', 'sp-metadata/malformed.xml', /is not well-formed XML at line 4, column \d+: Opening and ending tag mismatch/],
    ['an HTML page', 'sp-metadata/html-page.xml', /is not SAML 2.0 metadata: its root element is "\{http:\/\/www.w3.org\/1999\/xhtml\}html"/],
    ['the SAML 1.0 namespace', 'sp-metadata/wrong-namespace.xml', /is not SAML 2.0 metadata: its root element is "\{urn:oasis:names:tc:SAML:1.0:metadata\}EntityDescriptor"/],
    ["an IdP's metadata", 'sp-metadata/idp-only.xml', /has no SPSSODescriptor \(it is identity provider metadata/],
    ['no HTTP-POST ACS', 'sp-metadata/redirect-acs-only.xml', /no AssertionConsumerService with the HTTP-POST binding \(found: "https:\/\/legacy.acme.example\/sp\/artifact"/],
  ])('rejects %s', (_what, file, message) => {
    expect(rejection(fixture(file))).toMatch(message);
  });

  test('rejects metadata without any namespace', () => {
    expect(rejection('<EntityDescriptor entityID="x"><SPSSODescriptor/></EntityDescriptor>')).toMatch(/root element is "\{\}EntityDescriptor"/);
  });

  test('rejects a DOCTYPE (entity declarations)', () => {
    expect(rejection('<!DOCTYPE x [<!ENTITY e "x">]><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="a"/>')).toMatch(/DOCTYPE/);
  });

  test('rejects an EntitiesDescriptor with two entities, duplicate indexes, a missing index and a bad isDefault', () => {
    const two = fixture('sp-metadata/several-acs.xml').replace('</saml2md:EntitiesDescriptor>', '<saml2md:EntityDescriptor entityID="b"/></saml2md:EntitiesDescriptor>');
    expect(rejection(two)).toMatch(/describes 2 entities/);
    expect(rejection(fixture('sp-metadata/several-acs.xml').replace('index="2"', 'index="1"'))).toMatch(/two AssertionConsumerService entries with index 1 \("https:\/\/us.bi.acme.example\/sso\/acs" and "https:\/\/bi.acme.example\/sso\/acs"\)/);
    expect(rejection(fixture('sp-metadata/several-acs.xml').replace(' index="2"', ''))).toMatch(/https:\/\/us.bi.acme.example\/sso\/acs" has index null; accepted: an unsigned integer/);
    expect(rejection(fixture('sp-metadata/several-acs.xml').replace('isDefault="true"', 'isDefault="yes"'))).toMatch(/isDefault "yes"; accepted: true, false, 1 or 0/);
  });

  test('rejects an EntityDescriptor without entityID', () => {
    expect(rejection(fixture('sp-metadata/default-namespace.xml').replace(' entityID="grafana.acme.example"', ''))).toMatch(/no entityID/);
  });
});

test('values from the metadata are quoted cut and with secret-looking parts replaced', () => {
  const location = `https://sp.example.com/acs?t=ghp_${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'}&pad=${'x'.repeat(10_000)}`;
  const xml = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sp.example.com"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="${location.replace(/&/g, '&amp;')}" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`;
  let message = '';
  try {
    parseSpMetadata(xml);
  } catch (err) {
    message = (err as Error).message;
  }
  expect(message).toMatch(/^has no AssertionConsumerService with the HTTP-POST binding \(found: "https:\/\/sp\.example\.com\/acs\?t=\(secret not shown\)/);
  expect(message).not.toContain('ghp_');
  expect(message.length).toBeLessThan(400);
});
