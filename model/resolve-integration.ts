import { atOrUnder, prefixesOf } from './dot-path';
import { MAX_SHOWN_VALUE, showValue } from './show-value';
import { cutText } from './cut-text';
import { mergeSettings } from './merge';
import { PRESETS, checkPresetFacts, presetNames } from './presets';
import { SpPreset } from './presets/preset';
import { FieldProblem, blocksModel, judgesPresence, problem } from './problem';
import { ownEntry } from './own-entry';
import { checkChoices, checkKnownAtSynth } from './choice-checks';
import { groupAssignments } from './group-assignments';
import { resolveProvisioning } from './provisioning/resolve-provisioning';
import { OKTA_PROVISIONER, snowflakeModelOf } from './presets/snowflake';
import { resolveAdopt } from './adopt';
import { checkPropStrings } from './prop-strings';
import { resolveIdpRecord } from './resolve-idp-record';
import { RuleId } from './rule-catalog';
import { checkSamlSettings } from './saml-rules';
import { closest } from './suggest';
import { checkAgainstSpMetadata, settingsFromMetadata } from './sp-metadata-check';
import { AnySsoProps } from './sso-props';
import { IntegrationModel, SamlSettings } from './types';
import { Unresolved, isUnresolved as tokenCheck } from './unresolved';

/** Defaults for every SAML app: SHA-256, signed response and assertion, Email usernames. */
export const COMMON_DEFAULTS: AnySsoProps = {
  nameId: { format: 'emailAddress', template: '${user.userName}' },
  username: { format: 'email' },
  signing: { algorithm: 'RSA_SHA256', digest: 'SHA256', responseSigned: true, assertionSigned: true },
  attributes: [],
  showInDashboard: true,
  status: 'ACTIVE',
  groups: [],
};

/** Props every SP accepts; each preset adds its own (`ownProps`). The TypeScript props of each SP show only those that apply to it. */
export const SHARED_PROPS: readonly string[] = [
  'key',
  'label',
  'groups',
  'username',
  'nameId',
  'signing',
  'attributes',
  'groupAttribute',
  'showInDashboard',
  'status',
  'recipient',
  'destination',
  'catalogApp',
  'provisioning',
  'attributeSync',
  'spMetadata',
  'renamedFrom',
  'suppressions',
  'adopt',
  'honorForceAuthn',
  // Where the SP publishes no pattern, or to override the one it does: as the SP shows them.
  'acsUrl',
  'audience',
  'relayState',
  // Generic SPs only; the others say why their own form cannot change.
  'idpRecord',
];

/**
 * An integration key: a Terraform identifier (`backend` is reserved by cdktf's JSON). `constructor`, the one
 * Object.prototype member name the pattern lets through, cannot name a construct: constructs keeps children in a plain object.
 */
export const INTEGRATION_KEY = /^(?!(?:backend|constructor)$)[a-z][a-z0-9_]{0,47}$/;
const KEY_ACCEPTED = 'lowercase letters, digits and _, starting with a letter, at most 48 characters, not "backend" or "constructor"';

/** Stands in for a missing ACS URL or entity ID while the other values are checked; every props rule skips it, and it reaches drafts only. */
export const NOT_GIVEN = '\u0000(not given)';

export interface ResolvedIntegration {
  /** The resolved integration; absent when a problem leaves nothing to build (input that cannot work). */
  readonly model?: IntegrationModel;
  /** Every problem, policy findings included (before suppressions). */
  readonly problems: readonly FieldProblem[];
  /** Rules that found a problem already reported under another rule (an http relay state outside Aiven's list is SSO-006, not also SSO-001). */
  readonly covered?: readonly RuleId[];
  /**
   * When a problem leaves nothing to build: the integration as far as it resolves, for the policy rules on
   * what it does give (SHA-1 signing beside a missing account ID); a missing ACS URL or entity ID is a stand-in
   * (NOT_GIVEN). Never synthesized.
   */
  readonly draft?: IntegrationModel;
}

/**
 * Turns one integration's props into the model: the SP's defaults under the
 * props, then the common SAML rules and the SP's own rules. Pure; Terraform
 * tokens (values known only at apply) are skipped by every rule.
 */
