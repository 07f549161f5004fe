import { showValue } from '../model/show-value';
import { ATTRIBUTE_NAMESPACE, GROUP_FILTER_TYPE, NAME_ID_FORMAT_URN, PASSWORD_PROTECTED_TRANSPORT, USERNAME_TEMPLATE } from '../constructs/saml-names';
import { DigestAlgorithm, SignatureAlgorithm, choicesOf } from '../model/choices';
import { PRESETS } from '../model/presets';
import { isPlainObject } from '../model/prop-strings';
import { parseSnowflakeAccount } from '../model/snowflake-account';
import { AdoptError } from './okta-api';
import { LiveApp } from './read-org';

/** Okta's "To App" features, as config names them. */
const FEATURES: ReadonlyArray<readonly [string, string]> = [
  ['PUSH_NEW_USERS', 'createUsers'],
  ['PUSH_PROFILE_UPDATES', 'updateAttributes'],
  ['PUSH_USER_DEACTIVATION', 'deactivateUsers'],
  ['PUSH_PASSWORD_UPDATES', 'syncPassword'],
];

const AIVEN_ACS = /^https:\/\/api\.aiven\.io\/v1\/sso\/saml\/account\/([A-Za-z0-9]+)\/method\/([A-Za-z0-9]+)\/acs$/;
const SNOWFLAKE_ACS = /^https:\/\/([a-z0-9]+)-([a-z0-9-]+)\.snowflakecomputing\.com\/fed\/login$/;
/** The issuer Okta gives every app unless an admin changes it. */
const OKTA_DEFAULT_ISSUER = 'http://www.okta.com/${org.externalKey}';

/** A custom SAML app's name is generated from the org and label (`acmeinc_aiven_1`); a catalog app's is its catalog key. */
const CUSTOM_APP_NAME = /_\d+$/;

/** What a live app's settings are in config words, and what config cannot say about it. */
export interface LiveSettings {
  /** The SP it was recognized as. */
  readonly preset: string;
  /** Every setting in config words (the integration's shared and environment fields together), before removing defaults. */
  readonly settings: Record<string, unknown>;
  /** Live settings that the props do not model: adopting the app would change them (the provider's update is a full PUT). */
  readonly cannotExpress: readonly string[];
  /** Facts adopt reports about the first plan and the manual half. */
  readonly notes: readonly string[];
  /** The push mappings adopted, by Okta group name: mapping ID. */
  readonly pushGroupMappingIds: Readonly<Record<string, string>>;
}

type Json = Record<string, any>;

/**
 * A live SAML app in config words, field by field as the okta/okta provider
 * reads it back (DESIGN.md, "Adopting existing apps"), so that the config
 * synthesizes the same arguments. Values are kept as they are, rules or not:
 * adoption changes nothing for users.
 */
