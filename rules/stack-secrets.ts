import { showPath } from '../model/show-value';
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
 * secret-looking value, naming its JSON path, never the value.
 */
export function stackSecretFindings(stack: TerraformStack, ownRules: ReadonlySet<IConstruct> = new Set()): string[] {
  const found: string[] = [];
  const judgedByOwnRules = new Set<string>();
  for (const element of stack.node.findAll()) {
    if (!(element instanceof TerraformElement)) continue;
    if (element instanceof TerraformResource && element.node.scopes.some((s) => ownRules.has(s))) {
      judgedByOwnRules.add(`resource.${element.terraformResourceType}.${element.friendlyUniqueId}`);
      continue;
    }
    for (const at of secretPaths(emitted(element), '')) {
      // Named by the construct that writes it: this check runs for the whole stack, not at that construct.
      found.push(`${RULE.id}: a secret-looking value (not shown) in ${at}, written by ${showPath(element.node.path)}; ${RULE.reason}; fix: ${RULE.fix}`);
    }
  }
  // cdktf merges the stack's own escape hatch (stack.addOverride) into cdk.tf.json over everything else, as it resolves it:
  // tokens produced, class instances as their fields, keys and `//` comments written too. An SP construct's resources are
  // judged with it merged in, by their own SSO-008.
  for (const at of secretPaths(resolvedAsWritten(stackOverrides(stack), stack), '', { keysAndComments: true })) {
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
