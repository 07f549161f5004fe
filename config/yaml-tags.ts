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
    const offset = (node as Node).range?.[0] ?? 0;
    const written = tagWritten(text, offset);
    // As written (`!e!foo`, not the URI its %TAG directive makes of it), else in the short form of YAML's own tags.
    const shown = written?.text ?? (tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag);
    const named = shown.length <= 40 && embeddedSecretKind(shown) === undefined ? `the tag ${shown}` : 'a custom tag';
    found = { offset: written?.offset ?? offset, message: `${named} is not accepted: config is plain maps, lists and values; accepted: the value without a tag` };
    return visit.BREAK;
  });
  return found;
}

/**
 * The tag of the node whose text starts at `offset`, as written and where: read backwards over what may lie between a
 * tag and its value (spaces, line breaks, a comment, an anchor). Undefined when what is there is not a tag.
 */
function tagWritten(text: string, offset: number): { readonly offset: number; readonly text: string } | undefined {
  let end = offset;
  for (let steps = 0; steps < 64; steps++) {
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    const comment = /(^|\s)#/.exec(text.slice(lineStart, end));
    if (comment) {
      end = lineStart + comment.index;
      continue;
    }
    // The token that ends here: a verbatim tag (`!<tag:...,2002:omap>`) may hold a comma, others stop at flow punctuation.
    const verbatim = text[end - 1] === '>' ? text.lastIndexOf('!<', end) : -1;
    let start = verbatim >= lineStart ? verbatim : end;
    if (verbatim < lineStart) while (start > lineStart && !/[\s[{,]/.test(text[start - 1])) start--;
    const token = text.slice(start, end);
    if (token.startsWith('&')) {
      end = start;
      continue;
    }
    return token.startsWith('!') ? { offset: start, text: token } : undefined;
  }
  return undefined;
}
