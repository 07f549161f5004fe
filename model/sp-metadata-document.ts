import * as fs from 'fs';
import { SpMetadata, SpMetadataError, parseSpMetadata } from './sp-metadata';

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
    let text: string;
    try {
      if (!fs.statSync(file).isFile()) return SpMetadataDocument.unreadable(file, `SP metadata file ${file} is not a file; accepted: the SP's SAML metadata XML`);
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : 'not found';
      return SpMetadataDocument.unreadable(file, `SP metadata file ${file} ${why}; accepted: the SP's SAML metadata XML`);
    }
    return SpMetadataDocument.fromXml(text, file);
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
