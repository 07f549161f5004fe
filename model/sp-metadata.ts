import type { Element } from '@xmldom/xmldom';
import { listSome, showValue } from './show-value';

/** SAML 2.0 metadata namespace: elements are matched by it, whatever prefix the file uses. */
export const SAML_METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
export const HTTP_POST_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/** One `AssertionConsumerService` entry of an SP's metadata. */
export interface AcsEndpoint {
  readonly binding: string;
  readonly location: string;
  readonly index: number;
  /** `isDefault` as written; undefined when the attribute is absent. */
  readonly isDefault?: boolean;
}

/** What the cross-checks need from an SP's SAML metadata. */
export interface SpMetadata {
  readonly entityId: string;
  /** Every ACS entry, in document order. */
  readonly acs: readonly AcsEndpoint[];
  /** The HTTP-POST ACS entries (the binding Okta uses), in document order. */
  readonly postAcs: readonly AcsEndpoint[];
  /** The HTTP-POST ACS an SP uses by default (SAML metadata spec 2.2.3 rules, applied to the POST entries). */
  readonly defaultPostAcs: AcsEndpoint;
  /** The SP's `NameIDFormat` URNs, trimmed, each once, in document order; empty when it lists none (no constraint). */
  readonly nameIdFormats: readonly string[];
}

/**
 * The largest SP metadata accepted, in bytes, wherever it comes from (a saved
 * file, a download, a string in code). One SP's metadata is a few kilobytes.
 * Far below what the XML parser can read: it overflows its stack on a comment
 * of 5 to 8 MB, depending on the stack it is called on.
 */
export const MAX_SP_METADATA_BYTES = 1024 * 1024;
/** SAML metadata of one SP has tens of elements; past this, parsing time grows faster than the text. */
const MAX_TAGS = 50_000;
const ACCEPTED = "accepted: the SP's SAML 2.0 metadata XML";

/** Why a metadata document cannot be used. */
export class SpMetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpMetadataError';
  }
}

/**
 * Parses an SP's SAML 2.0 metadata. Pure: takes the file's text, returns the
 * entity ID, ACS entries and NameID formats, or throws SpMetadataError saying what is wrong and
 * what is accepted.
 */
export function parseSpMetadata(xml: string): SpMetadata {
  const text = xml.replace(/^\uFEFF/, '').trimStart();
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > MAX_SP_METADATA_BYTES) throw new SpMetadataError(`is ${bytes} bytes, more than ${MAX_SP_METADATA_BYTES}; ${ACCEPTED} (a few kilobytes)`);
  if (text === '') throw new SpMetadataError(`is empty; ${ACCEPTED} (an md:EntityDescriptor)`);
  if (!text.startsWith('<')) throw new SpMetadataError(`is not XML (it does not start with "<"); ${ACCEPTED}`);
  checkBeforeParsing(text);
  let root: Element | null;
  try {
    // Loaded here, for the few configs that name a metadata file: the parser is the largest module validate would load otherwise.
    const { DOMParser, onWarningStopParsing } = require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
    // Warnings stop parsing too: xmldom otherwise recovers from broken markup and only logs it.
    const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'application/xml');
    // A DTD can declare entities; SAML metadata never needs one.
    if (doc.doctype) throw new SpMetadataError(DOCTYPE_PROBLEM);
    root = doc.documentElement;
  } catch (err) {
    if (err instanceof SpMetadataError) throw err;
    // The parser's regular expressions can run out of stack on a huge comment: that is a document we do not read, not a crash.
    if (err instanceof RangeError || /RangeError|call stack/.test(String((err as Error).message))) {
      throw new SpMetadataError(`is not SAML metadata: its markup is too large or too deeply nested to read; ${ACCEPTED}`);
    }
    const at = (err as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const where = at?.lineNumber ? ` at line ${at.lineNumber}, column ${at.columnNumber ?? 1}` : '';
    throw new SpMetadataError(`is not well-formed XML${where}: ${parserMessage((err as Error).message)}`);
  }
  if (!root) throw new SpMetadataError('is not XML (no root element)');
  const rootName = showValue(`{${root.namespaceURI ?? ''}}${root.localName}`);
  if (root.namespaceURI !== SAML_METADATA_NS || (root.localName !== 'EntityDescriptor' && root.localName !== 'EntitiesDescriptor')) {
    throw new SpMetadataError(
      `is not SAML 2.0 metadata: its root element is ${rootName}; accepted: {${SAML_METADATA_NS}}EntityDescriptor (or EntitiesDescriptor with one entity)`,
    );
  }

  const entities = root.localName === 'EntityDescriptor' ? [root] : children(root, 'EntityDescriptor', true);
  if (entities.length !== 1) {
    throw new SpMetadataError(`describes ${entities.length} entities; accepted: the metadata of exactly one SP (one EntityDescriptor)`);
  }
  const entity = entities[0];
  const entityId = entity.getAttribute('entityID') ?? '';
  if (entityId.trim() === '') throw new SpMetadataError('EntityDescriptor has no entityID; accepted: SAML metadata naming the SP\'s entity ID');

  const sps = children(entity, 'SPSSODescriptor', false);
  if (sps.length === 0) {
    const idp = children(entity, 'IDPSSODescriptor', false).length > 0;
    throw new SpMetadataError(
      `has no SPSSODescriptor${idp ? ' (it is identity provider metadata, perhaps Okta\'s own)' : ''}; accepted: the service provider's metadata`,
    );
  }
  if (sps.length > 1) throw new SpMetadataError(`has ${sps.length} SPSSODescriptor elements; accepted: one`);

  const acs = children(sps[0], 'AssertionConsumerService', false).map(toEndpoint);
  const seen = new Map<number, string>();
  for (const a of acs) {
    if (seen.has(a.index)) throw new SpMetadataError(`has two AssertionConsumerService entries with index ${a.index} (${showValue(seen.get(a.index))} and ${showValue(a.location)}); accepted: unique indexes`);
    seen.set(a.index, a.location);
  }
  const postAcs = acs.filter((a) => a.binding === HTTP_POST_BINDING);
  if (postAcs.length === 0) {
    const found = acs.length === 0 ? 'none' : listSome(acs.map((a) => `${showValue(a.location)} (${showValue(a.binding)})`));
    throw new SpMetadataError(`has no AssertionConsumerService with the HTTP-POST binding (found: ${found}); accepted: an ACS with Binding="${HTTP_POST_BINDING}", the binding Okta uses`);
  }
  const nameIdFormats = [...new Set(children(sps[0], 'NameIDFormat', false).map((e) => (e.textContent ?? '').trim()))].filter((f) => f !== '');
  return { entityId, acs, postAcs, defaultPostAcs: defaultEndpoint(postAcs), nameIdFormats };
}

