import { showPath } from '../model/show-value';
import { isPlainObject } from '../model/prop-strings';
import { TerraformElement, TerraformOutput, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { RULE_CATALOG } from '../model/rule-catalog';
import { secretPaths } from '../review/redact';
import { resolvedAsWritten, stackOverrides } from './stack-overrides';

const RULE = RULE_CATALOG['SSO-008'];

/**
 * SSO-008 over the whole stack: every string it emits to cdk.tf.json (groups
 * and their descriptions, push groups, variables' defaults, outputs, the
 * provider, anything else a stack declares), not only the SP apps. Resources of
 * an SP construct are left to its own SSO-008, which can be suppressed per
 * integration; `ownRules` are those constructs. Returns one message per
 * secret-looking value, naming its JSON path, never the value. `notScanned`:
 * text refused by a problem of its own (a secret-looking stack name), taken out
 * of every string and key before the scan; whatever else those hold is still scanned.
 */
export function stackSecretFindings(stack: TerraformStack, ownRules: ReadonlySet<IConstruct> = new Set(), notScanned: readonly string[] = []): string[] {
  const scanned = (value: unknown) => (notScanned.length === 0 ? value : without(value, notScanned));
  const found: string[] = [];
  const judgedByOwnRules = new Set<string>();
  for (const element of stack.node.findAll()) {
    if (!(element instanceof TerraformElement)) continue;
    if (element instanceof TerraformResource && element.node.scopes.some((s) => ownRules.has(s))) {
      judgedByOwnRules.add(`resource.${element.terraformResourceType}.${element.friendlyUniqueId}`);
      continue;
    }
    for (const at of secretPaths(scanned(emitted(element)), '')) {
      // Named by the construct that writes it: this check runs for the whole stack, not at that construct.
      found.push(`${RULE.id}: a secret-looking value (not shown) in ${at}, written by ${showPath(element.node.path)}; ${RULE.reason}; fix: ${RULE.fix}`);
    }
  }
  // cdktf merges the stack's own escape hatch (stack.addOverride) into cdk.tf.json over everything else, as it resolves it:
  // tokens produced, class instances as their fields, keys and `//` comments written too. An SP construct's resources are
  // judged with it merged in, by their own SSO-008.
  for (const at of secretPaths(scanned(resolvedAsWritten(stackOverrides(stack), stack)), '', { keysAndComments: true })) {
    // `resource.<type>.<name>` first: Terraform names hold no dot. The SP's own scan reads its keys and `//` comments too.
    if (judgedByOwnRules.has(at.split('.', 3).join('.').replace(/\[.*$/, ''))) continue;
    found.push(`${RULE.id}: a secret-looking value (not shown) in ${at}, written by ${showPath(stack.node.path)} (stack.addOverride); ${RULE.reason}; fix: ${RULE.fix}`);
  }
  return found;
}

/**
 * What an element writes to cdk.tf.json, for the scan. An output is read from
 * its fields and named by its construct id: its toTerraform(), or only its
 * logical ID asked this early, cost 3 s and 70 MB more of the whole synth at
 * 1,000 x 3 (one output per integration); its value's tokens hold no literal of
 * the user's anyway.
 */
function emitted(element: TerraformElement): unknown {
  if (!(element instanceof TerraformOutput)) return element.toTerraform();
  const overrides = (element as unknown as { rawOverrides: unknown }).rawOverrides;
  return { output: { [element.node.id]: { value: element.value, description: element.description, ...(overrides as object) } } };
}

/** `value` with each of `texts` cut out of its strings and keys (plain data only: the scan reads nothing else). */
function without(value: unknown, texts: readonly string[]): unknown {
  const cut = (s: string) => texts.reduce((out, t) => out.split(t).join(' '), s);
  if (typeof value === 'string') return cut(value);
  if (Array.isArray(value)) return value.map((v) => without(v, texts));
  if (!isPlainObject(value)) return value;
  // No prototype: a `__proto__` key is data here.
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(value)) {
    const c = cut(k);
    // A key that would become another once cut is kept whole: no value may drop out of the scan.
    out[c === k || Object.hasOwn(value, c) || Object.hasOwn(out, c) ? k : c] = without(v, texts);
  }
  return out;
}
