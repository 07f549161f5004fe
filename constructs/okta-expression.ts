import { TOKEN_PLACEHOLDER } from '../model/unresolved';

/**
 * An Okta expression (e.g. `${source.email}`) as Terraform must receive it.
 * Terraform's JSON syntax reads `${...}` and `%{...}` in any string as its own
 * template sequences, so they reach the JSON as `$${...}` and `%%{...}`.
 * Written by hand rather than with `Fn.rawString`, which also adds HCL
 * backslash escapes that JSON strings keep literally (`"` would become `\"`).
 */
export function oktaExpression(expression: string): string {
  // Both sequences need a `{`: most values (labels, URLs, attribute names) have none and are returned as they are, unsearched.
  if (!expression.includes('{')) return expression;
  // A Terraform token (a variable, another resource's attribute) is cdktf's to resolve: only the text around it is escaped.
  if (!expression.includes('{TfToken[')) return escapeTemplates(expression);
  return expression
    .split(TOKEN_PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? part : escapeTemplates(part)))
    .join('');
}

function escapeTemplates(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * Any user-written string (label, URL, group name...) as a Terraform literal:
 * `${` and `%{` must not start a Terraform template sequence. Terraform tokens
 * (references to other resources) are left to cdktf.
 */
export function terraformLiteral<T extends string | undefined>(value: T): T {
  return (value === undefined ? value : oktaExpression(value)) as T;
}
