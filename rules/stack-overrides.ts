import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { isTokenObject } from '../model/unresolved';

const AS_WRITTEN = new DefaultTokenResolver(new StringConcat());

/**
 * `value` as cdktf writes it into cdk.tf.json: tokens produced (a Lazy's value, a reference's expression), class instances as
 * their fields. As given when it cannot be resolved here (the rules then judge what they can read).
 */
export function resolvedAsWritten<T>(value: T, scope: IConstruct): T {
  try {
    return Tokenization.resolve(value, { scope, resolver: AS_WRITTEN }) as T;
  } catch {
    return value;
  }
}

/**
 * What `stack.addOverride(path, value)` has set, by its path: cdktf merges these into cdk.tf.json last, over every
 * element's own output, so the checks of what a stack writes must see them too (a secret set as
 * `provider.okta.0.api_token`, or `resource.okta_app_saml.<key>.signature_algorithm` set to SHA-1).
 */
export function stackOverrides(stack: TerraformStack): Readonly<Record<string, unknown>> {
  const raw = (stack as unknown as { rawOverrides?: unknown }).rawOverrides;
  return raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
}

/**
 * A resource's body as cdk.tf.json will hold it: `body` with the stack's overrides of that resource merged over it,
 * as cdktf merges them (maps key by key, a list's item by its index, lists appended, `undefined` removes the key, a
 * token set whole). `body` is not changed.
 */
export function withStackOverrides(stack: TerraformStack, type: string, name: string, body: Record<string, unknown>): Record<string, unknown> {
  const over = at(stackOverrides(stack), ['resource', type, name]);
  return isMergedMap(over) ? mergeLikeCdktf(structuredCloneOf(body) as Record<string, unknown>, over) : body;
}

/** What the stack's overrides set on one resource (`stack.addOverride('resource.<type>.<name>.<argument>', ...)`), by argument; undefined when none does. */
export function stackOverridesOf(stack: TerraformStack, type: string, name: string): Readonly<Record<string, unknown>> | undefined {
  const over = at(stackOverrides(stack), ['resource', type, name]);
  return isMergedMap(over) ? over : undefined;
}

/**
 * The stack override that takes a resource out of cdk.tf.json (`stack.addOverride('resource.okta_app_saml.wiki',
 * undefined)`, or `resource` replaced by something that is not a map), by its path; undefined when none does.
 * Terraform would destroy what is gone from the configuration, prevent_destroy and all.
 */
export function removedByStackOverride(stack: TerraformStack, type: string, name: string): string | undefined {
  let node: unknown = stackOverrides(stack);
  const path: string[] = [];
  for (const key of ['resource', type, name]) {
    if (!isMap(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
    path.push(key);
    if (!isMergedMap(node)) return path.join('.');
  }
  return undefined;
}

function at(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const key of path) node = isMap(node) && Object.hasOwn(node, key) ? node[key] : undefined;
  return node;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy deep enough that merging into it leaves the resource's own output as it was (tokens are kept as they are). */
function structuredCloneOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneOf);
  if (!isMergedMap(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = structuredCloneOf(value[key]);
  return out;
}

/** What cdktf merges into, field by field (a class instance's own fields too); a token is set whole. */
function isMergedMap(value: unknown): value is Record<string, unknown> {
  return isMap(value) && !isTokenObject(value);
}

function mergeLikeCdktf(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (isMergedMap(value)) {
      // As cdktf: anything but an object there becomes one; a list is an object too, so `group.0.priority` merges into its item.
      // A token there is not merged into (cdktf refuses that at synth), nor changed: a copy stands for it.
      if (typeof target[key] !== 'object' || target[key] === null || isTokenObject(target[key])) target[key] = {};
      mergeLikeCdktf(target[key] as Record<string, unknown>, value);
    } else if (Array.isArray(value)) target[key] = Array.isArray(target[key]) ? [...(target[key] as unknown[]), ...value] : value;
    else if (value === undefined) delete target[key];
    else target[key] = value;
  }
  return target;
}