export function liveSettings(live: LiveApp): LiveSettings {
  const app = live.app as Json;
  const raw: unknown = app.settings?.signOn;
  if (!isPlainObject(raw) || typeof raw.ssoAcsUrl !== 'string' || typeof raw.audience !== 'string') {
    throw new AdoptError("has no settings.signOn with ssoAcsUrl and audience, which is not Okta's shape for a SAML 2.0 app");
  }
  const signOn = raw as Json;
  const cannot: string[] = [];
  const notes: string[] = [];
  const inverse = <T extends string>(map: Readonly<Record<T, string>>, value: unknown, what: string): T | undefined => {
    const found = (Object.keys(map) as T[]).find((k) => map[k] === value);
    if (found === undefined) cannot.push(`${what} ${JSON.stringify(value)}`);
    return found;
  };

  const acs = String(signOn.ssoAcsUrl ?? '');
  const aiven = AIVEN_ACS.exec(acs);
  const snowflake = SNOWFLAKE_ACS.exec(acs);
  const snowflakeAccount = snowflake ? `${snowflake[1]}-${snowflake[2].replace(/-/g, '_')}` : undefined;
  const preset = aiven ? 'aiven' : snowflakeAccount && !('problem' in parseSnowflakeAccount(snowflakeAccount)) ? 'snowflake' : 'generic';

  if (!CUSTOM_APP_NAME.test(String(app.name))) cannot.push(`catalog app ${JSON.stringify(app.name)} (adopt writes custom SAML 2.0 apps; a catalog app's settings are not read back the same way)`);
  const settings: Json = { preset, label: app.label };
  if (aiven) settings.aiven = { accountId: aiven[1], methodId: aiven[2] };
  if (preset === 'snowflake') settings.snowflake = { account: snowflakeAccount };
  Object.assign(settings, { acsUrl: acs, audience: signOn.audience, recipient: signOn.recipient, destination: signOn.destination });
  // "" when there is none: a preset's default (Aiven's console) must not fill it in.
  settings.relayState = typeof signOn.defaultRelayState === 'string' ? signOn.defaultRelayState : '';

  settings.nameId = { format: inverse(NAME_ID_FORMAT_URN, signOn.subjectNameIdFormat, 'NameID format'), template: signOn.subjectNameIdTemplate };
  settings.username = username(app.credentials?.userNameTemplate ?? {}, cannot);
  settings.signing = { algorithm: signOn.signatureAlgorithm, digest: signOn.digestAlgorithm, responseSigned: signOn.responseSigned === true, assertionSigned: signOn.assertionSigned === true };
  if (!(choicesOf(SignatureAlgorithm) as unknown[]).includes(signOn.signatureAlgorithm)) cannot.push(`signature algorithm ${JSON.stringify(signOn.signatureAlgorithm)}`);
  if (!(choicesOf(DigestAlgorithm) as unknown[]).includes(signOn.digestAlgorithm)) cannot.push(`digest algorithm ${JSON.stringify(signOn.digestAlgorithm)}`);
  // Synth leaves the issuer to Okta; the provider keeps it only while it is Okta's default.
  if (signOn.idpIssuer !== undefined && signOn.idpIssuer !== null && signOn.idpIssuer !== OKTA_DEFAULT_ISSUER) cannot.push(`a custom IdP issuer ${JSON.stringify(signOn.idpIssuer)}`);
  // Never read back: a full update from config would drop it.
  if (typeof signOn.spIssuer === 'string' && signOn.spIssuer !== '') cannot.push(`an SP issuer (spIssuer), which the provider never reads back`);
  if (app.settings?.implicitAssignment === true) cannot.push('implicit assignment');
  if (signOn.authnContextClassRef !== PASSWORD_PROTECTED_TRANSPORT) cannot.push(`authentication context ${JSON.stringify(signOn.authnContextClassRef)}`);
  Object.assign(settings, statements(signOn.attributeStatements ?? [], inverse, cannot));

  const hide: Json = app.visibility?.hide ?? {};
  if (Boolean(hide.iOS) !== Boolean(hide.web)) cannot.push(`the app icon hidden on ${hide.web ? 'the web' : 'iOS'} only`);
  settings.showInDashboard = !hide.web;
  settings.status = app.status;
  settings.honorForceAuthn = signOn.honorForceAuthn === true;
  for (const [flag, value, words] of [
    ['samlSignedRequestEnabled', signOn.samlSignedRequestEnabled, 'signed SAML requests'],
    ['allowMultipleAcsEndpoints', signOn.allowMultipleAcsEndpoints, 'several ACS URLs'],
    ['slo', signOn.slo?.enabled, 'single logout'],
    ['autoSubmitToolbar', app.visibility?.autoSubmitToolbar, 'the auto-submit toolbar'],
    ['selfService', app.accessibility?.selfService, 'self-service assignment'],
  ] as const) {
    if (value === true) cannot.push(`${words} (${flag})`);
  }
  if (Array.isArray(signOn.inlineHooks) && signOn.inlineHooks.length) cannot.push('a SAML inline hook');
  cannot.push(...unmodelledSignOn(signOn, app.credentials?.userNameTemplate));
  if (app.settings?.notes?.admin || app.settings?.notes?.enduser) cannot.push('app notes');
  if (app.accessibility?.errorRedirectUrl || app.accessibility?.loginRedirectUrl) cannot.push('custom error or login redirect URLs');

  // Okta's priorities are its own numbering (from 0 in the Admin Console); config keeps each one as it is.
  // An assignment without one reads back as no priority, which the provider's diff takes as 0.
  settings.groups = live.assignments.map((a, i) => ((a.priority ?? 0) === i + 1 ? a.groupName : { name: a.groupName, priority: a.priority ?? 0 }));
  for (const a of live.assignments) {
    if (a.sameName > 1) cannot.push(`group ${JSON.stringify(a.groupName)}: ${a.sameName} Okta groups have that name, and config finds groups by name`);
  }
  for (const a of live.assignments) {
    if (a.profile && typeof a.profile === 'object' && Object.keys(a.profile).length > 0) cannot.push(`an assignment profile on group ${JSON.stringify(a.groupName)}`);
  }

  const pushGroupMappingIds: Record<string, string> = {};
  const features: readonly string[] = Array.isArray(app.features) ? app.features : [];
  if (FEATURES.some(([f]) => features.includes(f)) || features.includes('GROUP_PUSH')) {
    const pushGroups: Json[] = [];
    for (const m of live.pushMappings) {
      if (m.sourceGroupName === undefined) notes.push(`push mapping ${m.id} pushes group ${m.sourceGroupId}, which is not assigned to the app: left alone (not declared, not imported)`);
      else if (m.status !== 'ACTIVE') notes.push(`push mapping ${m.id} for ${m.sourceGroupName} is ${m.status}: left alone (config declares active mappings)`);
      else {
        pushGroups.push({ group: m.sourceGroupName, targetGroupId: m.targetGroupId });
        pushGroupMappingIds[m.sourceGroupName] = m.id;
      }
    }
    settings.provisioning = {
      method: 'scim',
      connected: true,
      features: Object.fromEntries(FEATURES.map(([f, name]) => [name, features.includes(f)])),
      ...(pushGroups.length ? { pushGroups } : {}),
    };
    if (pushGroups.length) {
      notes.push(
        `the first plan updates each adopted push group in place (delete_target_group_on_destroy: null -> false): the provider never reads that setting back; the update changes no group in Okta or ${PRESETS[preset]?.displayName ?? 'the SP'}`,
      );
    }
    notes.push(
      "provisioning: Okta's API shows the features and push groups, not the SCIM connection (base URL, token, authentication) or Import Groups; the runbook keeps those as steps to check in the Admin Console",
    );
  }
  if (preset === 'snowflake') {
    notes.push(
      "Snowflake's side is not in Okta's API: the first plan creates the SAML2 security integration (OKTA_<KEY>) unless you name the existing one: set snowflake.integrationName to its name (SHOW SECURITY INTEGRATIONS) and adopt.snowflake.samlIntegration to the same, so Terraform imports it",
    );
  }
  return { preset, settings, cannotExpress: cannot, notes, pushGroupMappingIds };
}

