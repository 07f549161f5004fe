import * as fs from 'fs';
import { Document, Node, visit } from 'yaml';
import { ValueSource } from './plan';
import { parseYaml } from './yaml-edit';

/** Source files read for their quoting, by path; undefined for one that cannot be read again. */
export type SourceFiles = Map<string, { readonly text: string; readonly doc: Document } | undefined>;

/**
 * Strings quoted in the YAML files the source's values of an integration are
 * written in (the source's override wins over the shared entry), by value:
 * promoted strings keep that quoting. JSON quotes every string, so its files
 * say nothing about style.
 */
export function quotedIn(sources: readonly ValueSource[], parsed: SourceFiles): ReadonlyMap<string, string> {
  const quoted = new Map<string, string>();
  for (const { file, at } of sources) {
    if (file.endsWith('.json')) continue;
    if (!parsed.has(file)) {
      let read: { text: string; doc: Document } | undefined;
      try {
        const text = fs.readFileSync(file, 'utf8');
        read = { text, doc: parseYaml(text) };
      } catch {
        // Only a style hint: a source that cannot be read again gives none.
      }
      parsed.set(file, read);
    }
    const read = parsed.get(file);
    const node = read?.doc.getIn(at, true);
    if (!read || !node || typeof node !== 'object') continue;
    visit(node as Node, {
      Scalar(_key, scalar) {
        const written = scalar.range && read.text.slice(scalar.range[0], scalar.range[1]);
        if ((scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && typeof scalar.value === 'string' && written && !written.includes('\n')) quoted.set(scalar.value, written);
      },
    });
  }
  return quoted;
}
