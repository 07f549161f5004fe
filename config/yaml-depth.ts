import type { CST } from 'yaml';

/**
 * The deepest nesting of lists and maps a config file may have. Real configs
 * nest about six levels; the parsers, the schema check and every walk over
 * the data recurse, and a thousand levels overflow the stack.
 */
export const MAX_DEPTH = 64;

export const TOO_DEEP = `lists and maps are nested more than ${MAX_DEPTH} levels deep; accepted: at most ${MAX_DEPTH} levels (real configs need a few)`;

/**
 * The offset of the first list or map nested deeper than MAX_DEPTH in parsed
 * YAML tokens, if any. The `yaml` library's parser keeps its own stack (a
 * hundred thousand `[` parse), but composing a document recurses: this check
 * runs between the two, and walks with a stack of its own.
 */
export function tooDeepToken(tokens: readonly CST.Token[]): number | undefined {
  const stack: Array<{ token: CST.Token | null | undefined; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  let first: number | undefined;
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') stack.push({ token: token.value, depth });
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    // The first in the file, for the message: the walk is depth first, not in file order.
    if (depth + 1 > MAX_DEPTH) first = Math.min(first ?? token.offset, token.offset);
    else for (const item of token.items) stack.push({ token: item.key, depth: depth + 1 }, { token: item.value, depth: depth + 1 });
  }
  return first;
}

/** Whether plain data (a tree: the fast path has no aliases) nests lists and maps deeper than MAX_DEPTH. */
export function isTooDeep(data: unknown): boolean {
  return nestsDeeper(data, 0);
}

/**
 * Recursive, without a stack of its own: it stops at MAX_DEPTH, so it never recurses deeper than that, and it
 * allocates nothing per value (it runs over every value of every config file).
 */
function nestsDeeper(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth + 1 > MAX_DEPTH) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestsDeeper(value[i], depth + 1)) return true;
    return false;
  }
  // for-in over own keys, not Object.values: no array of values is made for each map of each config file.
  for (const key in value) if (Object.hasOwn(value, key) && nestsDeeper((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}
