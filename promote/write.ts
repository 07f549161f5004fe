import * as fs from 'fs';
import { Document, Pair, Scalar, YAMLMap, isMap, parseDocument } from 'yaml';
import { keepLineFormatting } from '../config/yaml-format';
import { PromotePlan } from './plan';

function split(path: string): string[] {
  return path.split('.');
}

/** Removes maps left empty by a deletion, up to (not including) the integration's own map. */
function prune(doc: Document, base: string[], path: string[]): void {
  for (let n = path.length - 1; n > 0; n--) {
    const at = [...base, ...path.slice(0, n)];
    const node = doc.getIn(at, true);
    if (isMap(node) && node.items.length === 0) doc.deleteIn(at);
    else return;
  }
}

/**
 * Applies a promotion plan to the target's config file in place through the
 * `yaml` Document API, so comments, key order and the target's env-specific
 * values stay as they are. Returns whether the file changed.
 */
export function writePromotion(plan: PromotePlan, file: string = plan.targetFile): boolean {
  // Nothing to promote: the file is not even parsed, so nothing in it can be re-emitted differently.
  if (plan.integrations.every((i) => i.kind === 'only-in-target')) return false;
  const text = fs.readFileSync(file, 'utf8');
  const json = file.endsWith('.json');
  const doc = parseDocument(text, { keepSourceTokens: false });
  const integrationsAt = ['environments', plan.to, 'integrations'];
  if (!isMap(doc.getIn(integrationsAt, true))) doc.setIn(integrationsAt, doc.createNode({}));

  for (const item of plan.integrations) {
    const base = [...integrationsAt, item.key];
    if (item.kind === 'only-in-target') continue;
    if (item.kind === 'missing') {
      const node = new YAMLMap();
      const key = new Scalar(item.key);
      key.commentBefore = ` promoted from ${plan.from}${item.needsValues.length ? `; set ${plan.to}'s own values for: ${item.needsValues.join(', ')}` : ''}`;
      (doc.getIn(integrationsAt, true) as YAMLMap).items.push(new Pair(key, node));
      for (const [path, value] of Object.entries(item.fields)) doc.setIn([...base, ...split(path)], doc.createNode(value));
      if (node.items.length === 0) node.flow = true;
      continue;
    }
    // An integration enabled with no override (`key:` or `key: {}`) has no map to set into yet.
    if (!isMap(doc.getIn(base, true))) doc.setIn(base, new YAMLMap());
    for (const change of item.changes) {
      const at = [...base, ...split(change.path)];
      if (change.kind === 'set') {
        doc.setIn(at, doc.createNode(change.to));
      } else {
        doc.deleteIn(at);
        prune(doc, base, split(change.path));
      }
    }
    const node = doc.getIn(base, true);
    if (isMap(node) && node.items.length === 0) node.flow = true;
  }

  // lineWidth 0: a long line the edit did not touch stays one line (yaml folds at 80 characters by default).
  const out = json ? `${JSON.stringify(doc.toJS(), null, 2)}\n` : keepLineFormatting(text, doc.toString({ lineWidth: 0 }));
  if (out === text) return false;
  fs.writeFileSync(file, out);
  return true;
}
