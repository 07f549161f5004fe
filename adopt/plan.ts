import { redactSecrets } from '../model/secret-literals';
import { checkEnvironmentGroups } from '../model/group-checks';
import { showValue } from '../model/show-value';
import * as path from 'path';
import { ConfigFile, loadConfigFiles } from '../config/load-files';
import { formatProblemList } from '../config/problems';
import { IntegrationSettings } from '../config/settings';
import { readSpMetadata } from '../config/sp-metadata-file';
import { propsFromSettings } from '../config/to-props';
import { ADOPTED_REASON_PREFIX } from '../model/adopt';
import { mergeSettings } from '../model/merge';
import { isPlainObject } from '../model/prop-strings';
import { PRESETS } from '../model/presets';
import { INTEGRATION_KEY } from '../model/resolve-integration';
import { RULE_CATALOG } from '../model/rule-catalog';
import { IntegrationModel } from '../model/types';
import { SsoValidation, validateSso } from '../model/validate-sso';
import { evaluateIntegration } from '../rules/evaluate-integration';
import { DECLARED_RULES, declaredSubject } from '../rules/model-subjects';
import { LiveSettings, liveSettings } from './live-settings';
import { changedOwnValues } from './own-values';
import { AdoptError, cut } from './okta-api';
import { LiveApp, OktaApp, SkippedApp, describe } from './read-org';

type Json = Record<string, any>;

/** A rule the live app breaks, kept on adoption and suppressed with a reason that says so. */
export interface AdoptionFinding {
  readonly rule: string;
  readonly message: string;
  /** How to comply, in a follow-up change. */
  readonly fix: string;
}

/** One live app and the config that adopts it. */
export interface ProposedIntegration {
  readonly app: OktaApp;
  readonly key: string;
  readonly preset: string;
  /** `new`: a new integration (shared entry and environment entry); `attach`: an integration config already has, adopted in this environment. */
  readonly kind: 'new' | 'attach';
  /** The shared entry to add (`integrations.<key>`), for a new integration. */
  readonly shared?: Json;
  /** This environment's entry (`environments.<env>.integrations.<key>`), whole, as it will be. */
  readonly env: Json;
  /** What adopt sets in that entry (all of it for a new integration). */
  readonly envChanges: Json;
  readonly findings: readonly AdoptionFinding[];
  readonly notes: readonly string[];
}

export interface AdoptPlan {
  readonly env: string;
  readonly configDir: string;
  /** The file the shared entries go in, and the environment's file (relative to the config dir). */
  readonly sharedFile: string;
  readonly envFile: string;
  readonly integrations: readonly ProposedIntegration[];
  /** Apps left out, with the reason (not SAML 2.0, already adopted, settings config cannot express). */
  readonly skipped: readonly SkippedApp[];
}

interface ExistingConfig {
  readonly sharedFile: string;
  readonly envFile: string;
  /** The environment's file, to say where its fields are. */
  readonly envSource: ConfigFile;
  readonly integrations: ReadonlyMap<string, IntegrationSettings>;
  readonly envEntries: ReadonlyMap<string, IntegrationSettings>;
  /** App IDs adopted by any environment on the same Okta org as this one. */
  readonly adoptedInOrg: ReadonlyMap<string, { readonly env: string; readonly key: string }>;
}

/**
 * What adopting the live apps into environment `env` adds to the config: for
 * each SAML app, its SP, a key, its settings as config writes them (only what
 * differs from the SP's defaults), `adopt` with the live IDs, and a suppression
 * for each rule the live app breaks. Pure apart from reading the config dir.
 */
