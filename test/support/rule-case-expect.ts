import { RuleCase } from './rule-cases';

/** What runRuleCase (rule-case-runner.js) returns for one case. */
export interface RuleCaseResult {
  readonly error?: string;
  readonly warnings?: readonly string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The line of a multi-line message that holds `text`. */
export function lineWith(message: string | undefined, text: string): string | undefined {
  return message?.split('\n').find((l) => l.includes(text));
}

/**
 * Asserts that a case's code made its rule fire as a user sees it: an error (or
 * a warning) at the construct path and prop, with the case's text (the value
 * and what is accepted).
 */
export function expectRuleFired(c: RuleCase, result: RuleCaseResult): void {
  const at = new RegExp(`^${escape(`[prod/${c.code.id}] ${c.prop === undefined ? '' : `${c.prop}: `}`)}`);
  if (c.level === 'warning') {
    expect(result.error).toBeUndefined();
    expect(result.warnings?.find((w) => w.includes(c.text))).toMatch(at);
  } else {
    expect(result.error).toMatch(/^Validation failed with the following errors:/);
    expect(lineWith(result.error, c.text)?.trim()).toMatch(at);
  }
}
