import { plainProps } from '../model/plain-props';
import { FieldProblem } from '../model/problem';
import { AnySsoProps } from '../model/sso-props';
import { validateSso } from '../model/validate-sso';
import { evaluateIntegration } from './evaluate-integration';
import { DECLARED_RULES, declaredSubject } from './model-subjects';

/** Whether `props` sets the value at a dot path (`signing.algorithm`). */
export function setsProp(props: unknown, path: string): boolean {
  let node: unknown = props;
  for (const seg of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, seg)) return false;
    node = (node as Record<string, unknown>)[seg];
  }
  return node !== undefined;
}

/**
 * Every problem an SP construct would report at synth that its props alone
 * decide: the props' rules (validateSso), then the policy rules on the app as
 * the props declare it. What the construct adds at synth is only what code does
 * after construction (escape hatches) and the checks across a stack's
 * integrations. Pure; the exported per-SP validators (validateAivenSsoProps...).
 */
export function validateSsoProps(preset: string, key: string, given: AnySsoProps): readonly FieldProblem[] {
  // A class instance is read as its fields, as the construct reads it.
  const props = plainProps(given);
  const validation = validateSso(preset, key, props);
  if (!validation.model) return validation.problems;
  const { errors } = evaluateIntegration(declaredSubject(validation.model), validation, DECLARED_RULES);
  const fromApp = errors
    .filter((e) => e.source === 'synthesized')
    .map((e) => ({ field: e.props.find((p) => setsProp(props, p)) ?? e.props[0] ?? '', message: e.message, rule: e.rule }));
  return [...validation.problems, ...fromApp];
}