export function planAdoption(
  configDir: string,
  env: string,
  live: readonly LiveApp[],
  skippedBefore: readonly SkippedApp[],
  options: { readonly key?: string; readonly requested: boolean; /** Every app ID of the org, when the whole org was listed. */ readonly orgAppIds?: ReadonlySet<string> },
): AdoptPlan {
  const existing = readExisting(configDir, env);
  const read = new Set([...live.map((a) => a.app.id), ...skippedBefore.map((s) => s.id)]);
  // Whether the org has an app: known when it was read or the whole org listed; with --app, another ID is unknown.
  const inOrg = (id: string): boolean | undefined => (read.has(id) ? true : options.orgAppIds?.has(id));
  const skipped = [...skippedBefore];
  // Each SP metadata file read once, however many live apps are matched against its integration.
  const metadataAcs = new Map<string, string | undefined>();
  const metadataAcsUrl = (settings: Json | undefined): string | undefined => {
    const file = settings?.spMetadata?.file;
    if (typeof file !== 'string') return undefined;
    if (!metadataAcs.has(file)) metadataAcs.set(file, readSpMetadata(configDir, { file })?.metadata?.defaultPostAcs.location);
    return metadataAcs.get(file);
  };
  const candidates: Array<{ live: LiveApp; settings: LiveSettings; match?: string; couldBe?: readonly string[]; adoptedAs?: AdoptedAs }> = [];
  for (const app of live) {
    const already = existing.adoptedInOrg.get(app.app.id);
    if (already !== undefined) {
      skipped.push({ id: app.app.id, label: app.app.label, reason: `already adopted as ${already.key} in ${already.env}${already.env === env ? '' : ', which uses the same Okta org: one app has one owner'}` });
      continue;
    }
    const settings = settingsOf(app);
    if (settings.cannotExpress.length) {
      const reason = `its settings include what config cannot say, which the provider's full update would drop or change: ${settings.cannotExpress.join('; ')}`;
      if (options.requested) throw new AdoptError(`cannot adopt ${describe(app.app)} as is: ${reason}`);
      skipped.push({ id: app.app.id, label: app.app.label, reason });
      continue;
    }
    const found = options.key === undefined ? matchingIntegration(settings, app.app, existing, metadataAcsUrl) : {};
    candidates.push({ live: app, settings, match: found.key, couldBe: found.couldBe, adoptedAs: found.adoptedAs });
  }
  // One integration per SP account in an environment: two live apps for it is a choice only a person can make.
  const groups = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const slot = c.match ?? (c.settings.preset !== 'generic' ? `preset:${c.settings.preset}` : undefined);
    if (slot !== undefined) groups.set(slot, [...(groups.get(slot) ?? []), c]);
  }
  for (const [slot, same] of groups) {
    if (same.length < 2) continue;
    const what = slot.startsWith('preset:') ? `live ${PRESETS[same[0].settings.preset].displayName} apps` : `live apps for integration ${slot}`;
    throw new AdoptError(`${same.length} ${what}: ${same.map((c) => describe(c.live.app)).join(', ')}; choose which to adopt with --app ID (one run per app)`);
  }
  if (options.key !== undefined && candidates.length !== 1) throw new AdoptError(`--key names one integration, but ${candidates.length} apps would be adopted; use it with one --app ID`);
  const taken = new Set(existing.integrations.keys());
  const integrations: ProposedIntegration[] = [];
  for (const c of candidates) {
    try {
      if (c.couldBe) throw new NotAdoptable(c.live.app, ambiguity(c.live.app, c.settings, c.couldBe, env));
      if (c.adoptedAs) throw new NotAdoptable(c.live.app, adoptsAnother(c.live.app, c.settings, c.adoptedAs, existing, env, inOrg(c.adoptedAs.id)));
      const proposal = propose(c.live, c.settings, c.match, existing, env, taken, options.key);
      // Only an app adopted claims its key: one left out leaves it to the others.
      taken.add(proposal.key);
      integrations.push(proposal);
    } catch (err) {
      // One app whose own values adopt cannot take is left out with the reason, the others adopted; asked for by ID, it is the error.
      if (options.requested || !(err instanceof NotAdoptable)) throw err;
      skipped.push({ id: c.live.app.id, label: c.live.app.label, reason: err.reason });
    }
  }
  return { env, configDir, sharedFile: existing.sharedFile, envFile: existing.envFile, integrations, skipped };
}