/**
 * Sign-on settings config does not set, when the live app has them: the provider reads some back (the first plan
 * would remove them: acsEndpoints listed while "allow multiple" is off, a username suffix), and never reads the others,
 * which the next update, a full PUT from config, would reset (a fix adopt itself suggests would do it).
 */
function unmodelledSignOn(signOn: Json, usernameTemplate: Json | undefined): string[] {
  const found: string[] = [];
  if (Array.isArray(signOn.acsEndpoints) && signOn.acsEndpoints.length > 0) {
    found.push(`${signOn.acsEndpoints.length} ACS URL(s) listed in acsEndpoints, which config does not set (the first plan would remove them)`);
  }
  const suffix = usernameTemplate?.suffix;
  if (typeof suffix === 'string' && suffix !== '') found.push(`a username suffix ${showValue(suffix)} (userNameTemplate.suffix), which config does not set (the first plan would remove it)`);
  if (signOn.requestCompressed === true) found.push('compressed SAML requests (requestCompressed), which the provider never reads back');
  if (typeof signOn.samlAssertionLifetimeSeconds === 'number') found.push(`an assertion lifetime of ${signOn.samlAssertionLifetimeSeconds} s (samlAssertionLifetimeSeconds), which the provider never reads back`);
  for (const field of ['ssoAcsUrlOverride', 'recipientOverride', 'destinationOverride', 'audienceOverride'] as const) {
    if (typeof signOn[field] === 'string' && signOn[field] !== '') found.push(`a ${field}, which the provider never reads back`);
  }
  if (signOn.participateSlo?.enabled === true) found.push('single logout participation (participateSlo), which the provider never reads back');
  return found;
}

function username(t: Json, cannot: string[]): Json {
  const template = t.template ?? '${source.login}';
  const type = t.type ?? 'BUILT_IN';
  if (type === 'BUILT_IN' && template === USERNAME_TEMPLATE.email) return { format: 'email' };
  if (type === 'BUILT_IN' && template === USERNAME_TEMPLATE.login) return { format: 'login' };
  if (type === 'CUSTOM') return { format: 'custom', template };
  cannot.push(`username template ${JSON.stringify(template)} of type ${JSON.stringify(type)}`);
  return { format: 'custom', template };
}

function statements(list: unknown, inverse: <T extends string>(map: Readonly<Record<T, string>>, value: unknown, what: string) => T | undefined, cannot: string[]): Json {
  const attributes: Json[] = [];
  let groupAttribute: Json | undefined;
  if (!Array.isArray(list) || list.some((s) => !isPlainObject(s) || typeof s.name !== 'string' || (s.values !== undefined && s.values !== null && !isStringList(s.values)))) {
    throw new AdoptError("settings.signOn.attributeStatements is not Okta's shape (a list of { type, name, namespace, values: [strings] })");
  }
  list.forEach((s: Json, i) => {
    // Omitted, it reads back empty where config writes Okta's default: say so rather than change it.
    if (typeof s.namespace !== 'string') cannot.push(`attribute statement ${JSON.stringify(s.name)} without a namespace`);
    const found = inverse(ATTRIBUTE_NAMESPACE, s.namespace ?? ATTRIBUTE_NAMESPACE.unspecified, `attribute ${JSON.stringify(s.name)} name format`);
    // unspecified is config's default: written only when it is another.
    const nameFormat = found === 'unspecified' ? undefined : found;
    if ((s.type ?? 'EXPRESSION') === 'GROUP') {
      // Config has one group statement, after the others: Okta's order is kept, so any other shape would change the app.
      if (groupAttribute || i !== list.length - 1) cannot.push(`group attribute statement ${JSON.stringify(s.name)} before other statements or more than one`);
      groupAttribute = { name: s.name, filter: { type: inverse(GROUP_FILTER_TYPE, s.filterType, 'group filter type'), value: s.filterValue ?? '' }, ...(nameFormat ? { nameFormat } : {}) };
    } else {
      attributes.push({ name: s.name, values: [...(s.values ?? [])], ...(nameFormat ? { nameFormat } : {}) });
    }
  });
  return { attributes, ...(groupAttribute ? { groupAttribute } : {}) };
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
