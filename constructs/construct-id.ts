import { Construct } from 'constructs';
import { secretKind } from '../model/secret-literals';
import { showValue } from '../model/show-value';

// Every JavaScript object has these members (toString, constructor, __proto__, valueOf...).
const OBJECT_MEMBER_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * `id` for a child of `scope`, refused with a clear message when it is the name of an Object.prototype member:
 * the constructs library keeps children in a plain object, so such an id fails there with "There is already
 * a Construct with name 'constructor'", which names neither the cause nor what would be accepted.
 */
export function childId(scope: Construct, id: string): string {
  const where = scope.node.path === '' ? 'the app' : scope.node.path;
  // A construct id is printed in every path, by cdktf's own messages too, where nothing can redact it: refused here, unquoted.
  const kind = typeof id === 'string' ? secretKind(undefined, id) : undefined;
  if (kind) throw new Error(`${where}: a construct id looks like ${kind} (value not shown); ids appear in construct paths, logical IDs and every message; accepted: a name, with secrets passed as SecretRef`);
  if (!OBJECT_MEMBER_NAMES.has(id)) return id;
  throw new Error(`${where}: construct id ${showValue(id)} is not accepted: every JavaScript object has a member of that name, which the constructs library takes for an existing child; accepted: any other id`);
}
