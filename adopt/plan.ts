import * as path from 'path';
import { loadConfigFiles } from '../config/load-files';
import { IntegrationSettings } from '../config/settings';
import { propsFromSettings } from '../config/to-props';
import { ADOPTED_REASON_PREFIX } from '../model/adopt';
import { mergeSettings } from '../model/merge';
import { isPlainObject } from '../model/prop-strings';
import { PRESETS } from '../model/presets';
import { INTEGRATION_KEY } from '../model/resolve-integration';
import { RULE_CATALOG } from '../model/rule-catalog';
import { IntegrationModel } from '../model/types';
import { validateSso } from '../model/validate-sso';
import { evaluateIntegration } from '../rules/evaluate-integration';
import { DECLARED_RULES, declaredSubject } from '../rules/model-subjects';
import { LiveSettings, liveSettings } from './live-settings';
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
  readonly integrations: ReadonlyMap<string, IntegrationSettings>;
  readonly envEntries: ReadonlyMap<string, IntegrationSettings>;
}

/**
 * What adopting the live apps into environment `env` adds to the config: for
 * each SAML app, its SP, a key, its settings as config writes them (only what
 * differs from the SP's defaults), `adopt` with the live IDs, and a suppression
 * for each rule the live app breaks. Pure apart from reading the config dir.
 */
export function planAdoption(configDir: string, env: string, live: readonly LiveApp[], skippedBefore: readonly SkippedApp[], options: { readonly key?: string; readonly requested: boolean }): AdoptPlan {
  const existing = readExisting(configDir, env);
  const skipped = [...skippedBefore];
  const adoptedIds = new Map<string, string>();
  for (const [key, entry] of existing.envEntries) {
    const id = (entry?.adopt as { oktaAppId?: unknown } | undefined)?.oktaAppId;
    if (typeof id === 'string') adoptedIds.set(id, key);
  }
  const candidates: Array<{ live: LiveApp; settings: LiveSettings }> = [];
  for (const app of live) {
    const already = adoptedIds.get(app.app.id);
    if (already !== undefined) {
      skipped.push({ id: app.app.id, label: app.app.label, reason: `already adopted as ${already} in ${env}` });
      continue;
    }
    const settings = liveSettings(app);
    if (settings.cannotExpress.length) {
      const reason = `its settings include what config cannot say, which the provider's full update would drop: ${settings.cannotExpress.join('; ')}`;
      if (options.requested) throw new AdoptError(`cannot adopt ${describe(app.app)} as is: ${reason}`);
      skipped.push({ id: app.app.id, label: app.app.label, reason });
      continue;
    }
    candidates.push({ live: app, settings });
  }
  const byPreset = new Map<string, typeof candidates>();
  for (const c of candidates) if (c.settings.preset !== 'generic') byPreset.set(c.settings.preset, [...(byPreset.get(c.settings.preset) ?? []), c]);
  for (const [preset, same] of byPreset) {
    if (same.length > 1) {
      throw new AdoptError(`${same.length} live ${PRESETS[preset].displayName} apps: ${same.map((c) => describe(c.live.app)).join(', ')}; choose which to adopt with --app ID (one run per app)`);
    }
  }
  if (options.key !== undefined && candidates.length !== 1) throw new AdoptError(`--key names one integration, but ${candidates.length} apps would be adopted; use it with one --app ID`);
  const taken = new Set(existing.integrations.keys());
  const integrations = candidates.map((c) => propose(c.live, c.settings, existing, env, taken, options.key));
  return { env, configDir, sharedFile: existing.sharedFile, envFile: existing.envFile, integrations, skipped };
}

function propose(live: LiveApp, ls: LiveSettings, existing: ExistingConfig, env: string, taken: Set<string>, keyOption: string | undefined): ProposedIntegration {
  const desired: Json = { ...ls.settings, adopt: adoptObject(live, ls) };
  const match = keyOption === undefined ? matchingIntegration(ls, existing) : undefined;
  let key: string;
  let shared: Json | undefined;
  let base: Json;
  if (match !== undefined) {
    key = match;
    base = mergeSettings<Json>(existing.integrations.get(match), existing.envEntries.get(match) ?? undefined);
  } else {
    key = keyOption ?? proposedKey(ls, live.app);
    if (!INTEGRATION_KEY.test(key)) throw new AdoptError(`${keyOption !== undefined ? '--key' : 'the key proposed for'} ${JSON.stringify(cut(key))} is not an integration key; accepted: lowercase letters, digits and _, starting with a letter (choose one with --app ID --key NAME)`);
    if (taken.has(key)) {
      throw new AdoptError(
        `the key proposed for ${describe(live.app)}, ${JSON.stringify(key)}, is already an integration in ${existing.sharedFile} whose SP account or ACS URL differs; adopt it under another key with --app ${live.app.id} --key NAME, or set the integration's ${env} values by hand`,
      );
    }
    taken.add(key);
    shared = pick(desired, SHARED_FIELDS);
    base = { preset: ls.preset };
  }
  const preset = String(base.preset ?? ls.preset);
  if (preset !== ls.preset) throw new AdoptError(`${describe(live.app)} looks like a ${PRESETS[ls.preset].displayName} app, but integration ${key} is ${preset}`);

  // The truth: every live value written out. What is written is only what differs from it, as little as keeps it.
  const target = resolved(key, desired);
  if (!target.model) throw new AdoptError(`cannot adopt ${describe(live.app)}: ${target.problems.join('; ')}`);
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
  if (!same(sharedNow, delta)) {
    throw new AdoptError(`cannot adopt ${describe(live.app)} into ${key}: the config of ${key} sets what the live app does not have (compare its ${env} entry with the live app), and adopt only adds values`);
  }

  const findings = ruleFindings(key, mergeSettings<Json>(sharedNow, existingEnv, delta));
  if (findings.blocking.length) throw new AdoptError(`cannot adopt ${describe(live.app)} as ${key}: ${findings.blocking.join('; ')}`);
  if (findings.suppressible.length) {
    delta.suppressions = [
      ...((existingEnv.suppressions as Json[] | undefined) ?? []),
      ...findings.suppressible.map((f) => ({ rule: f.rule, reason: `${ADOPTED_REASON_PREFIX} kept the live app's value on adoption (${cut(f.message, 160)}); fix in a follow-up change: ${f.fix}` })),
    ];
  }
  const envEntry = mergeSettings<Json>(existingEnv, delta);
  return { app: live.app, key, preset: ls.preset, kind: match !== undefined ? 'attach' : 'new', ...(shared ? { shared } : {}), env: envEntry, envChanges: delta, findings: findings.suppressible, notes: ls.notes };
}

