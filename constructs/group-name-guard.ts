import { Postcondition } from 'cdktf';
import { oktaExpression } from './okta-expression';

/**
 * A group name as an HCL quoted string literal inside a Terraform expression:
 * backslash and double quote escaped, and `${`/`%{` kept from starting a
 * template sequence. Group names are checked for control characters before
 * they get here (SSO-101); any left are escaped too, so the condition stays valid.
 */
export function hclStringLiteral(text: string): string {
  const escaped = text.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '"') return '\\"';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${oktaExpression(escaped)}"`;
}

/**
 * The postcondition every `data "okta_group"` lookup carries. Okta's group
 * search is starts-with, and the provider accepts a single match whatever its
 * name ("a fuzzy match is acceptable if query only returns one group",
 * data_source_okta_group.go): config naming `Engineering` where only
 * `Engineering-Dev` exists would assign `Engineering-Dev`. The data source sets
 * `name` to the group it found, so comparing it with the name asked for turns
 * that into a plan error instead of the wrong group getting the app.
 */
export function exactGroupNameGuard(name: string): Postcondition {
  return {
    condition: `\${self.name == ${hclStringLiteral(name)}}`,
    errorMessage: `Okta has no group named exactly "${oktaExpression(name)}": its starts-with search found only "\${self.name}", a different group, which would get the app. Create the group in Okta (or set create: true in the config), or correct the group name.`,
  };
}
