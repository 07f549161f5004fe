import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

/**
 * The one construct with `id` at the top of `scope`'s stack, created on first
 * use: for things declared once per stack however many integrations use them
 * (a provider per account, a shared role, a data source, the groups). Throws,
 * naming the paths, when `scope` is outside a stack or the id is taken by
 * another kind of construct.
 */
export function stackSingleton<T extends Construct>(scope: IConstruct, id: string, type: { readonly prototype: T; readonly name: string }, create: (stack: TerraformStack, id: string) => T): T {
  let stack: TerraformStack;
  try {
    stack = TerraformStack.of(scope);
  } catch {
    throw new Error(`${scope.node.path || '(the app)'}: cdktf-okta-sso constructs must be inside a TerraformStack; create them in your stack's constructor`);
  }
  const existing = stack.node.tryFindChild(id);
  if (existing === undefined) return create(stack, id);
  if (!(existing instanceof (type as unknown as new () => T))) {
    throw new Error(`${existing.node.path} is not a ${type.name}: the id ${JSON.stringify(id)} at the top of a stack is reserved for cdktf-okta-sso; rename that construct`);
  }
  return existing;
}
