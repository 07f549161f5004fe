/**
 * An Okta expression (e.g. `${source.email}`) as Terraform must receive it.
 * Terraform's JSON syntax reads `${...}` and `%{...}` in any string as its own
 * template sequences, so they reach the JSON as `$${...}` and `%%{...}`.
 * Written by hand rather than with `Fn.rawString`, which also adds HCL
 * backslash escapes that JSON strings keep literally (`"` would become `\"`).
 */
export function oktaExpression(expression: string): string {
  return expression.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
