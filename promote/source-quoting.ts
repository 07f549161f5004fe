import { Document, Node, visit } from 'yaml';
import { ValueSource } from './plan';
import { parseYaml } from '../yaml-edit/edit';

/** Source files parsed for their quoting, by path; undefined for one the editor's parser refuses. */
export type SourceFiles = Map<string, Document | undefined>;

/**
 * Strings quoted in the YAML files the source's values of an integration are
 * written in (the source's override wins over the shared entry), by value:
 * promoted strings keep that quoting. JSON quotes every string, so its files
 * say nothing about style.
 */
export function quotedIn(sources: readonly ValueSource[], parsed: SourceFiles): ReadonlyMap<string, string> {
  const quoted = new Map<string, string>();
  for (const { file, text, at } of sources) {
    if (file.endsWith('.json')) continue;
    if (!parsed.has(file)) {
      let doc: Document | undefined;
      try {
        doc = parseYaml(text);
      } catch {
        // Only a style hint: a source the editor cannot parse gives none.
      }
      parsed.set(file, doc);
    }
    const node = parsed.get(file)?.getIn(at, true);
    if (!node || typeof node !== 'object') continue;
    visit(node as Node, {
      Scalar(_key, scalar) {
        const written = scalar.range && text.slice(scalar.range[0], scalar.range[1]);
        if ((scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && typeof scalar.value === 'string' && written && !written.includes('\n')) quoted.set(scalar.value, written);
      },
    });
  }
  return quoted;
}
