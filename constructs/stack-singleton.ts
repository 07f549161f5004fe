import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/**
 * The one construct with `id` at the top of `scope`'s stack, created on first
 * use: for things declared once per environment however many integrations use
 * them (a provider per account, a shared role, a data source).
 */
export function stackSingleton<T extends Construct>(scope: Construct, id: string, create: (stack: TerraformStack, id: string) => T): T {
  const stack = TerraformStack.of(scope);
  return (stack.node.tryFindChild(id) as T | undefined) ?? create(stack, id);
}
