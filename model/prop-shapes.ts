import { FieldProblem, problem } from './problem';
import { RuleId } from './rule-catalog';
import { showValue } from './show-value';
import { isPlainObject } from './prop-strings';
import { SpMetadataDocument } from './sp-metadata-document';
import { AnySsoProps } from './sso-props';
import { unknownFieldMessage } from './suggest';
import { isTokenObject } from './unresolved';

/**
 * The shape of each prop that holds text, a map or a list: TypeScript checks it in a typed app, but not in
 * JavaScript, in props built from JSON, or through `as any`, and a string where a map goes (`username: 'login'`)
 * would otherwise synthesize an empty template or crash a later check. Config files are checked against the JSON
 * Schema instead, before their props are built. True/false props are checked where they are read (known at synth).
 */
type Shape =
  | 'text'
  /** Checked where it is read (true/false props must be known at synth; a token is a SecretRef): named in messages only. */
  | 'checked elsewhere'
  /** A document the library reads (SpMetadataDocument): an instance of it, whatever else looks like one. */
  | { readonly document: string }
  | { readonly map: Readonly<Record<string, Shape>>; readonly hint?: string }
  | { readonly list: Shape };

const text = 'text';
const elsewhere = 'checked elsewhere';
const map = (fields: Readonly<Record<string, Shape>>, hint?: string): Shape => ({ map: fields, ...(hint ? { hint } : {}) });
const list = (item: Shape): Shape => ({ list: item });

const PROVISIONING = map(
  {
    method: text,
    token: elsewhere,
    scimBaseUrl: text,
    features: map({ createUsers: elsewhere, updateAttributes: elsewhere, deactivateUsers: elsewhere, syncPassword: elsewhere }),
    importGroups: elsewhere,
    enhancedGroupPush: elsewhere,
    connected: elsewhere,
    terraformManaged: elsewhere,
    pushGroups: list(map({ group: text, target: text, targetGroupId: text, deleteTargetGroupOnDestroy: elsewhere })),
    connector: map({ baseUrl: text, uniqueUserField: text, auth: map({ type: text, headerName: text, credential: elsewhere }, 'type') }),
  },
  'method',
);

const SHAPES: Readonly<Record<string, Shape>> = {
  key: text,
  label: text,
  acsUrl: text,
  audience: text,
  recipient: text,
  destination: text,
  relayState: text,
  renamedFrom: text,
  accountId: text,
  methodId: text,
  account: text,
  integrationName: text,
  loginPageLabel: text,
  username: map({ format: text, template: text }, 'format'),
  nameId: map({ format: text, template: text }, 'format'),
  signing: map({ algorithm: text, digest: text, responseSigned: elsewhere, assertionSigned: elsewhere }, 'algorithm'),
  attributes: list(map({ name: text, values: list(text), nameFormat: text })),
  groupAttribute: map({ name: text, nameFormat: text, filter: map({ type: text, value: text }) }, 'name'),
  catalogApp: map({ key: text, settings: map({}) }, 'key'),
  provisioning: PROVISIONING,
  attributeSync: list(map({ attribute: text, from: text, push: text, custom: map({ title: text, type: text, description: text }) })),
  spMetadata: { document: 'an SpMetadataDocument (SpMetadataDocument.fromFile(path) or .fromXml(xml))' },
  suppressions: list(map({ rule: text, reason: text })),
  idpRecord: map({ where: text, fields: list(map({ label: text, from: text })) }),
  // The IDs themselves are checked where adoption is resolved (model/adopt.ts): here, that no field is misspelt.
  adopt: map(
    {
      oktaAppId: elsewhere,
      pushGroupMappingIds: map({}),
      groupIds: map({}),
      profileMappingId: elsewhere,
      userSchemaProperties: elsewhere,
      snowflake: map({ samlIntegration: elsewhere, scimIntegration: elsewhere, provisionerRole: elsewhere }),
    },
    'oktaAppId',
  ),
};

interface Checked {
  readonly value: unknown;
  /** The value cannot be read as its shape: left out, as if unset. */
  readonly drop: boolean;
}

/**
 * Props whose values have the shapes their types say, and a problem for each that has not (at the value, naming it
 * and what is accepted). A value of another shape is left out, as if unset, so that nothing later reads it; a list
 * with an item of another shape is left out whole, so that no later item is reported at another index.
 */