/** A live app whose own values config cannot hold as they are (a relay state that is not a URL, a label holding a token): that app is left out, the others adopted. */
class NotAdoptable extends AdoptError {
  constructor(
    app: OktaApp,
    /** Why, without the app: what a skipped app's line says after its name. */
    public readonly reason: string,
  ) {
    super(`cannot adopt ${describe(app)}: ${reason}`);
  }
}

/** The live app's settings, or a clear message when the app is not in Okta's shape (never an internal error's text). */
function settingsOf(app: LiveApp): LiveSettings {
  try {
    return liveSettings(app);
  } catch (err) {
    if (err instanceof AdoptError) throw new AdoptError(`${describe(app.app)}: ${err.message}`);
    throw new AdoptError(`${describe(app.app)} is not an app as Okta returns it (its settings, credentials or visibility have another shape)`);
  }
}

function propose(live: LiveApp, ls: LiveSettings, match: string | undefined, existing: ExistingConfig, env: string, taken: ReadonlySet<string>, keyOption: string | undefined): ProposedIntegration {
  const desired: Json = { ...ls.settings, adopt: adoptObject(live, ls) };
  let key: string;
  let shared: Json | undefined;
  // A matching integration is of the app's SP (matchingIntegration looks at no other).
  if (match !== undefined) {
    key = match;
  } else {
    key = keyOption ?? proposedKey(ls, live.app);
    if (!INTEGRATION_KEY.test(key)) throw new AdoptError(`${keyOption !== undefined ? '--key' : 'the key proposed for'} ${showValue(key, 120)} is not an integration key; accepted: lowercase letters, digits and _, starting with a letter (choose one with --app ID --key NAME)`);
    if (taken.has(key)) {
      const other = existing.integrations.get(key);
      const why = !other
        ? 'is proposed for another app in this run'
        : other.preset !== ls.preset
          ? `is a ${String(other.preset)} integration in ${existing.sharedFile}`
          : `is an integration in ${existing.sharedFile} for another ${PRESETS[ls.preset].displayName} ${ls.preset === 'generic' ? 'ACS URL' : 'account'}${existing.envEntries.has(key) ? ` in ${env}` : ''}`;
      throw new AdoptError(`the key proposed for ${describe(live.app)}, ${JSON.stringify(key)}, ${why}; adopt it under another key with --app ${live.app.id} --key NAME, or set the integration's ${env} values by hand`);
    }
    shared = pick(desired, SHARED_FIELDS);
  }

  // The truth: every live value written out. What is written is only what differs from it, as little as keeps it.
  const target = resolved(key, desired);
  if (!target.model) throw new NotAdoptable(live.app, target.problems.join('; '));
  // Two of its live groups at one Terraform name (Wiki-Users, Wiki Users): config could not name both.
  const groupClashes = checkEnvironmentGroups([target.model]);
  if (groupClashes.length) throw new NotAdoptable(live.app, groupClashes.map((g) => `${g.field}: ${g.message}`).join('; '));
  const existingEnv: Json = match !== undefined ? existing.envEntries.get(key) ?? {} : {};
  let sharedNow: Json = shared ?? existing.integrations.get(key) ?? {};
  const same = (candidateShared: Json, delta: Json) => {
    const r = resolved(key, mergeSettings<Json>(candidateShared, existingEnv, delta));
    return r.model !== undefined && sameApp(r.model, target.model!);
  };
  let delta: Json = difference(desired, mergeSettings<Json>(sharedNow, existingEnv));
  delete delta.preset;
  if (shared) sharedNow = shared = minimize(shared, (s) => same(s, delta), ['preset']);
  delta = minimize(delta, (d) => same(sharedNow, d), ['adopt']);
  const written = resolved(key, mergeSettings<Json>(sharedNow, existingEnv, delta));
  if (!written.model || !sameApp(written.model, target.model)) {
    const fields = written.model ? differences(written.model, target.model) : written.problems;
    // One app left out with the reason in a run over the org; asked for with --app, the error.
    throw new NotAdoptable(
      live.app,
      `${key} in config sets what the live app does not have (${fields.join('; ')}), and adopt only adds values; change those in the config, or adopt it under another key with --app ${live.app.id} --key NAME`,
    );
  }

  const findings = ruleFindings(written.validation!);
  if (findings.blocking.length) throw new NotAdoptable(live.app, `as ${key}: ${findings.blocking.join('; ')}`);
  if (findings.suppressible.length) {
    delta.suppressions = [
      ...((existingEnv.suppressions as Json[] | undefined) ?? []),
      ...findings.suppressible.map((f) => ({ rule: f.rule, reason: `${ADOPTED_REASON_PREFIX} kept the live app's value on adoption (${cut(f.message, 400)}); fix in a follow-up change: ${f.fix}` })),
    ];
  }
  const envEntry = mergeSettings<Json>(existingEnv, delta);
  // What this environment's entry already writes is the user's: adoption adds to it, never changes or drops it.
  const changed = changedOwnValues(existingEnv, envEntry);
  if (changed.length) {
    throw new NotAdoptable(
      live.app,
      `${key} in ${env} writes what adoption would change (${changed.join('; ')}), and adopt only adds values; set those to the live app's in the config (a group the live app already has: its live ID in adopt.groupIds), or adopt it under another key with --app ${live.app.id} --key NAME`,
    );
  }
  return { app: live.app, key, preset: ls.preset, kind: match !== undefined ? 'attach' : 'new', ...(shared ? { shared } : {}), env: envEntry, envChanges: delta, findings: findings.suppressible, notes: ls.notes };
}

