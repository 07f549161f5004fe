import type { Document, Node } from 'yaml';
import { embeddedSecretKind } from '../model/secret-literals';
import type { TextProblem } from './yaml-aliases';

/** The tags config's values may carry: YAML 1.2's core schema, and `!`, which says "plain text" (as js-yaml's fast path reads it). */
const ACCEPTED_TAGS: ReadonlySet<string> = new Set([...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`), '!']);

/**
 * The first node with a tag config does not read as written: `!!omap` and `!!set` become objects with no entries
 * (what they hold would skip every check), `!!binary` bytes, a custom `!tag` or `!!js/function` text that passes for a
 * plain value.
 * Returns where it is and what is accepted; a tag that looks like a secret is not named.
 */
export function checkTags(doc: Document, text: string): TextProblem | undefined {
  const { visit } = require('yaml') as typeof import('yaml');
  let found: TextProblem | undefined;
  visit(doc, (_key, node) => {
    const tag = (node as Node | null)?.tag;
    if (typeof tag !== 'string' || ACCEPTED_TAGS.has(tag)) return undefined;
    const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
    const named = shown.length <= 40 && embeddedSecretKind(shown) === undefined ? `the tag ${shown}` : 'a custom tag';
    found = { offset: tagOffset(text, (node as Node).range?.[0] ?? 0), message: `${named} is not accepted: config is plain maps, lists and values; accepted: the value without a tag` };
    return visit.BREAK;
  });
  return found;
}

/** Where the tag of the node starting at `offset` is written: the last `!` before it (only spaces, line breaks and an anchor lie between). */
function tagOffset(text: string, offset: number): number {
  let at = text.lastIndexOf('!', offset);
  // `!!omap`: the first of its marks.
  while (at > 0 && text[at - 1] === '!') at--;
  return at >= 0 && /^![^\s]*(?:\s+&[^\s]+)?\s*$/.test(text.slice(at, offset)) ? at : offset;
}
