import { Fn } from 'cdktf';

/**
 * An Okta expression (e.g. `${source.email}`) as Terraform must receive it.
 * Terraform reads `${...}` as its own interpolation, so it has to reach the JSON
 * as `$${...}`; plain expressions such as `user.email` pass through unchanged.
 */
export function oktaExpression(expression: string): string {
  return expression.includes('${') || expression.includes('%{') ? Fn.rawString(expression) : expression;
}
