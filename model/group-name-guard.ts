/**
 * The exact-name check on a group lookup, without cdktf: synth writes it
 * (constructs/group-name-guard.ts) and the review recognises it
 * (review/group-lookup-guard.ts) from this one definition.
 *
 * `data "okta_group"` finds a group with Okta's starts-with search and, when
 * one group matches, returns it whatever its name (okta/okta
 * data_source_okta_group.go: "a fuzzy match is acceptable if query only
 * returns one group"). The data source sets `name` to the group it found, so a
 * postcondition comparing it with the name asked for makes the plan fail
 * instead of the wrong group getting the app.
 */

/** An HCL escape for each character a quoted string literal cannot hold as it is; `${` and `%{` would start a template sequence. */
const HCL_ESCAPE = /[\\"\u0000-\u001f\u007f]|[$%]\{/g;

/**
 * A group name as an HCL quoted string literal inside a Terraform expression:
 * backslash and double quote escaped, and `${`/`%{` kept from starting a
 * template sequence (`$${`, `%%{`). Group names are checked for control
 * characters before they get here (SSO-101); any left are escaped too, so the
 * condition stays valid.
 */
export function hclStringLiteral(text: string): string {
  const escaped = text.replace(HCL_ESCAPE, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '"') return '\\"';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    if (c.length === 2) return `${c[0]}${c}`;
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/** The postcondition's condition for a lookup of `name` (the name as config writes it, not escaped for Terraform): `${self.name == "Engineering"}`. */
export function exactGroupNameCondition(name: string): string {
  return `\${self.name == ${hclStringLiteral(name)}}`;
}