/** Settings that belong to the integration in every environment; the rest (SP accounts, URLs, groups, adopt) are per environment. */
const SHARED_FIELDS = ['preset', 'label', 'relayState', 'nameId', 'username', 'signing', 'attributes', 'groupAttribute', 'showInDashboard', 'honorForceAuthn'];

function adoptObject(live: LiveApp, ls: LiveSettings): Json {
  const ids = ls.pushGroupMappingIds;
  return { oktaAppId: live.app.id, ...(Object.keys(ids).length ? { pushGroupMappingIds: ids } : {}) };
}

/**
 * The integration of config this app is, in this environment: same SP, and the same SP account
 * (or ACS URL for generic SPs), or else the one integration of that SP that this environment does not
 * enable yet and whose shared settings name no account (the SP in another environment). A generic SP's
 * shared settings never name one (its ACS URL is per environment), so that integration must also have the
 * app's label or the key adopt would propose: any other generic integration is another SP. Never one that
 * already adopts an app here.
 */
function matchingIntegration(
  ls: LiveSettings,
  app: OktaApp,
  existing: ExistingConfig,
  /** The ACS URL an integration's SP metadata file gives (the one Okta posts to), when config names a readable one. */
  metadataAcsUrl: (settings: Json | undefined) => string | undefined,
): { readonly key?: string; readonly couldBe?: readonly string[]; readonly adoptedAs?: AdoptedAs } {
  const s = ls.settings as Json;
  const identity = (settings: Json | undefined): unknown =>
    ls.preset === 'aiven'
      ? settings?.aiven?.accountId !== undefined || settings?.aiven?.methodId !== undefined
        ? `${settings?.aiven?.accountId}/${settings?.aiven?.methodId}`
        : undefined
      : ls.preset === 'snowflake'
        ? settings?.snowflake?.account !== undefined
          ? String(settings.snowflake.account).toLowerCase()
          : undefined
        : // A generic SP's ACS URL given by its SP metadata file (spMetadata) is its ACS URL as much as one written out.
          settings?.acsUrl ?? (settings === s ? undefined : metadataAcsUrl(settings));
  const live = identity(s);
  const elsewhere: string[] = [];
  let adoptedAs: AdoptedAs | undefined;
  for (const [key, shared] of existing.integrations) {
    if (shared?.preset !== ls.preset) continue;
    const entry = existing.envEntries.get(key);
    const adoptedId = (entry?.adopt as Json | undefined)?.oktaAppId;
    if (adoptedId !== undefined) {
      // This app's SP account, adopted as another app ID: a stale ID, or a second live app for one account; never "another account".
      if (live !== undefined && typeof adoptedId === 'string' && identity(mergeSettings<Json>(shared, entry ?? undefined)) === live) adoptedAs ??= { key, id: adoptedId };
      continue;
    }
    if (identity(mergeSettings<Json>(shared, entry ?? undefined)) === live) return { key };
    if (entry !== undefined || identity(shared as Json) !== undefined) continue;
    if (ls.preset !== 'generic' || shared.label === app.label || key === proposedKey(ls, app)) elsewhere.push(key);
  }
  if (adoptedAs) return { adoptedAs };
  // Two that could be it: which one is unknown, and a wrong guess would give this app another SP's settings.
  return elsewhere.length === 1 ? { key: elsewhere[0] } : elsewhere.length > 1 ? { couldBe: elsewhere } : {};
}

