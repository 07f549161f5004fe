import type { Document, Node } from 'yaml';
import { showValue } from '../model/show-value';

/**
 * The first key written twice in one map, at its second place. The `yaml`
 * library's own `uniqueKeys` check compares each key with every earlier one
 * (11,000 keys in one map: 3 s); this one keeps a set per map, so a file is
 * checked in time linear in its size.
 */
export function duplicateKey(doc: Document, lineOf: (offset: number) => number): { offset: number; message: string } | undefined {
  const { isMap, isPair, isScalar, isSeq } = require('yaml') as typeof import('yaml');
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Map<string, Node>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) {
          const name = String(pair.key.value);
          const first = seen.get(name);
          const offset = pair.key.range?.[0];
          if (first && offset !== undefined) {
            return { offset, message: `duplicate key ${showValue(name)} in this map (first at line ${lineOf(first.range?.[0] ?? 0)}); accepted: each key once per map` };
          }
          seen.set(name, pair.key);
        }
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      pending.push(...node.items);
    }
  }
  return undefined;
}
