import * as fs from 'fs';
import * as path from 'path';
import { FieldProblem } from '../model/settings';
import { SpMetadata, SpMetadataError, parseSpMetadata } from '../model/sp-metadata';

export interface SpMetadataRead {
  readonly value?: { readonly metadata: SpMetadata; readonly source: string };
  readonly problems: FieldProblem[];
}

/** Where an integration's SP metadata file is: relative to the config dir, never absolute (output must not depend on the machine). */
export function spMetadataPath(configDir: string, file: string): string {
  return path.join(configDir, file).split(path.sep).join('/');
}

/**
 * Reads and parses the SP metadata file that config names (`spMetadata.file`).
 * Problems are reported on `spMetadata.file`, naming the file and what is wrong.
 */
export function readSpMetadata(configDir: string, spMetadata: { readonly file?: string; readonly url?: string } | undefined): SpMetadataRead {
  if (!spMetadata) return { problems: [] };
  const file = spMetadata.file;
  const field = 'spMetadata.file';
  if (file === undefined) return { problems: [{ field, message: 'missing required field spMetadata.file (the SP metadata XML, relative to the config directory)' }] };
  if (path.isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) {
    return { problems: [{ field, message: `SP metadata file ${JSON.stringify(file)} is an absolute path; accepted: a path relative to the config directory` }] };
  }
  const source = spMetadataPath(configDir, file);
  const fetchHint = spMetadata.url ? ` (download it from ${spMetadata.url} with: okta-sso fetch-metadata --config ${configDir})` : '';
  let text: string;
  try {
    if (!fs.statSync(source).isFile()) return { problems: [{ field, message: `SP metadata file ${source} is not a file; accepted: the SP's SAML metadata XML saved in the config directory` }] };
    text = fs.readFileSync(source, 'utf8');
  } catch {
    return { problems: [{ field, message: `SP metadata file ${source} not found${fetchHint}; accepted: the SP's SAML metadata XML, path relative to the config directory` }] };
  }
  try {
    return { value: { metadata: parseSpMetadata(text), source }, problems: [] };
  } catch (err) {
    if (err instanceof SpMetadataError) return { problems: [{ field, message: `SP metadata file ${source} ${err.message}` }] };
    throw err;
  }
}