/** An integration of this environment with a live app's SP account, adopting another app ID. */
interface AdoptedAs {
  readonly key: string;
  readonly id: string;
}

/**
 * Why an app is not adopted into the integration that has its SP account: that integration adopts another app
 * ID, which the org no longer has (deleted, or copied from another org), or has as a second app for that account.
 */
function adoptsAnother(app: OktaApp, ls: LiveSettings, adoptedAs: AdoptedAs, existing: ExistingConfig, env: string, inOrg: boolean | undefined): string {
  const field = ['environments', env, 'integrations', adoptedAs.key, 'adopt', 'oktaAppId'];
  const { line } = existing.envSource.locate(field);
  const where = `${existing.envSource.file}${line !== undefined ? `:${line}` : ''}: ${field.join('.')}`;
  const account = ls.preset === 'generic' ? 'ACS URL' : `${PRESETS[ls.preset].displayName} account`;
  const subject = `integration ${adoptedAs.key}, which has this app's ${account} in ${env}, adopts app ${showValue(adoptedAs.id, 40)} (${where})`;
  const redo = `if this app is the one it means, remove that integration's adopt from its ${env} entry (its IDs are the old app's) and run adopt again, which writes this app's IDs`;
  if (inOrg === false) return `${subject}, which is not an app of this Okta org (deleted, or an ID from another org); ${redo}`;
  if (inOrg === true) return `${subject}, another live app with the same ${account}: config has one integration per ${account} in an environment; delete the app not in use in Okta, or adopt this one under another key with --app ${app.id} --key NAME`;
  return `${subject}, not this one; ${redo}; run adopt without --app to check whether the org still has ${showValue(adoptedAs.id, 40)}`;
}

/** Why an app that several integrations of config could be is not adopted into any, and how to say which. */
function ambiguity(app: OktaApp, ls: LiveSettings, couldBe: readonly string[], env: string): string {
  const identity = ls.preset === 'generic' ? 'ACS URL' : 'SP account';
  return (
    `it could be any of the ${PRESETS[ls.preset].displayName} integrations ${couldBe.map((k) => showValue(k)).join(', ')}, which ${env} does not enable yet, and which one is unknown; ` +
    `give the one it is its ${identity} in ${env} and run adopt again, or adopt it as a new integration with --app ${app.id} --key NAME`
  );
}

function proposedKey(ls: LiveSettings, app: OktaApp): string {
  if (ls.preset !== 'generic') return ls.preset;
  const slug = app.label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  return /^[a-z]/.test(slug) ? slug : `app_${slug}`.slice(0, 48);
}

