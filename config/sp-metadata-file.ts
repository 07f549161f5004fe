import * as fs from 'fs';
import * as path from 'path';
import { SpMetadataDocument } from '../model/sp-metadata-document';

/** Where an integration's SP metadata file is: relative to the config dir, never absolute (output must not depend on the machine). */
export function spMetadataPath(configDir: string, file: string): string {
  return path.join(configDir, file).split(path.sep).join('/');
}

/**
 * Reads the SP metadata file that config names (`spMetadata.file`), relative to
 * the config directory. A file that cannot be read becomes a document carrying
 * the problem, which the integration's validation reports on `spMetadata.file`.
 */
export function readSpMetadata(configDir: string, spMetadata: { readonly file?: string; readonly url?: string } | undefined): SpMetadataDocument | undefined {
  if (!spMetadata) return undefined;
  const file = spMetadata.file;
  if (file === undefined) return SpMetadataDocument.unreadable('', 'missing required field spMetadata.file (the SP metadata XML, relative to the config directory)');
  if (path.isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) {
    return SpMetadataDocument.unreadable(file, `SP metadata file ${JSON.stringify(file)} is an absolute path; accepted: a path relative to the config directory`);
  }
  const source = spMetadataPath(configDir, file);
  const fetchHint = spMetadata.url ? ` (download it from ${spMetadata.url} with: okta-sso fetch-metadata --config ${configDir})` : '';
  let text: string;
  try {
    if (!fs.statSync(source).isFile()) return SpMetadataDocument.unreadable(source, `SP metadata file ${source} is not a file; accepted: the SP's SAML metadata XML saved in the config directory`);
    text = fs.readFileSync(source, 'utf8');
  } catch {
    return SpMetadataDocument.unreadable(source, `SP metadata file ${source} not found${fetchHint}; accepted: the SP's SAML metadata XML, path relative to the config directory`);
  }
  return SpMetadataDocument.fromXml(text, source);
}
