import { readRegularFile } from './regular-file';
import { MAX_SP_METADATA_BYTES, SpMetadata, SpMetadataError, parseSpMetadata } from './sp-metadata';

/** An SP metadata file's text, or why it cannot be read: the size cap applies before any byte is read. */
export function readSpMetadataText(file: string): { text: string } | { why: string } {
  return readRegularFile(file, MAX_SP_METADATA_BYTES);
}

/**
 * An SP's SAML metadata, read when you create it. An unreadable or invalid
 * document is not thrown at you: the construct that takes it reports the
 * problem with its construct path, together with every other problem.
 *
 * ```ts
 * spMetadata: SpMetadataDocument.fromFile('sp-metadata/wiki-prod.xml')
 * ```
 */
export class SpMetadataDocument {
  /** Reads and parses a metadata file (path relative to the working directory, or absolute). */
  public static fromFile(file: string): SpMetadataDocument {
    const read = readSpMetadataText(file);
    return 'text' in read ? SpMetadataDocument.fromXml(read.text, file) : SpMetadataDocument.unreadable(file, `SP metadata file ${file} ${read.why}; accepted: the SP's SAML metadata XML`);
  }

  /** Parses metadata XML; `file` names where it came from, in messages. */
  public static fromXml(xml: string, file?: string): SpMetadataDocument {
    const source = file ?? 'XML given in code';
    try {
      return new SpMetadataDocument(source, parseSpMetadata(xml), undefined);
    } catch (err) {
      if (!(err instanceof SpMetadataError)) throw err;
      return new SpMetadataDocument(source, undefined, `SP metadata ${file === undefined ? 'XML' : `file ${file}`} ${err.message}`);
    }
  }

  /** A document that could not be read, with why (the config layer reads files itself, inside the config directory). */
  public static unreadable(source: string, problem: string): SpMetadataDocument {
    return new SpMetadataDocument(source, undefined, problem);
  }

  private constructor(
    /** Where the metadata came from, for messages. */
    public readonly source: string,
    /** The parsed metadata; undefined when `problem` is set. */
    public readonly metadata: SpMetadata | undefined,
    /** Why the document cannot be used, naming it and what is accepted. */
    public readonly problem: string | undefined,
  ) {}
}