function resolved(key: string, settings: Json): { model?: IntegrationModel; validation?: SsoValidation; problems: string[] } {
  const { preset, props } = propsFromSettings(settings as IntegrationSettings, undefined);
  let v: SsoValidation;
  try {
    v = validateSso(preset, key, props);
  } catch {
    // Only a candidate of minimize() lacks a field the schema requires (live settings are checked for Okta's shape first).
    return { problems: ['a required field'] };
  }
  return { model: v.model, validation: v, problems: v.problems.filter((p) => !RULE_CATALOG[p.rule].suppressible).map((p) => `${p.field}: ${p.message}`) };
}

/** What Terraform sees of an integration: where the SCIM token lives is the runbook's, not Okta's. */
function oktaShape(m: IntegrationModel): Record<string, string> {
  const provisioning = m.provisioning && { ...m.provisioning, token: undefined };
  const adopt = m.adopt && { ...m.adopt, pushGroupMappingIds: [...m.adopt.pushGroupMappingIds], groupIds: [...m.adopt.groupIds] };
  return Object.fromEntries(Object.entries({ ...m.saml, groups: m.groups, provisioning, snowflake: m.snowflake, adopt }).map(([k, v]) => [k, JSON.stringify(v) ?? '']));
}

/** Whether two resolved integrations synthesize the same live objects. */
function sameApp(a: IntegrationModel, b: IntegrationModel): boolean {
  return differingFields(a, b).length === 0;
}

function differingFields(a: IntegrationModel, b: IntegrationModel): string[] {
  const x = oktaShape(a);
  const y = oktaShape(b);
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => x[k] !== y[k]);
}

/**
 * Each differing field at the first place inside it that differs, with config's value and the live one, cut to a
 * readable length (`snowflake.account.host: config "x", live "y"`). Where a token lives is not among them.
 */
function differences(config: IntegrationModel, live: IntegrationModel): string[] {
  const x = oktaShape(config);
  const y = oktaShape(live);
  const parsed = (v: string | undefined): unknown => (v === undefined || v === '' ? undefined : JSON.parse(v));
  const shown = (v: unknown) => (v === undefined ? 'none' : cut(JSON.stringify(v), 100));
  return differingFields(config, live).map((k) => {
    const [path, a, b] = firstDifference(parsed(x[k]), parsed(y[k]), k);
    return `${path}: config ${shown(a)}, live ${shown(b)}`;
  });
}

/** Where two JSON values first differ, depth first (a list is one value): the path and the two values there. */
function firstDifference(a: unknown, b: unknown, path: string): [string, unknown, unknown] {
  if (!isPlainObject(a) || !isPlainObject(b)) return [path, a, b];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return firstDifference(a[key], b[key], `${path}.${key}`);
  }
  return [path, a, b];
}

/** The rules the adopted settings break: policy rules (suppressed with a reason) and input that cannot work (adoption stops). */
function ruleFindings(validation: SsoValidation): { suppressible: AdoptionFinding[]; blocking: string[] } {
  const evaluation = evaluateIntegration(validation.model && declaredSubject(validation.model), validation, DECLARED_RULES);
  const suppressible: AdoptionFinding[] = [];
  const blocking: string[] = [];
  const seen = new Set<string>();
  for (const e of evaluation.errors) {
    const info = RULE_CATALOG[e.rule];
    if (!info.suppressible) blocking.push(`${e.props[0] ?? ''}: ${e.message}`);
    else if (!seen.has(e.rule)) {
      seen.add(e.rule);
      suppressible.push({ rule: e.rule, message: e.detail ?? e.message.replace(/\s*\[SSO-\d+\]$/, ''), fix: info.fix });
    }
  }
  return { suppressible: suppressible.sort((a, b) => (a.rule < b.rule ? -1 : 1)), blocking };
}

/** The fields of `desired` whose value `base` does not already have (objects compared key by key; lists whole). */
function difference(desired: Json, base: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(desired)) {
    if (v === undefined) continue;
    const b = base[k];
    if (isPlainObject(v) && isPlainObject(b)) {
      const d = difference(v, b);
      if (Object.keys(d).length) out[k] = d;
    } else if (JSON.stringify(v) !== JSON.stringify(b)) out[k] = v;
  }
  return out;
}