export function resolveIntegration(
  presetName: string | undefined,
  key: string,
  props: AnySsoProps,
  isUnresolved: Unresolved = tokenCheck,
  /** Values refused for their shape (model/prop-shapes.ts), already left out of `props`. */
  refusedShapes: readonly FieldProblem[] = [],
): ResolvedIntegration {
  const preset = ownEntry(PRESETS, presetName);
  if (!preset) {
    return {
      problems: [
        presetName === undefined
          ? problem(RuleId.REQUIRED, 'preset', `missing required field preset; accepted: ${presetNames().join(', ')}`)
          : problem(RuleId.WELL_FORMED, 'preset', `unknown preset ${showValue(presetName)}; accepted: ${presetNames().join(', ')}`),
      ],
    };
  }
  const unknown = unknownProps(preset, props);
  // Values refused as such (a secret, an invisible character, a choice not offered, a token where none may go): what is
  // judged from them afterwards would be about a value that cannot stand.
  const refusedValues = [...refusedShapes, ...checkPropStrings(props, isUnresolved), ...checkChoices(props, isUnresolved), ...checkKnownAtSynth(props, isUnresolved)];
  const problems: FieldProblem[] = [...checkKey(key), ...unknown.problems, ...refusedValues];
  const covered: RuleId[] = [];

  const presetDefaults = preset.defaults(props, isUnresolved);
  const metadata = props.spMetadata;
  if (metadata?.problem !== undefined) problems.push(problem(RuleId.WELL_FORMED, 'spMetadata', metadata.problem));
  // The SP's metadata fills what neither the SP's defaults nor the props give (a generic SP declared from its metadata alone).
  const fromMetadata = metadata?.metadata ? settingsFromMetadata(metadata.metadata) : {};
  const merged = mergeSettings<AnySsoProps>(COMMON_DEFAULTS, { label: key }, fromMetadata, presetDefaults.settings, props);
  problems.push(...presetDefaults.problems, ...derivedUrlConflicts(preset, presetDefaults.settings, props, isUnresolved));

  const required = (field: 'acsUrl' | 'audience') =>
    problem(RuleId.REQUIRED, field, `missing required field ${field} (${field === 'acsUrl' ? 'the ACS URL' : 'the SP entity ID'} as ${preset.displayName} shows it)`);
  for (const field of ['acsUrl', 'audience'] as const) {
    if (merged[field] === undefined && !presetDefaults.problems.length && metadata?.problem === undefined) problems.push(required(field));
  }
  // Without an ACS URL or entity ID nothing can be built, but every other value can still be checked: a missing account ID must
  // not hide an unassigned push group. The stand-in is skipped by every rule, and a blocking problem keeps it out of any model.
  const missing = merged.acsUrl === undefined || merged.audience === undefined;
  if (missing && !problems.some(blocksModel)) problems.push(required(merged.acsUrl === undefined ? 'acsUrl' : 'audience'));
  // A misspelt prop (`acsURL`, `methodID`) is the one problem, not also the prop it stands for as missing: its message names that prop.
  const finish = () => withoutFollowOns(problems.filter((p) => !(p.rule === RuleId.REQUIRED && unknown.meant.has(p.field))), refusedValues, refusedShapes);
  const skip: Unresolved = missing ? (v) => v === NOT_GIVEN || isUnresolved(v) : isUnresolved;
  const acsUrl = merged.acsUrl ?? NOT_GIVEN;

  const saml: SamlSettings = {
    label: merged.label ?? key,
    catalogApp: merged.catalogApp?.key ? { key: merged.catalogApp.key, settings: merged.catalogApp.settings ?? {} } : undefined,
    acsUrl,
    recipient: merged.recipient ?? acsUrl,
    destination: merged.destination ?? acsUrl,
    audience: merged.audience ?? NOT_GIVEN,
    // "" says: no default relay state, even where the SP's preset has one (an adopted app without one).
    relayState: merged.relayState === '' ? undefined : merged.relayState,
    nameId: { format: merged.nameId!.format!, template: merged.nameId!.template! },
    username: { format: merged.username!.format!, template: merged.username!.template },
    signing: {
      algorithm: merged.signing!.algorithm!,
      digest: merged.signing!.digest!,
      responseSigned: merged.signing!.responseSigned!,
      assertionSigned: merged.signing!.assertionSigned!,
    },
    attributes: attributeStatements(merged.attributes, problems),
    groupAttribute:
      merged.groupAttribute?.name && merged.groupAttribute.filter?.type && merged.groupAttribute.filter.value !== undefined
        ? {
            name: merged.groupAttribute.name,
            filter: { type: merged.groupAttribute.filter.type, value: merged.groupAttribute.filter.value },
            nameFormat: merged.groupAttribute.nameFormat ?? 'unspecified',
          }
        : undefined,
    showInDashboard: merged.showInDashboard!,
    status: merged.status!,
    honorForceAuthn: merged.honorForceAuthn ?? false,
  };
  const groupAttributeName = saml.groupAttribute?.name;
  const sameName = saml.attributes.findIndex((a) => a.name === groupAttributeName);
  if (groupAttributeName !== undefined && sameName !== -1) {
    // At the one the props write: the group attribute may be the SP's own (Atlan's memberOf).
    problems.push(
      props.groupAttribute !== undefined
        ? problem(
            RuleId.UNIQUE,
            'groupAttribute.name',
            `group attribute ${showValue(groupAttributeName)} has the name of ${props.attributes !== undefined ? 'a SAML attribute in attributes' : `one of ${preset.displayName}'s own SAML attributes`}; accepted: another name for one of them (Okta would send both statements)`,
          )
        : problem(RuleId.UNIQUE, `attributes.${sameName}.name`, `SAML attribute ${showValue(groupAttributeName)} has the name of ${preset.displayName}'s group attribute; accepted: another name (Okta would send both statements)`),
    );
  }
  if (merged.groupAttribute && !saml.groupAttribute) {
    // Not said again where one of them was refused for its value.
    // Its parts may come from the SP's defaults, the shared settings and an environment: say which is missing once merged.
    const given = merged.groupAttribute;
    const missingParts = [!given.name && 'name', !given.filter?.type && 'filter.type', given.filter?.value === undefined && 'filter.value'].filter(Boolean).join(', ');
    problems.push(
      problem(RuleId.REQUIRED, 'groupAttribute', `groupAttribute needs name, filter.type and filter.value; missing: ${missingParts}`, ['groupAttribute.name', 'groupAttribute.filter.type', 'groupAttribute.filter.value']),
    );
  }
  const presetProblems = checkPresetFacts(preset, saml, skip);
  const samlProblems: FieldProblem[] = [];
  for (const p of checkSamlSettings(saml, skip)) {
    const reportedElsewhere =
      // Recipient and destination that default to the ACS URL are reported once, on the ACS URL.
      ((p.field === 'recipient' || p.field === 'destination') && merged[p.field] === undefined) ||
      // A relay state outside the SP's allow-list is reported once, with the list.
      (p.field === 'relayState' && presetProblems.some((q) => q.field === 'relayState'));
    // Either way the rule found it: the policy rules on the app must not report it again.
    if (reportedElsewhere) covered.push(p.rule);
    else samlProblems.push(p);
  }
  problems.push(...samlProblems, ...presetProblems, ...(preset.check?.(saml, merged) ?? []), ...catalogConflicts(props, isUnresolved));
  if (metadata?.metadata) problems.push(...checkAgainstSpMetadata(saml, metadata.metadata, metadata.source, skip));
  const idpRecord = resolveIdpRecord(preset, merged);
  problems.push(...idpRecord.problems);

  const { groups, problems: groupProblems } = groupAssignments(merged.groups);
  problems.push(...groupProblems);
  if (merged.renamedFrom !== undefined && (typeof merged.renamedFrom !== 'string' || !INTEGRATION_KEY.test(merged.renamedFrom))) {
    // The old key written with capitals or dashes (`Wiki`, `hr-portal`): the key it was most likely stood so.
    const asKey = typeof merged.renamedFrom === 'string' ? merged.renamedFrom.toLowerCase().replace(/-/g, '_') : undefined;
    const meant = asKey !== undefined && INTEGRATION_KEY.test(asKey) ? ` (did you mean ${showValue(asKey)}?)` : '';
    problems.push(problem(RuleId.WELL_FORMED, 'renamedFrom', `renamedFrom ${showValue(merged.renamedFrom)} is not an integration key${meant}; accepted: the key as it was, ${KEY_ACCEPTED}`));
  } else if (merged.renamedFrom !== undefined && merged.renamedFrom === key) {
    problems.push(problem(RuleId.CONSISTENT, 'renamedFrom', `renamedFrom ${showValue(merged.renamedFrom)} is the integration's own key; remove it`));
  }

  const provisioning = resolveProvisioning(preset, merged, groups, skip);
  problems.push(...provisioning.problems);
  const snowflake = snowflakeModelOf(key, merged);
  const adopt = resolveAdopt(merged.adopt, {
    groups,
    provisioning: provisioning.provisioning,
    attributeSync: provisioning.attributeSync,
    snowflake,
    snowflakeProvisionerRole: snowflake?.scimIntegrationName ? OKTA_PROVISIONER : undefined,
    isUnresolved: skip,
  });
  problems.push(...adopt.problems);

  const model: IntegrationModel = {
    key,
    preset: preset.name,
    renamedFrom: merged.renamedFrom,
    saml,
    groups,
    provisioning: provisioning.provisioning,
    attributeSync: provisioning.attributeSync,
    idpRecord: idpRecord.spec,
    snowflake,
    ...(adopt.adopt ? { adopt: adopt.adopt } : {}),
    props,
  };
  return problems.some(blocksModel) ? { problems: finish(), covered, draft: model } : { problems: finish(), covered, model };
}

