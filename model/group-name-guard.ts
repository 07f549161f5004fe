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

/** Whitespace HCL allows between the tokens of an interpolation, newlines included. */
const HCL_SPACE = '[ \\t\\r\\n]*';

function regexpText(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `condition` is the exact-name check for `name` in one of the hand-written forms that mean the same:
 * exactGroupNameCondition's, with any whitespace between the tokens, the operands swapped
 * (`${"Finance" == self.name}`), and at most one pair of parentheses around the comparison
 * (`${(self.name == "Engineering")}`). The literal must be the one hclStringLiteral writes, character for
 * character. Anything else is no guard: `|| true`, `self.name == self.name`, another name, another escape
 * of the same name, strip markers (`${~ ... ~}`), or any other expression. Anchored at both ends, so
 * nothing can follow the comparison.
 */
export function isExactGroupNameCondition(condition: unknown, name: string): boolean {
  if (typeof condition !== 'string') return false;
  if (condition === exactGroupNameCondition(name)) return true;
  const literal = regexpText(hclStringLiteral(name));
  const self = 'self\\.name';
  const comparison = `(?:${self}${HCL_SPACE}==${HCL_SPACE}${literal}|${literal}${HCL_SPACE}==${HCL_SPACE}${self})`;
  const expression = `(?:${comparison}|\\(${HCL_SPACE}${comparison}${HCL_SPACE}\\))`;
  return new RegExp(`^\\$\\{${HCL_SPACE}${expression}${HCL_SPACE}\\}$`).test(condition);
}