/** Settings that belong to the integration in every environment; the rest (SP accounts, URLs, groups, adopt) are per environment. */
const SHARED_FIELDS = ['preset', 'label', 'relayState', 'nameId', 'username', 'signing', 'attributes', 'groupAttribute', 'showInDashboard', 'honorForceAuthn'];

function adoptObject(live: LiveApp, ls: LiveSettings): Json {
  const ids = ls.pushGroupMappingIds;
  return { oktaAppId: live.app.id, ...(Object.keys(ids).length ? { pushGroupMappingIds: ids } : {}) };
}

/** An integration of config this app is, in this environment: same SP and same SP account (or ACS URL for generic SPs), not adopting another app. */
function matchingIntegration(ls: LiveSettings, existing: ExistingConfig): string | undefined {
  for (const [key, shared] of existing.integrations) {
    if (shared?.preset !== ls.preset) continue;
    const entry = existing.envEntries.get(key);
    if ((entry?.adopt as Json | undefined)?.oktaAppId !== undefined) continue;
    const merged = mergeSettings<Json>(shared, entry ?? undefined);
    const s = ls.settings as Json;
    const same =
      ls.preset === 'aiven'
        ? merged.aiven?.accountId === s.aiven.accountId && merged.aiven?.methodId === s.aiven.methodId
        : ls.preset === 'snowflake'
          ? String(merged.snowflake?.account ?? '').toLowerCase() === String(s.snowflake.account).toLowerCase()
          : merged.acsUrl === s.acsUrl;
    if (same) return key;
  }
  return undefined;
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

function resolved(key: string, settings: Json): { model?: IntegrationModel; problems: string[] } {
  const { preset, props } = propsFromSettings(settings as IntegrationSettings, undefined);
  let v: ReturnType<typeof validateSso>;
  try {
    v = validateSso(preset, key, props);
  } catch {
    // A candidate without a field the schema requires (minimize tries every removal): not the same app.
    return { problems: ['incomplete'] };
  }
  return { model: v.model, problems: v.problems.filter((p) => !RULE_CATALOG[p.rule].suppressible).map((p) => `${p.field}: ${p.message}`) };
}

/** Whether two resolved integrations synthesize the same live objects. */
function sameApp(a: IntegrationModel, b: IntegrationModel): boolean {
  const shape = (m: IntegrationModel) => JSON.stringify({ saml: m.saml, groups: m.groups, provisioning: m.provisioning, snowflake: m.snowflake, adopt: m.adopt && { ...m.adopt, pushGroupMappingIds: [...m.adopt.pushGroupMappingIds] } });
  return shape(a) === shape(b);
}

/** The rules the adopted settings break: policy rules (suppressed with a reason) and input that cannot work (adoption stops). */
function ruleFindings(key: string, settings: Json): { suppressible: AdoptionFinding[]; blocking: string[] } {
  const { preset, props } = propsFromSettings(settings as IntegrationSettings, undefined);
  const validation = validateSso(preset, key, props);
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

/** `value` without every field (at any depth, inside list items too) whose removal keeps `same` true; `keep` fields stay. */
function minimize(value: Json, same: (candidate: Json) => boolean, keep: readonly string[]): Json {
  let current = copyJson(value);
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, at: Array<string | number>) => {
    if (Array.isArray(v)) v.forEach((item, i) => isPlainObject(item) && walk(item, [...at, i]));
    else if (isPlainObject(v)) {
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
  if (problems.length) throw new AdoptError(`${configDir} cannot be read: ${problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
  const integrations = new Map<string, IntegrationSettings>();
  const envEntries = new Map<string, IntegrationSettings>();
  let sharedFile: string | undefined;
  let envFile: string | undefined;
  const envs: string[] = [];
  for (const f of files) {
    const data = f.data as Json | null;
    if (!isPlainObject(data)) continue;
    if (isPlainObject(data.integrations)) {
      sharedFile ??= f.file;
      for (const [k, v] of Object.entries(data.integrations)) integrations.set(k, v as IntegrationSettings);
    }
    if (isPlainObject(data.environments)) {
      for (const [name, e] of Object.entries(data.environments)) {
        envs.push(name);
        if (name !== env) continue;
        envFile = f.file;
        const entries = (e as Json)?.integrations;
        if (isPlainObject(entries)) for (const [k, v] of Object.entries(entries)) envEntries.set(k, (v ?? {}) as IntegrationSettings);
      }
    }
  }
  if (!envFile) throw new AdoptError(`environment ${JSON.stringify(cut(env))} is not in ${configDir}; accepted: ${envs.length ? envs.sort().join(', ') : 'an environment declared under environments: in a config file'}`);
  return { sharedFile: sharedFile ?? path.join(configDir, 'integrations.yaml'), envFile, integrations, envEntries };
}
