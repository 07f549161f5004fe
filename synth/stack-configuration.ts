import { DefaultTokenResolver, StringConcat, TerraformElement, TerraformOutput, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { isPlainObject } from '../model/prop-strings';
import { isUnresolved } from '../model/unresolved';

/** How cdktf resolves a stack's elements when it synthesizes them. */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * A stack's configuration, what cdk.tf.json holds: the same as cdktf 0.21's
 * `TerraformStack.toTerraform()` gives, in time and memory linear in the stack.
 * cdktf merges each element's metadata by copying every list it extends (each
 * SAML app adds `"//"` to `metadata.overrides.okta_app_saml`: 50 million copies
 * for 10,000 apps), holds every element's resolved fragment before merging them,
 * and then resolves the whole merged configuration once more, though every part
 * of it is resolved already: at 10,000 integrations that second pass was a
 * quarter of synth's CPU and a full copy of the configuration in memory.
 *
 * The stack's own overrides (`stack.addOverride`) are merged unresolved, as
 * cdktf does, and not resolved after: undefined when they are not plain data
 * (a token, or an undefined that deletes), where only cdktf's own pass gives
 * the same result.
 */
export function stackConfiguration(stack: TerraformStack): Record<string, unknown> | undefined {
  // cdktf keeps the stack's overrides private; addOverride is how they are set.
  const overrides = (stack as unknown as { readonly rawOverrides: Record<string, unknown> }).rawOverrides;
  if (!isPlainData(overrides)) return undefined;
  const elements = elementsOf(stack);
  const merge = new LinearMerge();
  const metadata: Record<string, unknown> = {
    version: stack.node.tryGetContext('cdktfVersion'),
    stackName: stack.node.id,
    backend: 'local',
    ...(Object.keys(overrides).length > 0 ? { overrides: { stack: Object.keys(overrides) } } : {}),
  };
  // In cdktf's order: every element's metadata, the outputs, then every element's configuration (resolving can have effects).
  for (const element of elements) merge.into(metadata, resolved(stack, element.toMetadata()));
  const outputs: Record<string, unknown> = {};
  for (const element of elements) if (TerraformOutput.isTerraformOutput(element)) merge.into(outputs, outputPath(element));
  const configuration: Record<string, unknown> = { '//': { metadata, outputs } };
  for (const element of elements) merge.into(configuration, resolved(stack, element.toTerraform()));
  merge.into(configuration, overrides);
  return configuration;
}

/** A resolved element fragment: cdktf resolves only what may hold a token; the rest is plain data, copied as cdktf's resolve copies it. */
function resolved(stack: TerraformStack, value: unknown): Record<string, unknown> {
  return resolvedValue(stack, value, 0) as Record<string, unknown>;
}

/** How deep plain data is copied here; deeper, cdktf resolves it (and refuses what is circular). */
const MAX_PLAIN_DEPTH = 100;

/**
 * What cdktf's resolve gives for `value`. Most of a fragment is plain data (no token anywhere in it), which cdktf's resolve
 * copies key by key, dropping undefined, with a new resolution context for every key and value: half of synth's garbage at
 * 10,000 integrations. Plain data is copied here the same way; whatever may hold a token, or is not plain data, is handed
 * to cdktf as it is, with what it holds.
 */
function resolvedValue(stack: TerraformStack, value: unknown, depth: number): unknown {
  if (typeof value === 'string') return mayHoldToken(value) ? cdktfResolve(stack, value) : value;
  if (typeof value === 'number') return isUnresolved(value) ? cdktfResolve(stack, value) : value;
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? cdktfResolve(stack, value) : value;
  if (depth > MAX_PLAIN_DEPTH) return cdktfResolve(stack, value);
  if (Array.isArray(value)) {
    if (value.some((item) => (typeof item === 'string' && item.includes(TOKEN_MARK)) || (typeof item === 'number' && isUnresolved(item)))) return cdktfResolve(stack, value);
    const items: unknown[] = [];
    for (const item of value) {
      const copy = resolvedValue(stack, item, depth + 1);
      if (copy !== undefined) items.push(copy);
    }
    return items;
  }
  if (!isPlainObject(value) || Tokenization.isResolvable(value)) return cdktfResolve(stack, value);
  const record = value;
  const keys = Object.keys(record);
  if (keys.some((key) => mayHoldToken(key))) return cdktfResolve(stack, value);
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    const field = resolvedValue(stack, record[key], depth + 1);
    if (field !== undefined) copy[key] = field;
  }
  return copy;
}

/** What every cdktf token marker holds (`${TfToken[`, `#{TfToken[`, `&{TfToken[`). */
const TOKEN_MARK = 'TfToken[';
/** cdktf looks for number tokens written into a string with this pattern; a string it matches is left to cdktf. */
const NUMBER_IN_TEXT = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;

function mayHoldToken(text: string): boolean {
  return text.includes(TOKEN_MARK) || NUMBER_IN_TEXT.test(text);
}

function cdktfResolve(stack: TerraformStack, value: unknown): unknown {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });
}

/** The stack's Terraform elements in construct order, not those of a stack nested in it. */
function elementsOf(stack: TerraformStack): TerraformElement[] {
  const elements: TerraformElement[] = [];
  const visit = (node: IConstruct) => {
    if (TerraformElement.isTerraformElement(node)) elements.push(node);
    for (const child of node.node.children) if (!TerraformStack.isStack(child)) visit(child);
  };
  visit(stack);
  return elements;
}

/** `{ <stack>: { <construct>: ... { <output id>: <logical id> } } }`: where an output is in the tree, as cdktf records it. */
function outputPath(output: TerraformOutput): Record<string, unknown> {
  const parts = output.node.path.split('/');
  let value: unknown = output.friendlyUniqueId;
  for (let i = parts.length - 1; i >= 0; i--) value = { [parts[i]]: value };
  return value as Record<string, unknown>;
}

/**
 * cdktf's deepMerge on resolved data: objects merged key by key, a list that extends
 * another appended to it, undefined deleting the key. A list made by merging is
 * this merge's own, so it is extended in place instead of copied.
 */
class LinearMerge {
  private readonly ownLists = new WeakSet<unknown[]>();

  public into(target: Record<string, unknown>, source: Record<string, unknown>): void {
    for (const key of Object.keys(source)) {
      const value = source[key];
      const current = target[key];
      if (Array.isArray(value)) {
        if (!Array.isArray(current)) target[key] = value;
        else if (this.ownLists.has(current)) for (const item of value) current.push(item);
        else {
          const list = [...current, ...value];
          this.ownLists.add(list);
          target[key] = list;
        }
      } else if (typeof value === 'object' && value !== null) {
        if (typeof current !== 'object' || current === null) target[key] = {};
        this.into(target[key] as Record<string, unknown>, value as Record<string, unknown>);
      } else if (value === undefined) {
        delete target[key];
      } else {
        target[key] = value;
      }
    }
  }
}

/** JSON-like data with no token and no undefined: what resolving leaves as it is. */
function isPlainData(value: unknown): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'string' || typeof value === 'number') return !isUnresolved(value);
  if (Array.isArray(value)) return value.every(isPlainData);
  return isPlainObject(value) && Object.values(value).every(isPlainData);
}