const DOCTYPE_PROBLEM = 'has a DOCTYPE declaration; accepted: SAML metadata without a DTD';

/**
 * Refusals that need no parse, in one linear pass each: a DTD (its entity
 * declarations cost the parser far more than their size) and more tags than
 * any SP's metadata has.
 */
function checkBeforeParsing(text: string): void {
  let tags = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    if (++tags > MAX_TAGS) throw new SpMetadataError(`is not SAML metadata: it has more than ${MAX_TAGS} tags; ${ACCEPTED} (tens of elements)`);
  }
  const start = prologEnd(text);
  if (text.slice(start, start + 9).toUpperCase() === '<!DOCTYPE') throw new SpMetadataError(DOCTYPE_PROBLEM);
}

/** Where the XML declaration, comments, processing instructions and blanks that may precede a DOCTYPE end. */
function prologEnd(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at])) at++;
    const close = text.startsWith('<?', at) ? '?>' : text.startsWith('<!--', at) ? '-->' : undefined;
    const end = close === undefined ? -1 : text.indexOf(close, at);
    if (end === -1) return at;
    at = end + close!.length;
  }
}

/** SAML metadata 2.2.3: the first isDefault="true", else the first without isDefault="false", else the first. */
function defaultEndpoint(endpoints: readonly AcsEndpoint[]): AcsEndpoint {
  return endpoints.find((e) => e.isDefault === true) ?? endpoints.find((e) => e.isDefault === undefined) ?? endpoints[0];
}

function toEndpoint(e: Element): AcsEndpoint {
  const binding = e.getAttribute('Binding') ?? '';
  const location = e.getAttribute('Location') ?? '';
  const rawIndex = e.getAttribute('index');
  const rawDefault = e.getAttribute('isDefault');
  if (!location) throw new SpMetadataError('has an AssertionConsumerService without a Location; accepted: every ACS entry has Binding, Location and index');
  if (rawIndex === null || !/^\d+$/.test(rawIndex.trim())) {
    throw new SpMetadataError(`AssertionConsumerService ${showValue(location)} has index ${showValue(rawIndex)}; accepted: an unsigned integer index`);
  }
  let isDefault: boolean | undefined;
  if (rawDefault !== null) {
    const v = rawDefault.trim();
    if (v === 'true' || v === '1') isDefault = true;
    else if (v === 'false' || v === '0') isDefault = false;
    else throw new SpMetadataError(`AssertionConsumerService ${showValue(location)} has isDefault ${showValue(rawDefault)}; accepted: true, false, 1 or 0`);
  }
  return { binding, location: location.trim(), index: Number(rawIndex.trim()), isDefault };
}

/** Metadata elements named `localName` directly under `parent` (or anywhere below it when `deep`). */
function children(parent: Element, localName: string, deep: boolean): Element[] {
  if (deep) return Array.from(parent.getElementsByTagNameNS(SAML_METADATA_NS, localName));
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    const el = n as Element;
    if (n.nodeType === 1 && el.namespaceURI === SAML_METADATA_NS && el.localName === localName) out.push(el);
  }
  return out;
}

/** xmldom wraps the parser's message in `Reporting <level> "..." caused <handler>`; keep the message. */
function parserMessage(message: string): string {
  const line = message.split('\n')[0].trim();
  return /^Reporting \w+ "(.*)" caused \w+$/.exec(line)?.[1] ?? line;
}