export function checkPropShapes(props: AnySsoProps): { readonly props: AnySsoProps; readonly problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const checked = checkMap(props as Record<string, unknown>, SHAPES, '', problems);
  return { props: checked as AnySsoProps, problems };
}

function check(value: unknown, shape: Shape, at: string, problems: FieldProblem[]): Checked {
  if (value === undefined || shape === elsewhere) return { value, drop: false };
  const refuse = (accepted: string, meant = ''): Checked => {
    const shown = isTokenObject(value) ? 'a Terraform token given as an object' : objectKind(value) ?? showValue(value);
    problems.push(problem(RuleId.WELL_FORMED, at, `${shown} is not accepted; ${meant}accepted: ${accepted}`));
    return { value, drop: true };
  };
  if (shape === 'text') {
    if (typeof value === 'string') return { value, drop: false };
    // A TerraformVariable's `.value` is typed any: its string form is what text props take.
    return refuse(isTokenObject(value) ? "text; for a Terraform token, its string form (a variable's .stringValue, Token.asString(...))" : 'text');
  }
  if ('document' in shape) {
    if (value instanceof SpMetadataDocument) return { value, drop: false };
    // Config's own form, given in code: the metadata would be read by no one, and SSO-013 skipped.
    const file = (value as { file?: unknown } | null)?.file;
    return refuse(shape.document, typeof file === 'string' ? `did you mean SpMetadataDocument.fromFile(${showValue(file)})? ` : '');
  }
  if ('list' in shape) {
    if (!Array.isArray(value)) return refuse('a list');
    let items: unknown[] | undefined;
    let broken = false;
    value.forEach((item, i) => {
      const c = check(item, shape.list, `${at}.${i}`, problems);
      if (c.drop) broken = true;
      else if (c.value !== item) (items ??= [...value])[i] = c.value;
    });
    return broken ? { value, drop: true } : { value: items ?? value, drop: false };
  }
  // Not plain data either: JavaScript's own objects (a Map, a Date), or a library class where a map goes (props read a user's classes as their fields).
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isTokenObject(value) || !isPlainObject(value)) {
    const fields = Object.keys(shape.map);
    const meant = typeof value === 'string' && shape.hint ? `did you mean { ${shape.hint}: ${showValue(value)} }? ` : '';
    return refuse(`a map${fields.length ? ` with ${fields.join(', ')}` : ''}`, meant);
  }
  return { value: checkMap(value as Record<string, unknown>, shape.map, `${at}.`, problems), drop: false };
}

/**
 * A map with each of its known fields checked: the same object when all are as they should be, else a copy without or with the
 * fixed ones. Inside a prop (not the props themselves, whose fields depend on the SP), a field the map does not have is a
 * problem too: TypeScript misses one in an object built before it is passed (`const provisioning = { pushgroups: [...] }`), and
 * it would be ignored (no push group, or Deactivate Users left on for `features: { deactivateUser: false }`). A map
 * without fields (catalogApp.settings) takes any.
 */
function checkMap(value: Record<string, unknown>, fields: Readonly<Record<string, Shape>>, prefix: string, problems: FieldProblem[]): Record<string, unknown> {
  const known = Object.keys(fields);
  if (prefix !== '' && known.length > 0) {
    for (const name of Object.keys(value)) if (!Object.hasOwn(fields, name)) problems.push(problem(RuleId.WELL_FORMED, `${prefix}${name}`, unknownFieldMessage(name, known)));
  }
  let out: Record<string, unknown> | undefined;
  for (const name of Object.keys(fields)) {
    if (!Object.hasOwn(value, name)) continue;
    const c = check(value[name], fields[name], `${prefix}${name}`, problems);
    if (c.drop) {
      out ??= { ...value };
      delete out[name];
    } else if (c.value !== value[name]) (out ??= { ...value })[name] = c.value;
  }
  return out ?? value;
}

/** `a Map`, `a Date`: how a message names an object that is not plain data (its own fields, if any, say nothing of it); undefined for plain data and the rest. */
function objectKind(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isPlainObject(value)) return undefined;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && /^[A-Za-z_$][\w$]*$/.test(name) ? `a ${name}` : 'an object that is not plain data';
}
