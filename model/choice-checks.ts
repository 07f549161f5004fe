import { AppStatus, AttributeNameFormat, AttributePush, AttributeType, ConnectorAuthType, DigestAlgorithm, GroupFilterType, NameIdFormat, SignatureAlgorithm, UsernameFormat, choicesOf } from './choices';
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
  ['provisioning.connector.auth.type', 'connector authorization type', ConnectorAuthType],
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
  // One visitor and one path array for all the props: this runs for every integration in every environment.
  let choice = CHOICE_PROPS[0];
  const visit = (value: unknown, at: readonly string[]) => {
    const { words, accepted } = choice;
    if (value === undefined || (typeof value === 'string' && (accepted.includes(value) || isUnresolved(value)))) return;
    problems.push(problem(RuleId.WELL_FORMED, at.join('.'), `${words} ${showValue(value)} is not accepted; accepted: ${accepted.join(', ')}`));
  };
  const at: string[] = [];
  for (choice of CHOICE_PROPS) forEachValueAt(props, choice.path, visit, at);
  return problems;
}

/** Props that are true or false, by prop path: a Terraform token there (a bool variable) would be judged by its placeholder object, always true. */
const BOOLEANS = [
  'showInDashboard',
  'honorForceAuthn',
  'idpLoginAllowed',
  'scim',
  'signing.responseSigned',
  'signing.assertionSigned',
  'provisioning.connected',
  'provisioning.terraformManaged',
  'provisioning.importGroups',
  'provisioning.enhancedGroupPush',
  'provisioning.features.createUsers',
  'provisioning.features.updateAttributes',
  'provisioning.features.deactivateUsers',
  'provisioning.features.syncPassword',
  'provisioning.pushGroups.*.deleteTargetGroupOnDestroy',
].map((p) => p.split('.'));

/**
 * Text that synth must know, by prop path, and why: a Terraform token there would name a Terraform address or a
 * lookup by cdktf's placeholder, which changes from run to run.
 */
const KNOWN_AT_SYNTH: ReadonlyArray<readonly [string[], string]> = [
  [['groups', '*'], 'a group name names the group\'s Terraform address and its lookup by exact name'],
  [['groups', '*', 'name'], 'a group name names the group\'s Terraform address and its lookup by exact name'],
  [['provisioning', 'pushGroups', '*', 'group'], 'a push group names its Terraform address'],
  [['attributeSync', '*', 'attribute'], 'an attribute name names its Terraform address'],
  [['renamedFrom'], 'it names the Terraform addresses moved from'],
];

/**
 * Values synth must know that are Terraform tokens, and booleans that are not true or false: TypeScript stops most in a
 * typed app, not a token cast to a boolean (Token.asAny) or JavaScript, and synth would write a constant or a
 * run-dependent address instead.
 */
export function checkKnownAtSynth(props: AnySsoProps, isUnresolved: Unresolved): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // A list token (Token.asList) is one encoded item, `#{TfToken[...]}`; a literal list holding a token is judged item by item.
  const groupsToken = isUnresolved(props.groups) && !(Array.isArray(props.groups) && typeof props.groups[0] === 'string' && props.groups[0].startsWith('${'));
  if (groupsToken) problems.push(problem(RuleId.WELL_FORMED, 'groups', 'groups is a Terraform token (a list known only at apply); accepted: the list of group names, known at synth: each names a Terraform address'));
  // One visitor of each kind and one path array for all the props: this runs for every integration in every environment.
  const at: string[] = [];
  const notBoolean = (value: unknown, at: readonly string[]) => {
    if (value === undefined || typeof value === 'boolean') return;
    problems.push(problem(RuleId.WELL_FORMED, at.join('.'), `${at.join('.')} is ${isUnresolved(value) ? 'a Terraform token, known only at apply' : showValue(value)}; accepted: true or false, known at synth (it decides what synth writes)`));
  };
  for (const path of BOOLEANS) forEachValueAt(props, path, notBoolean, at);
  let why = '';
  const token = (value: unknown, at: readonly string[]) => {
    if (typeof value === 'string' && isUnresolved(value)) problems.push(problem(RuleId.WELL_FORMED, at.join('.'), `${at.join('.')} is a Terraform token, known only at apply; accepted: text known at synth (${why})`));
  };
  for (const [path, reason] of KNOWN_AT_SYNTH) {
    // The list token's one encoded item is the list, said once.
    if (groupsToken && path[0] === 'groups') continue;
    why = reason;
    forEachValueAt(props, path, token, at);
  }
  return problems;
}

/**
 * Calls `visit` with each value at a prop path and where it is, own entries only; `*` takes each item of a list.
 * `at` (empty when called) is one array for the whole walk, changed after `visit` returns: only a problem's place is joined.
 */
function forEachValueAt(node: unknown, path: readonly string[], visit: (value: unknown, at: readonly string[]) => void, at: string[]): void {
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
