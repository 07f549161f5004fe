import { AppStatus, AttributeNameFormat, AttributePush, AttributeType, DigestAlgorithm, GroupFilterType, NameIdFormat, SignatureAlgorithm, UsernameFormat, choicesOf } from './choices';
import { FieldProblem, problem } from './problem';
import { RuleId } from './rule-catalog';
import { showValue } from './show-value';
import { AnySsoProps } from './sso-props';
import { Unresolved } from './unresolved';

type Choice = Readonly<Record<string, string>>;

/** Props whose value is one of a closed set, by prop path (`*` for each list item), with their words in messages. */
const CHOICES: ReadonlyArray<readonly [string, string, Choice]> = [
  ['username.format', 'username format', UsernameFormat],
  ['nameId.format', 'NameID format', NameIdFormat],
  ['signing.algorithm', 'signature algorithm', SignatureAlgorithm],
  ['signing.digest', 'digest algorithm', DigestAlgorithm],
  ['status', 'app status', AppStatus],
  ['attributes.*.nameFormat', 'attribute name format', AttributeNameFormat],
  ['groupAttribute.nameFormat', 'attribute name format', AttributeNameFormat],
  ['groupAttribute.filter.type', 'group filter type', GroupFilterType],
  ['attributeSync.*.push', 'attribute push', AttributePush],
  ['attributeSync.*.custom.type', 'attribute type', AttributeType],
];

/** The same, each path split and each set's values listed once: checkChoices runs for every integration in every environment. */
const CHOICE_PROPS = CHOICES.map(([path, words, choice]) => ({ path: path.split('.'), words, accepted: choicesOf(choice) as readonly string[] }));

/**
 * Values outside their closed set: TypeScript stops them in a typed app, but
 * not in JavaScript or through `as any`, and Terraform would get the value
 * as-is (a `status: toString` app) or a lookup by it would find nothing.
 */
export function checkChoices(props: AnySsoProps, isUnresolved: Unresolved): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const { path, words, accepted } of CHOICE_PROPS) {
    forEachValueAt(props, path, (value, at) => {
      if (value === undefined || (typeof value === 'string' && (accepted.includes(value) || isUnresolved(value)))) return;
      problems.push(problem(RuleId.WELL_FORMED, at.join('.'), `${words} ${showValue(value)} is not accepted; accepted: ${accepted.join(', ')}`));
    });
  }
  return problems;
}

/**
 * Calls `visit` with each value at a prop path and where it is, own entries only; `*` takes each item of a list.
 * `at` is one array for the whole walk, changed after `visit` returns: only a problem's place is joined.
 */
function forEachValueAt(node: unknown, path: readonly string[], visit: (value: unknown, at: readonly string[]) => void, at: string[] = []): void {
  const depth = at.length;
  if (depth === path.length) return visit(node, at);
  const head = path[depth];
  if (head === '*') {
    if (!Array.isArray(node)) return;
    for (let i = 0; i < node.length; i++) {
      at.push(String(i));
      forEachValueAt(node[i], path, visit, at);
      at.pop();
    }
    return;
  }
  if (node === null || typeof node !== 'object' || !Object.hasOwn(node, head)) return;
  at.push(head);
  forEachValueAt((node as Record<string, unknown>)[head], path, visit, at);
  at.pop();
}
