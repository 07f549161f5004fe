import { DOMParser } from '@xmldom/xmldom';
import { MAX_SP_METADATA_BYTES, parseSpMetadata } from '../../model/sp-metadata';
import { SpMetadataDocument } from '../../model/sp-metadata-document';

const HEAD = '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sp.example/metadata">';
const SP =
  '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
  '<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example/acs" index="0"/></md:SPSSODescriptor>';
const TAIL = '</md:EntityDescriptor>';
/** SP metadata with `extra` markup before its SPSSODescriptor. */
const metadataWith = (extra: string) => `${HEAD}${extra}${SP}${TAIL}`;

/** What parsing says: the entity ID, or the SpMetadataError message; any other error fails the test. */
function outcome(xml: string): string {
  try {
    return parseSpMetadata(xml).entityId;
  } catch (err) {
    expect((err as Error).name).toBe('SpMetadataError');
    expect((err as Error).message).not.toMatch(/RangeError|call stack|heap|Cannot read/);
    return (err as Error).message;
  }
}

describe('SP metadata size and shape limits', () => {
  afterEach(() => jest.restoreAllMocks());

  test('one size cap for a string from any source, said in bytes', () => {
    const over = metadataWith(`<!--${'a'.repeat(MAX_SP_METADATA_BYTES)}-->`);
    expect(outcome(over)).toBe(`is ${Buffer.byteLength(over)} bytes, more than ${MAX_SP_METADATA_BYTES}; accepted: the SP's SAML 2.0 metadata XML (a few kilobytes)`);
    expect(SpMetadataDocument.fromXml(over).problem).toMatch(/^SP metadata XML is \d+ bytes, more than 1048576;/);
  });

  test('a comment just under the cap is read', () => {
    expect(outcome(metadataWith(`<!--${'a'.repeat(MAX_SP_METADATA_BYTES - 1000)}-->`))).toBe('https://sp.example/metadata');
  });

  test('deep nesting just under the tag limit is read; more tags than any SP has are refused before parsing', () => {
    expect(outcome(metadataWith(`<md:Extensions>${'<x>'.repeat(24_000)}${'</x>'.repeat(24_000)}</md:Extensions>`))).toBe('https://sp.example/metadata');
    expect(outcome(metadataWith(`<md:Extensions>${'<x/>'.repeat(50_000)}</md:Extensions>`))).toBe(
      "is not SAML metadata: it has more than 50000 tags; accepted: the SP's SAML 2.0 metadata XML (tens of elements)",
    );
  });

  test('a DOCTYPE is refused before parsing, however many entities it declares', () => {
    const doctype = `<?xml version="1.0"?>\n<!-- saved -->\n<!DOCTYPE x [${'<!ENTITY a "b">'.repeat(40_000)}]>`;
    expect(outcome(`${doctype}${metadataWith('')}`)).toBe('has a DOCTYPE declaration; accepted: SAML metadata without a DTD');
  });

  test('a parser that runs out of stack is a document we cannot read, not an internal error', () => {
    jest.spyOn(DOMParser.prototype, 'parseFromString').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(outcome(metadataWith(''))).toBe("is not SAML metadata: its markup is too large or too deeply nested to read; accepted: the SP's SAML 2.0 metadata XML");
  });
});