/**
 * The attribute statements, each with a list of values: typed for code, but JavaScript (and a config field the schema
 * refused and left out) can give an item without one, which is a problem here rather than an error deeper in.
 */
function attributeStatements(attributes: AnySsoProps['attributes'], problems: FieldProblem[]): SamlSettings['attributes'] {
  const seen = new Set<unknown>();
  return (attributes ?? []).map((a, i) => {
    const values = Array.isArray(a?.values) ? a.values : [];
    if (values.length === 0) problems.push(problem(RuleId.REQUIRED, `attributes.${i}.values`, `attribute ${showValue(a?.name)} has ${a?.values === undefined ? 'no values' : `values ${showValue(a.values)}`}; accepted: a list of at least one Okta expression (user.email)`));
    if (typeof a?.name === 'string' && a.name.trim() === '') {
      problems.push(problem(RuleId.WELL_FORMED, `attributes.${i}.name`, `SAML attribute name ${showValue(a.name)} is empty; accepted: the attribute name the SP expects, e.g. email`));
    }
    // Okta sends both statements, and the SP reads one of them: which one is up to the SP.
    else if (typeof a?.name === 'string' && seen.has(a.name)) {
      problems.push(problem(RuleId.UNIQUE, `attributes.${i}.name`, `SAML attribute ${showValue(a.name)} is declared twice; accepted: each attribute name once (list its values together in one attribute)`));
    }
    seen.add(a?.name);
    return { name: a?.name, values: [...values], nameFormat: a?.nameFormat ?? 'unspecified' };
  });
}