/**
 * A deep copy of plain JSON data. Not structuredClone: where the global comes from another realm (jest's
 * sandbox), its copies' prototype is not this realm's Object.prototype, isPlainObject refuses them, and
 * mergeSettings then drops whole layers.
 */
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `value` without every field (at any depth, lists whole) whose removal keeps `same` true; `keep` fields stay. */
function minimize(value: Json, same: (candidate: Json) => boolean, keep: readonly string[]): Json {
  let current = copyJson(value);
  const paths: Array<Array<string | number>> = [];
  // Lists are kept whole (live order matters): the paths are the settings' own fields, a bounded number whatever the app's size.
  const walk = (v: unknown, at: Array<string | number>) => {
    if (isPlainObject(v)) {
      for (const k of Object.keys(v)) {
        if (at.length === 0 && keep.includes(k)) continue;
        walk(v[k], [...at, k]);
        paths.push([...at, k]);
      }
    }
  };
  walk(current, []);
  // Deepest first, so a field left with no content can go as a whole afterwards.
  for (const p of paths) {
    const candidate = copyJson(current);
    const parent = p.slice(0, -1).reduce<any>((o, k) => o?.[k], candidate);
    if (parent === undefined || !(p[p.length - 1] in parent)) continue;
    delete parent[p[p.length - 1] as string];
    if (same(candidate)) current = candidate;
  }
  return current;
}

function pick(value: Json, fields: readonly string[]): Json {
  return Object.fromEntries(fields.filter((f) => value[f] !== undefined).map((f) => [f, value[f]]));
}

function readExisting(configDir: string, env: string): ExistingConfig {
  const { files, problems } = loadConfigFiles(configDir);
  if (problems.length) throw new AdoptError(`${configDir} cannot be read:\n${formatProblemList(problems)}`);
  const integrations = new Map<string, IntegrationSettings>();
  const envEntries = new Map<string, IntegrationSettings>();
  let sharedFile: string | undefined;
  let envFile: string | undefined;
  let envSource: ConfigFile | undefined;
  const envs = new Map<string, Json>();
  for (const f of files) {
    const data = f.data as Json | null;
    if (!isPlainObject(data)) continue;
    if (isPlainObject(data.integrations)) {
      sharedFile ??= f.file;
      for (const [k, v] of Object.entries(data.integrations)) integrations.set(k, v as IntegrationSettings);
    }
    if (isPlainObject(data.environments)) {
      for (const [name, e] of Object.entries(data.environments)) {
        envs.set(name, isPlainObject(e) ? e : {});
        if (name === env) {
          envFile = f.file;
          envSource = f;
        }
      }
    }
  }
  // Host names are case-insensitive: `Acme` and `acme` are one org.
  const orgOf = (e: Json | undefined) => `${e?.okta?.orgName}.${e?.okta?.baseUrl ?? 'okta.com'}`.toLowerCase();
  const adoptedInOrg = new Map<string, { env: string; key: string }>();
  for (const [name, e] of envs) {
    if (orgOf(e) !== orgOf(envs.get(env))) continue;
    const entries = isPlainObject(e.integrations) ? e.integrations : {};
    for (const [k, v] of Object.entries(entries)) {
      if (name === env) envEntries.set(k, (v ?? {}) as IntegrationSettings);
      const id = (v as Json | null)?.adopt?.oktaAppId;
      if (typeof id === 'string' && (!adoptedInOrg.has(id) || name === env)) adoptedInOrg.set(id, { env: name, key: k });
    }
  }
  const envNames = [...envs.keys()];
  if (!envFile || !envSource) throw new AdoptError(`environment ${showValue(redactSecrets(env, []), 120)} is not in ${configDir}; accepted: ${envNames.length ? envNames.sort().join(', ') : 'an environment declared under environments: in a config file'}`);
  return { sharedFile: sharedFile ?? path.join(configDir, 'integrations.yaml'), envFile, envSource, integrations, envEntries, adoptedInOrg };
}
