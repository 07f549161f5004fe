import { PRE_ESCAPED_MESSAGE, isPreEscaped } from './pre-escaped';
import { FieldProblem, problem } from './problem';
import { RuleId } from './rule-catalog';
import { secretKind } from './secret-literals';
import { badCharacter } from './text-chars';
import { TOKEN_PLACEHOLDER, Unresolved } from './unresolved';

/** The longest string a prop may be: far above any Okta or SP setting (labels, URLs, templates, descriptions), far below what would slow synth. */
export const MAX_PROP_STRING = 65_536;

/** Free-text props, where tabs and line breaks are text (a YAML block scalar ends in one). */
const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['description', 'reason']);

/**
 * The checks on every string of an integration's props, in one walk: no
 * secret-looking literal (SSO-106: secrets enter only as SecretRef), no control,
 * zero-width or bidirectional-control character (SSO-101) and no pre-escaped
 * Terraform template (SSO-105). Values that are Terraform tokens
 * are skipped, and so are SecretRef and SpMetadataDocument values (not text).
 */
export function checkPropStrings(props: object, isUnresolved: Unresolved): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // Where the walk is, one array for the whole walk: a prop path string is made only for a problem (fieldOf).
  const at: Array<string | number> = [];
  const walk = (value: unknown, name: string | number | undefined) => {
    if (typeof value === 'string') {
      if (value.length > MAX_PROP_STRING) {
        // Judged by its length alone: the other checks of a huge string are work for nothing (and a secret scan of 100 MB).
        problems.push(problem(RuleId.WELL_FORMED, fieldOf(at), `is ${value.length} characters long; accepted: at most ${MAX_PROP_STRING} (no Okta or SP setting is longer)`));
        return;
      }
      if (isUnresolved(value)) {
        // cdktf writes a token inside a template sequence as bare text (`var.domain`), not as its value.
        if (tokenInsideTemplate(value)) problems.push(problem(RuleId.UNESCAPED, fieldOf(at), TOKEN_IN_TEMPLATE_MESSAGE));
        return;
      }
      const kind = secretKind(name, value);
      const bad = badCharacter(value, typeof name === 'string' && MULTILINE_FIELDS.has(name));
      if (kind) {
        problems.push(
          problem(
            RuleId.NO_SECRET_INPUT,
            fieldOf(at),
            `looks like ${kind} (value not shown); secrets never go in props or config: keep the secret in a secret store and pass where it lives (SecretRef.fromEnv or SecretRef.fromStore; in config env:NAME or secret:<store path>)`,
          ),
        );
      } else if (bad) {
        problems.push(problem(RuleId.WELL_FORMED, fieldOf(at), bad));
      } else if (isPreEscaped(value)) {
        problems.push(problem(RuleId.UNESCAPED, fieldOf(at), PRE_ESCAPED_MESSAGE));
      }
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        walk(value[i], i);
        at.pop();
      }
      return;
    }
    if (!isPlainObject(value)) return;
    // for-in over own keys: neither a list of keys nor a [key, value] pair is made for each value of each integration's props.
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      // Keys are names too (catalog app settings, adopted IDs by group name); the path cannot show such a key, so its parent is named.
      const bad = badCharacter(k);
      if (bad) problems.push(problem(RuleId.WELL_FORMED, fieldOf(at), `has a key that ${bad}`));
      else {
        at.push(k);
        walk(value[k], k);
        at.pop();
      }
    }
  };
  walk(props, undefined);
  return problems;
}

const TOKEN_IN_TEMPLATE_MESSAGE =
  'holds a Terraform token inside an Okta expression (`${...}` or `%{...}`): cdktf would write the reference as text (such as var.domain), ' +
  "so every user would get that text; accepted: the token outside the expression, or the whole value as one token (a variable holding the template)";

/** Whether a token placeholder sits inside a `${...}` or `%{...}` sequence of the text (one pass, braces counted). */
export function tokenInsideTemplate(value: string): boolean {
  let depth = 0;
  const parts = value.split(TOKEN_PLACEHOLDER);
  for (let p = 0; p < parts.length; p++) {
    if (p % 2 === 1) {
      if (depth > 0) return true;
      continue;
    }
    const text = parts[p];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if ((c === '$' || c === '%') && text[i + 1] === '{') {
        depth++;
        i++;
      } else if (c === '{' && depth > 0) depth++;
      else if (c === '}' && depth > 0) depth--;
    }
  }
  return false;
}

/** A prop path as problems name it (`attributes.0.values.1`); an empty segment is dropped where it leads, as the walk always wrote it. */
function fieldOf(at: ReadonlyArray<string | number>): string {
  let field = '';
  for (const segment of at) field = field ? `${field}.${segment}` : String(segment);
  return field;
}

/** Plain data, as opposed to a class instance (SecretRef, SpMetadataDocument, a token). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