/**
 * An ACS URL or entity ID given to an SP that builds its own from its props (Aiven from the account and method IDs,
 * Snowflake from the account): one that differs would win over the SP's own, and sign-in would go to the wrong place
 * (`{ ...otherSpProps, accountId, methodId }` in code). The same value is only redundant.
 */
function derivedUrlConflicts(preset: SpPreset, built: AnySsoProps, props: AnySsoProps, isUnresolved: Unresolved): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, words] of [
    ['acsUrl', 'ACS URL'],
    ['audience', 'entity ID'],
  ] as const) {
    const given = props[field];
    const own = built[field];
    if (own === undefined || given === undefined || given === own || (typeof given === 'string' && isUnresolved(given))) continue;
    problems.push(
      problem(
        RuleId.CONSISTENT,
        field,
        `${field} ${showValue(given)} is not the ${words} ${preset.constructName} builds from ${preset.ownProps.filter((p) => Object.hasOwn(props, p)).join(' and ') || 'its own props'} (${showValue(own)}); accepted: no ${field} (${preset.displayName}'s follows from those props)`,
      ),
    );
  }
  return problems;
}

/**
 * A value refused as such is the only problem reported about that value, and a problem judged from it (`reads`) is
 * not reported either: one about a value that must not be there at all (a secret), or cannot be read as meant (an
 * invisible character in a group name, then "push group not assigned"), would send the user after the wrong fix.
 * A problem with the prop being set at all (SSO-010: Omni takes no relay state) still is: fixing the value would not
 * fix it. A read with a `*` (any list item) counts only a refused value at or above the list: each item is still in the
 * props here, and the rule names the items it reads.
 */
