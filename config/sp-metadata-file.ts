import * as path from 'path';
import { readSpMetadataText, SpMetadataDocument } from '../model/sp-metadata-document';
import { showValue } from '../model/show-value';
import { badCharacter } from '../model/text-chars';
import { resolveInside } from './inside-dir';

/** Where an integration's SP metadata file is: relative to the config dir, never absolute (output must not depend on the machine). */
export function spMetadataPath(configDir: string, file: string): string {
  return path.join(configDir, file).split(path.sep).join('/');
}

const ACCEPTED_PLACE = 'accepted: a path relative to the config directory, to a file inside it';

/**
 * The real path of the SP metadata file that config names, for reading or
 * writing, or why config may not name it: it must be relative, and resolve
 * (symlinks followed) inside the config directory, so that neither validate
 * nor fetch-metadata ever reads or writes a file elsewhere.
 */
export function spMetadataLocation(configDir: string, file: string): { path: string } | { problem: string } {
  // Named by code point, never printed: a NUL would reach the terminal, and the file system refuses it with an internal error code.
  const bad = badCharacter(file);
  if (bad !== undefined) return { problem: `SP metadata file path ${bad}` };
  if (path.isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) return { problem: `SP metadata file ${showValue(file)} is an absolute path; ${ACCEPTED_PLACE}` };
  const inside = resolveInside(configDir, file);
  return 'path' in inside ? inside : { problem: `SP metadata file ${showValue(file)} ${inside.why}; ${ACCEPTED_PLACE}` };
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
  const source = spMetadataPath(configDir, file);
  const location = spMetadataLocation(configDir, file);
  if ('problem' in location) return SpMetadataDocument.unreadable(source, location.problem);
  const read = readSpMetadataText(location.path);
  if ('text' in read) return SpMetadataDocument.fromXml(read.text, source);
  const fetchHint = read.why === 'not found' && spMetadata.url ? ` (download it from ${showValue(spMetadata.url)} with: okta-sso fetch-metadata --config ${configDir})` : '';
  return SpMetadataDocument.unreadable(source, `SP metadata file ${source} ${read.why}${fetchHint}; accepted: the SP's SAML metadata XML, path relative to the config directory`);
}
