import { AppStatus, AttributeNameFormat, AttributePush, AttributeType, DigestAlgorithm, GroupFilterType, NameIdFormat, SignatureAlgorithm, UsernameFormat, choicesOf } from './choices';
import { FieldProblem, problem } from './problem';
import { RuleId } from './rule-catalog';
import { showValue } from './show-value';
import { AnySsoProps } from './sso-props';
import { Unresolved } from './unresolved';

type Choice = Readonly<Record<string, string>>;

/** Props whose value is one of a closed set, by prop path (`*` for each list item), with their words in messages. */
const CHOICE_PROPS: ReadonlyArray<readonly [string, string, Choice]> = [
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

/**
 * Values outside their closed set: TypeScript stops them in a typed app, but
 * not in JavaScript or through `as any`, and Terraform would get the value
 * as-is (a `status: toString` app) or a lookup by it would find nothing.
 */
export function checkChoices(props: AnySsoProps, isUnresolved: Unresolved): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [path, words, choice] of CHOICE_PROPS) {
    const accepted: readonly string[] = choicesOf(choice);
    for (const { at, value } of valuesAt(props, path.split('.'))) {
      if (value === undefined || (typeof value === 'string' && (accepted.includes(value) || isUnresolved(value)))) continue;
      problems.push(problem(RuleId.WELL_FORMED, at, `${words} ${showValue(value)} is not accepted; accepted: ${accepted.join(', ')}`));
    }
  }
  return problems;
}

/** The values at a prop path, own entries only; `*` takes each item of a list. */
function valuesAt(node: unknown, path: readonly string[], at: readonly string[] = []): Array<{ at: string; value: unknown }> {
  if (path.length === 0) return [{ at: at.join('.'), value: node }];
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(node) ? node.flatMap((item, i) => valuesAt(item, rest, [...at, String(i)])) : [];
  if (node === null || typeof node !== 'object' || !Object.hasOwn(node, head)) return [];
  return valuesAt((node as Record<string, unknown>)[head], rest, [...at, head]);
}