function withoutFollowOns(problems: readonly FieldProblem[], refusedValues: readonly FieldProblem[], refusedShapes: readonly FieldProblem[]): FieldProblem[] {
  if (problems.length === 0) return [];
  const secretAt = new Set(problems.filter((p) => p.rule === RuleId.NO_SECRET_INPUT).map((p) => p.field));
  const valueAt = new Set(refusedValues.map((p) => p.field));
  // What a judgement must not rest on: those values, and any of no accepted form (an unknown provisioning method).
  const unreadable = [...secretAt, ...valueAt, ...problems.filter((p) => p.rule === RuleId.WELL_FORMED).map((p) => p.field)];
  if (unreadable.length === 0) return [...problems];
  const first = new Set(refusedValues);
  // A value left out for its shape reads as unset: "missing" there, or anything inside it, would be that problem again.
  const shapeAt = new Set(refusedShapes.map((p) => p.field));
  // A read touches an unreadable field at, above or inside it: looked up by prefixes, so each read costs its depth, not the number of fields.
  const at = new Set(unreadable);
  const above = new Set(unreadable.flatMap(prefixesOf));
  const touched = (read: string) => above.has(read) || atOrUnder(read, at);
  return problems.filter((p) => {
    if (p.rule === RuleId.NO_SECRET_INPUT) return true;
    if (secretAt.has(p.field)) return false;
    if (shapeAt.size > 0 && !first.has(p) && atOrUnder(p.field, shapeAt)) return false;
    if (valueAt.has(p.field) && !first.has(p) && !judgesPresence(p)) return false;
    return !(p.reads ?? []).some((read) => (read.includes('*') ? atOrUnder(read.slice(0, read.indexOf('.*')), at) : touched(read)));
  });
}

function checkKey(key: string): FieldProblem[] {
  if (typeof key === 'string' && INTEGRATION_KEY.test(key)) return [];
  return [problem(RuleId.WELL_FORMED, 'key', `integration key ${showValue(key)} is not a Terraform name; accepted: ${KEY_ACCEPTED} (it names okta_app_saml.<key>; set the key prop when the construct id is not one)`)];
}

/**
 * Props outside this SP's: a prop of another SP (an `accountId` on Omni) or a typo, silently ignored otherwise;
 * `meant` holds the props they most likely stand for.
 */
function unknownProps(preset: SpPreset, props: AnySsoProps): { problems: FieldProblem[]; meant: Set<string> } {
  const meant = new Set<string>();
  const problems: FieldProblem[] = [];
  // Made only for a prop outside the SP's, for its message (every integration in every environment comes here, nearly all without one).
  let accepted: string[] | undefined;
  for (const name of Object.keys(props)) {
    if (SHARED_PROPS.includes(name) || preset.ownProps.includes(name) || (props as Record<string, unknown>)[name] === undefined) continue;
    // Not the IdP record for an SP whose record follows its own form: given, it is refused.
    accepted ??= [...SHARED_PROPS.filter((p) => p !== 'idpRecord' || !preset.idpRecord), ...preset.ownProps];
    const suggestion = closest(name, accepted);
    if (suggestion) meant.add(suggestion);
    problems.push(
      problem(
        RuleId.CONSISTENT,
        name,
        // A key, named bare as the prop it is, but cut: a key can be any length.
        `${cutText(name, MAX_SHOWN_VALUE)} is not a prop of ${preset.constructName} (${preset.displayName})${suggestion ? `; did you mean ${suggestion}?` : ''}; accepted: ${[...accepted].sort().join(', ')}`,
      ),
    );
  }
  return { problems, meant };
}

/** Custom-SAML settings that a catalog app ignores: its catalog settings decide them. */
const CUSTOM_SAML_ONLY = ['recipient', 'destination', 'nameId', 'signing', 'attributes', 'groupAttribute'] as const;

/** Okta's catalog app names (`preconfigured_app`): lower case, digits and underscores, as the config schema accepts. */
const CATALOG_KEY = /^[a-z0-9_]+$/;

function catalogConflicts(props: AnySsoProps, isUnresolved: Unresolved): FieldProblem[] {
  if (!props.catalogApp) return [];
  const key: unknown = props.catalogApp.key;
  // A catalogApp without a usable key would otherwise be dropped, and a custom SAML app built in its place. Its parts may come
  // from the shared settings and an environment: a key missing once merged is said at the map, as missing.
  if (key === undefined) {
    return [problem(RuleId.REQUIRED, 'catalogApp', "catalogApp needs key; missing: key (the catalog app's name, Okta's preconfigured_app, e.g. okta_org2org)")];
  }
  if (typeof key !== 'string' || !CATALOG_KEY.test(key)) {
    if (!isUnresolved(key)) {
      return [problem(RuleId.WELL_FORMED, 'catalogApp.key', `catalogApp.key ${showValue(key)} is not a catalog app name; accepted: Okta's preconfigured_app name, e.g. okta_org2org (lower case, digits, _)`)];
    }
  }
  return CUSTOM_SAML_ONLY.filter((field) => props[field] !== undefined).map((field) =>
    problem(
      RuleId.CONSISTENT,
      field,
      `${field} conflicts with catalogApp ${showValue(props.catalogApp?.key)}: a catalog app takes its SAML settings from Okta's catalog and catalogApp.settings; remove ${field} or remove catalogApp`,
    ),
  );
}

export { presetNames };
