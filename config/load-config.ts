import { checkEnvironmentGroups } from '../model/group-checks';
import { checkCreatedGroups } from '../model/created-groups';
import { checkTerraformAddresses } from '../model/terraform-addresses';
import { checkSharedState } from '../model/shared-state';
import { checkSpObjects } from '../model/sp-objects';
import { neverUnresolved } from '../model/unresolved';
import { mergeSettings } from '../model/merge';
import { findTemplateText } from '../model/pre-escaped';
import { describeProblem } from '../model/problem';
import { RuleId } from '../model/rule-catalog';
import { checkProviderVersion, providerVersionWarnings } from '../model/provider-versions';
import { checkRenames, renamedKeys } from '../model/rename-checks';
import { findSecretLiterals, redactSecrets } from '../model/secret-literals';
import { BackendModel, EnvironmentModel, IntegrationModel, OrgModel } from '../model/types';
import { validateSso } from '../model/validate-sso';
import { INTEGRATION_KEY } from '../model/resolve-integration';
import { EnvironmentProblem, mergeEnvironments } from './environment-problems';
import { ConfigFile, loadConfigFiles, placeAt } from './load-files';
import { ConfigError, ConfigProblem, sortProblems } from './problems';
import { checkAgainstSchema } from './schema-check';
import { secretFindingMessage } from './secret-problems';
import { IntegrationSettings } from './settings';
import { readSpMetadata } from './sp-metadata-file';
import { spMetadataUrlProblems } from './sp-metadata-urls';
import { checkBackendIn } from './state-path';
import { closest } from '../model/suggest';
import { isPlainObject } from '../model/prop-strings';
import { listValues, showValue } from '../model/show-value';
import { FieldProblem } from '../model/problem';
import { configFieldOf, configFieldsOf, propsFromSettings } from './to-props';
import { checkUnusedIntegration } from './unused-integrations';
import { SP_METADATA_FILE, givenByMetadata } from './metadata-place';
import { adoptionSuppressions } from './adoption-warnings';
import { LeftOutFields, isWithin } from './prune-invalid';
import { RefusedFields } from './refused-fields';

type FieldPath = ReadonlyArray<string | number>;

interface Located<T> {
  readonly file: ConfigFile;
  readonly at: FieldPath;
  readonly value: T;
}

interface RawEnvironment {
  readonly okta?: { readonly orgName: string; readonly baseUrl?: string; readonly providerVersion?: string; readonly maxApiCapacity?: number };
  readonly backend?: Record<string, unknown> & { readonly type: string };
  readonly integrations?: Record<string, IntegrationSettings | null>;
}

/** An integration as far as it resolves, in one environment or (no `environment`) in none. */
export interface Draft {
  readonly environment?: string;
  readonly integration: IntegrationModel;
}

export interface LoadResult {
  readonly model?: OrgModel;
  readonly problems: readonly ConfigProblem[];
  /** What config sets that works but should not be (a provider constraint admitting a release never to install); never stops synth. */
  readonly warnings: readonly ConfigProblem[];
  /**
   * Every environment with those of its integrations that have no problem: what the
   * policy rules can still judge when other integrations have problems. The model
   * itself when there is no problem.
   */
  readonly checked: OrgModel;
  /**
   * Where a prop of an integration is written for an environment: the first of
   * `props` that the environment's override sets, else that the shared entry
   * sets, else the environment's entry for the integration. For problems found
   * after config (policy rules on the synthesized stacks).
   */
  readonly locate: (env: string | undefined, key: string, props?: readonly string[]) => Omit<ConfigProblem, 'message'>;
  /**
   * Integrations with a problem, and those no environment enables (no `environment`), as far as
   * they resolve: the policy rules judge what they give too, so that one problem does not hide another.
   */
  readonly drafts: readonly Draft[];
  /** Every integration key defined under `integrations:`, enabled in an environment or not, sorted. */
  readonly integrationKeys: readonly string[];
}

/** The unknown integration keys of one config that get a "did you mean": enough for any mistake made by hand. */
const MAX_GUESSED_KEYS = 50;

/** Default local state: outside cdktf.out, so deleting synth output never loses state. */
export function defaultStatePath(env: string): string {
  return `state/${env}.tfstate`;
}

/**
 * Reads a config directory into the typed model. Every problem in every file is
 * collected; the model is returned only when there are none.
 */
export function readConfig(dir: string): LoadResult {
  const { files, problems, fileCount } = loadConfigFiles(dir);
  const report = (file: ConfigFile, at: FieldPath, message: string) =>
    problems.push({ ...placeAt(file, at), message });
  // Problems found while checking an environment: merged at the end, so that one line shared by several environments is one problem.
  const found: EnvironmentProblem[] = [];
  const reportTo = (list: EnvironmentProblem[]) => (environment: string, where: Place, message: string, named: boolean, sharedBy?: readonly string[]) =>
    list.push({ environment, named, sharedBy, ...placeAt(where.file, where.at), message });
  const reportIn = reportTo(found);
  const warnings: ConfigProblem[] = [];
  // Rules kept broken on adoption, warned about at each suppression's line: one for a line that several environments share.
  const adoptionFound: EnvironmentProblem[] = [];
  const reportAdoption = reportTo(adoptionFound);

  // Entries whose shape is wrong are left out of later checks, which could not read them; inside an integration's entry, only
  // the fields of the wrong shape are. Entries with only unknown fields or bad values stay in, so every problem is reported at once.
  const invalid = new Set<string>();
  const leftOut = new LeftOutFields();
  const secrets = new Set<string>();
  // Fields already reported as secret literals: the model's own token rules would repeat them.
  const secretAt = new Set<string>();
  // Where the schema already found a problem: the props' own check of the same value would repeat it.
  const schemaAt = new Set<string>();
  // Where the schema refused a value, or a misspelt key stands for a field: a later check that reads such a field would repeat it.
  const refused = new RefusedFields();
  for (const file of files) {
    for (const s of findSecretLiterals(file.data)) {
      const { message, secret } = secretFindingMessage(s);
      // A reference in the wrong form (`${AIVEN_SCIM_TOKEN}`) is quoted in its own message: only a secret is scrubbed from every message.
      if (secret) secrets.add(s.value);
      secretAt.add(`${file.file}|${s.path.join('.')}`);
      refused.add(file.file, s.path);
      report(file, s.path, message);
    }
    for (const p of checkAgainstSchema(file.data)) {
      // A secret where a choice goes (a token as the preset) is the one problem with that value: "not one of the choices" would be
      // a second. An unknown key holding one is a problem of its own.
      const at = `${file.file}|${p.path.join('.')}`;
      if (p.unknownField || !secretAt.has(at)) report(file, p.path, p.message);
      schemaAt.add(at);
      refused.add(file.file, p.path);
      // A misspelt key stands for the field it resembles only where that field is not written beside it.
      if (p.meant && !hasPath(file.data, p.meant)) refused.add(file.file, p.meant);
      if (p.structural && !leftOut.take(file.file, p.path, p.missing)) invalid.add(invalidKey(p.path));
    }
    for (const t of findTemplateText(file.data)) report(file, t.at, t.message);
    for (const u of spMetadataUrlProblems(file.data)) {
      const at = `${file.file}|${u.at.join('.')}`;
      if (!secretAt.has(at) && !schemaAt.has(at)) report(file, u.at, u.message);
    }
  }

  const integrations = withoutLeftOut(collect<IntegrationSettings>(files, 'integrations', invalid, report), leftOut);
  // An environment defined twice is that one problem: which definition is meant is unknown, so checks across environments leave it out.
  const definedTwice = new Set<string>();
  const environments = withoutLeftOut(collect<RawEnvironment>(files, 'environments', invalid, report, definedTwice), leftOut);
  // A field's path in an entry as written: a list item left out moves the later ones in what the checks read.
  const asWritten = (file: string, entryAt: FieldPath, fieldPath: FieldPath) => leftOut.get(file, entryAt)?.toOriginal(fieldPath) ?? fieldPath;
  const writtenAt = (env: Located<RawEnvironment> | undefined, shared: Located<IntegrationSettings>, key: string, fieldPath: FieldPath) =>
    writtenIn(env, shared, key, fieldPath, leftOut);
  const definedKeys = new Set(files.flatMap((f) => Object.keys(sectionOf(f, 'integrations'))));
  // Keys under a misspelt top-level section (`integration:`): the schema names the section, with its suggestion, once; each
  // environment enabling one of its keys is not another problem.
  const keysInUnknownSections = new Set(files.flatMap((f) => unknownSections(f).flatMap((section) => Object.keys(section))));
  // A whole file or integrations section of the wrong shape (a list, a string) hides which keys it meant to define.
  const integrationsUnreadable = invalid.has('') || invalid.has('integrations');
  if (environments.size === 0 && problems.length === 0) {
    problems.push({ file: dir, path: 'environments', message: 'no environment is defined; accepted: at least one entry under `environments:` in any config file' });
  }

  // The environments that check each integration: a problem of its shared settings found in all of them is the integration's own.
  const users = new Map<string, string[]>();
  for (const name of [...environments.keys()].sort()) {
    for (const key of Object.keys(environments.get(name)!.value.integrations ?? {})) {
      if (integrations.has(key) && !invalid.has(`environments.${name}.integrations.${key}`)) users.set(key, [...(users.get(key) ?? []), name]);
    }
  }
  // Problems at a field that config does not write (a missing value), by integration, field and message: one is reported per
  // environment, unless every environment of the integration has it, when it is reported once, at the integration's entry.
  const unwritten = new Map<string, { key: string; fieldPath: FieldPath; message: string; places: Array<{ environment: string; where: Place }> }>();

  // Old keys of renamed integrations (renamedFrom), to the key each has now; worked out on first use.
  let renamed: Map<string, string> | undefined;
  const renamedTo = () => (renamed ??= renamedKeys([...integrations].map(([key, entry]) => [key, entry.value.renamedFrom] as const), (k) => integrations.has(k)));
  // Unknown integration keys: the defined ones, sorted and shown once, and how many did-you-means were worked out.
  let definedList: string[] | undefined;
  let definedShown: string | undefined;
  let guesses = 0;
  let refusedByCase: Set<string> | undefined;
  const envModels: EnvironmentModel[] = [];
  const drafts: Draft[] = [];
  // A live app adopted twice on one Okta org would have two owners (two states, or two resources in one).
  const adoptedApps = new Map<string, string>();
  for (const name of [...environments.keys()].sort()) {
    const env = environments.get(name)!;
    const enabled = (env.value.integrations ?? {}) as Record<string, IntegrationSettings | null>;
    const models: IntegrationModel[] = [];
    const undefinedHere: string[] = [];
    for (const key of Object.keys(enabled).sort()) {
      const overrideAt = [...env.at, 'integrations', key];
      const shared = integrations.get(key);
      if (invalid.has(`environments.${name}.integrations.${key}`)) continue;
      // The integration was renamed (renamedFrom) and this environment's entry not yet.
      const now = shared ? undefined : renamedTo().get(key);
      if (now !== undefined && !Object.hasOwn(enabled, now)) {
        // An environment already under the new key can be promoted from; promoting also brings every other difference of it.
        const source = [...environments.keys()].sort().find((other) => other !== name && Object.hasOwn(environments.get(other)!.value.integrations ?? {}, now));
        const promote = source ? ` (okta-sso promote --from ${source} --to ${name} --write renames it, and promotes ${source}'s other differences too)` : '';
        report(env.file, overrideAt, `environment ${showValue(name)} enables ${showValue(key)}, which is renamed ${showValue(now)} (renamedFrom); accepted: its entry under ${showValue(now)}, values kept${promote}`);
        continue;
      }
      if (!shared) {
        // It may be defined in a file that did not parse, or be malformed, or in an integrations section of the wrong shape; that error is already reported.
        if (definedKeys.has(key) || files.length < fileCount || integrationsUnreadable || keysInUnknownSections.has(key)) continue;
        // With none defined, the environment's keys are one problem: the definitions are missing, not each key misspelt.
        if (definedKeys.size === 0) {
          undefinedHere.push(key);
          continue;
        }
        // Each guess compares the key with every defined one: a bounded number of guesses keeps thousands of unknown keys linear.
        const suggestion = guesses++ < MAX_GUESSED_KEYS ? closest(key, (definedList ??= [...definedKeys].sort())) : undefined;
        // The key it most likely means is defined but refused as a key (`Omni:`, not a Terraform name): that problem is the one to fix.
        if (suggestion !== undefined && !integrations.has(suggestion) && !INTEGRATION_KEY.test(suggestion)) continue;
        // Past the guesses, the same for a key written as a refused one is, case aside (the few refused keys, looked up).
        refusedByCase ??= new Set([...definedKeys].filter((k) => !integrations.has(k) && !INTEGRATION_KEY.test(k)).map((k) => k.toLowerCase()));
        if (suggestion === undefined && refusedByCase.has(key.toLowerCase())) continue;
        report(
          env.file,
          overrideAt,
          `environment ${showValue(name)} enables unknown integration ${showValue(key)}${suggestion ? `; did you mean ${showValue(suggestion)}?` : ';'} defined integrations: ${(definedShown ??= listValues((definedList ??= [...definedKeys].sort())))}`,
        );
        continue;
      }
      const override = enabled[key] ?? {};
      const merged = mergeSettings<IntegrationSettings>(shared.value, override);
      // The same props an SP construct takes, checked by the same function its validation runs.
      const document = readSpMetadata(dir, merged.spMetadata);
      const { preset, props } = propsFromSettings(merged, document);
      const checked = validateSso(preset, key, props, { shapesChecked: true });
      const draft = checked.model ?? checked.draft;
      // A problem with a field the schema refused (at or above it), or with one it reads (refused anywhere in it), repeats that refusal.
      const touchesRefusal = (prop: string, inside: boolean) =>
        configFieldsOf(preset, prop).some((field) =>
          refused.touches(
            { file: env.file.file, at: overrideAt, value: override, field: asWritten(env.file.file, overrideAt, fieldPathOf(field)) },
            { file: shared.file.file, at: shared.at, field: asWritten(shared.file.file, shared.at, fieldPathOf(field)) },
            inside,
          ),
        );
      const readsRefused = (p: FieldProblem) => touchesRefusal(p.field, false) || (p.reads ?? []).some((prop) => touchesRefusal(prop, true));
      for (const p of checked.problems) {
        if (readsRefused(p)) continue;
        const { fieldPath, written, message } = placeOf(preset, p, (fp) => writtenAt(env, shared, key, fp), givenByMetadata(p.field, document, draft));
        // A field config writes in a shape the schema refused is checked as unset: that it is missing is not a second problem.
        if (reportedBySchema(env, shared, key, { fieldPath, written: written !== undefined, required: p.rule === RuleId.REQUIRED }, merged, leftOut)) continue;
        const where = written ?? { file: env.file, at: [...overrideAt, ...fieldPath], shared: false };
        const at = `${where.file.file}|${where.at.join('.')}`;
        if (secretAt.has(at) || schemaAt.has(at)) continue;
        if (written) {
          reportIn(name, where, message, false, where.shared ? users.get(key) : undefined);
          continue;
        }
        const id = `${key}\u0000${fieldPath.join('.')}\u0000${message}`;
        const entry = unwritten.get(id) ?? { key, fieldPath, message, places: [] };
        entry.places.push({ environment: name, where });
        unwritten.set(id, entry);
      }
      for (const { index, message } of adoptionSuppressions(merged.suppressions, checked.suppressions)) {
        const where = writtenAt(env, shared, key, ['suppressions', index])!;
        reportAdoption(name, where, message, false, where.shared ? users.get(key) : undefined);
      }
      const someLeftOut = leftOut.has(shared.file.file, shared.at) || leftOut.has(env.file.file, overrideAt);
      if (checked.model && checked.problems.length === 0 && !someLeftOut) models.push(checked.model);
      else if (draft) drafts.push({ environment: name, integration: draft });
    }
    if (undefinedHere.length > 0) {
      report(
        env.file,
        [...env.at, 'integrations'],
        `environment ${showValue(name)} enables ${listValues(undefinedHere)}, but no integration is defined; accepted: each defined under \`integrations:\` in a config file`,
      );
    }
    const okta = oktaOf(env.value);
    const org = `${okta.orgName}.${okta.baseUrl}`;
    // Host names are case-insensitive: `Acme` and `acme` are one org.
    const orgKey = org.toLowerCase();
    for (const m of models) {
      if (!m.adopt) continue;
      const owner = adoptedApps.get(`${orgKey}|${m.adopt.oktaAppId}`);
      if (owner) {
        report(env.file, [...env.at, 'integrations', m.key, 'adopt', 'oktaAppId'], `app ${m.adopt.oktaAppId} is also adopted by ${owner} on the same Okta org (${org}): two owners would fight over one live app; accepted: one environment and integration per live app`);
      } else adoptedApps.set(`${orgKey}|${m.adopt.oktaAppId}`, `${name}/${m.key}`);
    }
    // renamedFrom is written only in the shared entry: point there (the same clash in several environments is then reported once).
    for (const r of checkRenames(models)) {
      const shared = integrations.get(r.key)!;
      report(shared.file, [...shared.at, 'renamedFrom'], r.message);
    }
    // A group entry, push group or attribute is always written, in the environment's override or in the shared entry.
    for (const g of [...checkEnvironmentGroups(models), ...checkTerraformAddresses(models)]) {
      const where = writtenAt(env, integrations.get(g.integration)!, g.integration, fieldPathOf(g.field))!;
      reportIn(name, where, g.message, true);
    }
    const rawBackend = invalid.has(`environments.${name}.backend`) ? undefined : env.value.backend;
    const backend = toBackend(name, rawBackend);
    for (const p of checkBackendIn(dir, backend, rawBackend?.path !== undefined)) {
      const at = [...env.at, 'backend', p.field];
      if (!schemaAt.has(`${env.file.file}|${at.join('.')}`)) report(env.file, at, p.message);
    }
    envModels.push({
      name,
      okta,
      backend,
      integrations: models,
    });
    for (const p of checkProviderVersion(okta.providerVersion, models)) report(env.file, [...env.at, 'okta', 'providerVersion'], p);
    for (const w of providerVersionWarnings(okta.providerVersion)) warnings.push({ ...placeAt(env.file, [...env.at, 'okta', 'providerVersion']), message: w, environment: name });
  }

  // Snowflake objects and Aiven methods that two integrations claim, in one environment or across them: at the field naming them.
  const acrossEnvironments = envModels.filter((e) => !definedTwice.has(e.name));
  const spObjectsOf = acrossEnvironments.map((e) => ({ id: e.name, shown: `environment ${showValue(e.name)}`, integrations: e.integrations }));
  for (const p of checkSpObjects(spObjectsOf, neverUnresolved)) {
    const env = environments.get(p.environment)!;
    const shared = integrations.get(p.integration)!;
    const where = writtenAt(env, shared, p.integration, fieldPathOf(configFieldOf(shared.value.preset, p.prop))) ?? { file: env.file, at: [...env.at, 'integrations', p.integration], shared: false };
    reportIn(p.environment, where, p.message, true);
  }
  // A group two environments on one Okta org each create: at the group's entry in the later environment.
  const onOrgs = acrossEnvironments.map((e) => ({ id: e.name, shown: `environment ${showValue(e.name)}`, org: `${e.okta.orgName}.${e.okta.baseUrl}`, integrations: e.integrations }));
  for (const c of checkCreatedGroups(onOrgs)) {
    const env = environments.get(c.environment)!;
    const where = writtenAt(env, integrations.get(c.integration)!, c.integration, fieldPathOf(c.field)) ?? { file: env.file, at: [...env.at, 'integrations', c.integration], shared: false };
    reportIn(c.environment, where, c.message, true);
  }
  // At the backend field that decides the state where config writes it; at an environment left to the default only when no other writes it.
  const writesState = (name: string, field: string) => {
    const backend = environments.get(name)!.value.backend;
    return isPlainObject(backend) && backend[field] !== undefined;
  };
  for (const p of checkSharedState(acrossEnvironments)) {
    const env = environments.get(p.environment)!;
    if (writesState(p.environment, p.field)) report(env.file, [...env.at, 'backend', p.field], p.message);
    else if (!p.others.some((o) => writesState(o, p.field))) report(env.file, env.at, p.message);
  }
  for (const { key, fieldPath, message, places } of unwritten.values()) {
    const everyUser = users.get(key) ?? [];
    if (everyUser.length > 1 && places.length === everyUser.length) {
      // Missing everywhere: one problem at the integration's entry (the line of its key), where one value would do for all.
      const shared = integrations.get(key)!;
      for (const p of places) reportIn(p.environment, { file: shared.file, at: [...shared.at, ...fieldPath], shared: true }, message, true);
    } else {
      for (const p of places) reportIn(p.environment, p.where, message, false);
    }
  }
  // An integration no environment enables yet is checked too, on its own values: it is what an environment will get.
  const enabledAnywhere = new Set(files.flatMap((f) => Object.values(sectionOf<RawEnvironment>(f, 'environments')).flatMap((e) => Object.keys(isPlainObject(e) && isPlainObject(e.integrations) ? e.integrations : {}))));
  if (files.length === fileCount) {
    for (const [key, shared] of integrations) {
      if (enabledAnywhere.has(key)) continue;
      const document = readSpMetadata(dir, shared.value.spMetadata);
      const unused = checkUnusedIntegration(key, shared.value, document);
      if (unused.draft) drafts.push({ integration: unused.draft });
      for (const p of unused.problems) {
        // Only values written at the integration's entry, or given by the SP metadata file it names: what an environment would add is not there to check.
        const { written, message } = placeOf(shared.value.preset, p, (fp) => writtenAt(undefined, shared, key, fp), givenByMetadata(p.field, document, unused.draft));
        if (!written) continue;
        const at = `${written.file.file}|${written.at.join('.')}`;
        if (!secretAt.has(at) && !schemaAt.has(at)) report(written.file, written.at, `${UNUSED_PREFIX}${message}`);
      }
    }
  }
  problems.push(...mergeEnvironments(found));
  warnings.push(...mergeEnvironments(adoptionFound));

  // Messages quote the values they reject; none may quote a secret.
  const unique = dedupe(problems).map((p) => ({ ...p, path: redactSecrets(p.path, secrets), message: redactSecrets(p.message, secrets) }));
  const shownWarnings = sortProblems(dedupe(warnings).map((p) => ({ ...p, message: redactSecrets(p.message, secrets) })));
  const locate = (envName: string | undefined, key: string, props: readonly string[] = []): Omit<ConfigProblem, 'message'> => {
    const env = envName === undefined ? undefined : environments.get(envName)!;
    const shared = integrations.get(key)!;
    const preset = shared.value.preset;
    // The first of the props that config writes, else the integration's entry in the environment (or, in none, its own entry).
    const where = props.reduce<{ file: ConfigFile; at: FieldPath } | undefined>((place, prop) => place ?? writtenAt(env, shared, key, fieldPathOf(configFieldOf(preset, prop))), undefined) ?? {
      file: env?.file ?? shared.file,
      at: env ? [...env.at, 'integrations', key] : shared.at,
    };
    return placeAt(where.file, where.at);
  };
  const checked = { environments: envModels };
  const integrationKeys = [...integrations.keys()].sort();
  if (unique.length > 0) return { problems: sortProblems(unique), warnings: shownWarnings, checked, locate, drafts, integrationKeys };
  return { problems: [], warnings: shownWarnings, model: checked, checked, locate, drafts, integrationKeys };
}

/** What a problem of an integration no environment enables starts with. */
export const UNUSED_PREFIX = 'enabled in no environment yet, checked on its own: ';

/** What a problem reported at `spMetadata.file` about a value the metadata gave starts with: the line names a file, the message a URL. */
export const FROM_METADATA_PREFIX = 'from the SP metadata: ';

/**
 * Where in an integration's config a problem is, and its message there: the first of the field paths config may write it at
 * that `written` finds, else, for a value the SP metadata gave (`fromMetadata`), the `spMetadata.file` that names it, else the first path.
 */
function placeOf(
  preset: string | undefined,
  p: FieldProblem,
  written: (fieldPath: FieldPath) => Place | undefined,
  fromMetadata = false,
): { fieldPath: FieldPath; written?: Place; message: string } {
  const message = describeProblem(p);
  const paths = configFieldsOf(preset, p.field).map(fieldPathOf);
  for (const fieldPath of paths) {
    const place = written(fieldPath);
    if (place) return { fieldPath, written: place, message };
  }
  const metadataFile = fromMetadata ? written(SP_METADATA_FILE) : undefined;
  return metadataFile ? { fieldPath: SP_METADATA_FILE, written: metadataFile, message: `${FROM_METADATA_PREFIX}${message}` } : { fieldPath: paths[0], message };
}

/** Like readConfig, but throws a ConfigError listing every problem. */
export function loadConfig(dir: string): OrgModel {
  const { model, problems } = readConfig(dir);
  if (!model) throw new ConfigError(problems);
  return model;
}

function collect<T>(
  files: readonly ConfigFile[],
  section: 'integrations' | 'environments',
  invalid: ReadonlySet<string>,
  report: (file: ConfigFile, at: FieldPath, message: string) => void,
  /** Collects the keys defined more than once. */
  duplicated?: Set<string>,
): Map<string, Located<T>> {
  const out = new Map<string, Located<T>>();
  const word = section === 'integrations' ? 'integration key' : 'environment';
  for (const file of files) {
    for (const [key, value] of Object.entries(sectionOf<T>(file, section))) {
      const at = [section, key];
      const previous = out.get(key);
      if (previous) {
        const pos = previous.file.locate(previous.at);
        // Files are combined, not merged: a second definition is not read as more settings of the first.
        const once = section === 'environments' ? 'each environment defined once, in one file (config files are combined, not merged)' : `each ${word} defined once`;
        report(file, at, `duplicate ${word} ${showValue(key)}: already defined in ${previous.file.file}${pos.line ? `:${pos.line}` : ''}; accepted: ${once}`);
        duplicated?.add(key);
        continue;
      }
      if (invalid.has(`${section}.${key}`)) continue;
      out.set(key, { file, at, value });
    }
  }
  return out;
}

/** The environment's Okta org; values of the wrong type (already reported) read as absent, never as `[object Object]` or a crash. */
function oktaOf(env: RawEnvironment): EnvironmentModel['okta'] {
  const okta: Record<string, unknown> = isPlainObject(env.okta) ? env.okta : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const capacity = Number.isInteger(okta.maxApiCapacity) ? { maxApiCapacity: okta.maxApiCapacity as number } : {};
  return { orgName: text(okta.orgName) ?? '', baseUrl: text(okta.baseUrl) ?? 'okta.com', providerVersion: text(okta.providerVersion), ...capacity };
}

function sectionOf<T = unknown>(file: ConfigFile, section: 'integrations' | 'environments'): Record<string, T> {
  const data = file.data as Record<string, unknown> | null;
  const entries = data && typeof data === 'object' && !Array.isArray(data) ? data[section] : undefined;
  return entries && typeof entries === 'object' && !Array.isArray(entries) ? (entries as Record<string, T>) : {};
}

/** The maps under a file's top-level keys that are not config sections (the schema reports each key). */
function unknownSections(file: ConfigFile): Array<Record<string, unknown>> {
  const data = file.data;
  if (!isPlainObject(data)) return [];
  return Object.keys(data)
    .filter((k) => k !== 'integrations' && k !== 'environments' && k !== '$schema')
    .map((k) => data[k])
    .filter(isPlainObject);
}

/** The entry a structural problem makes unreadable: an environment's integration, an environment, an integration, or a section. */
function invalidKey(at: FieldPath): string {
  if (at[0] === 'environments' && at[2] === 'integrations' && at.length >= 4) return at.slice(0, 4).join('.');
  // A malformed okta or backend block does not stop the environment's integrations from being checked.
  if (at[0] === 'environments' && (at[2] === 'okta' || at[2] === 'backend')) return at.slice(0, 3).join('.');
  return at.slice(0, 2).join('.');
}

/** `provisioning.pushGroups.0` as a path, list indexes as numbers. */
function fieldPathOf(field: string): FieldPath {
  return field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** A place in a config file; `shared` when it is in an integration's entry, which every environment enabling it uses. */
interface Place {
  readonly file: ConfigFile;
  readonly at: FieldPath;
  readonly shared: boolean;
}

/**
 * Where config writes an integration's field: the environment's override when it
 * sets the field, else the shared entry; undefined when neither does (a default).
 */
function writtenIn(env: Located<RawEnvironment> | undefined, shared: Located<IntegrationSettings>, key: string, fieldPath: FieldPath, leftOut: LeftOutFields): Place | undefined {
  const override = (env?.value.integrations ?? {})[key] ?? {};
  // A list item after one left out has moved up in the values checked: its place in the file is its own index.
  const inFile = (file: ConfigFile, entryAt: FieldPath) => [...entryAt, ...(leftOut.get(file.file, entryAt)?.toOriginal(fieldPath) ?? fieldPath)];
  if (env && hasPath(override, fieldPath)) return { file: env.file, at: inFile(env.file, [...env.at, 'integrations', key]), shared: false };
  if (hasPath(shared.value, fieldPath)) return { file: shared.file, at: inFile(shared.file, shared.at), shared: true };
  return undefined;
}

/**
 * Whether a problem is about a field the schema already reported as written in a shape it refused (left out) or as required
 * and missing: one at such a field, or inside it, that config does not write and nothing else gives in `merged`; or one saying
 * that a map lacks something (`groupAttribute needs filter.value`) where the schema found a field inside that map missing or wrong.
 */
function reportedBySchema(
  env: Located<RawEnvironment>,
  shared: Located<IntegrationSettings>,
  key: string,
  p: { readonly fieldPath: FieldPath; readonly written: boolean; readonly required: boolean },
  merged: unknown,
  leftOut: LeftOutFields,
): boolean {
  return [leftOut.get(shared.file.file, shared.at), leftOut.get(env.file.file, [...env.at, 'integrations', key])].some((entry) => {
    if (!entry) return false;
    const at = entry.toOriginal(p.fieldPath);
    return entry.absent.some((a) => (!p.written && isWithin(at, a) && !hasPath(merged, a)) || (p.required && isWithin(a, at)));
  });
}

/** Each entry of a section (an integration, an environment's integrations) without the fields left out of it. */
function withoutLeftOut<T>(entries: Map<string, Located<T>>, leftOut: LeftOutFields): Map<string, Located<T>> {
  // Nothing left out (the usual case): the entries as written, not a copy of each environment's integrations.
  if (leftOut.isEmpty) return entries;
  for (const [key, entry] of entries) {
    const { file, at } = entry;
    if (at[0] === 'integrations') {
      entries.set(key, { ...entry, value: leftOut.prune(file.file, at, entry.value) as T });
      continue;
    }
    const value = entry.value as RawEnvironment;
    if (!isPlainObject(value) || !isPlainObject(value.integrations)) continue;
    const overrides = Object.fromEntries(Object.entries(value.integrations).map(([k, v]) => [k, leftOut.prune(file.file, [...at, 'integrations', k], v)]));
    entries.set(key, { ...entry, value: { ...value, integrations: overrides } as T });
  }
  return entries;
}

function hasPath(data: unknown, fieldPath: FieldPath): boolean {
  let node: unknown = data;
  for (const seg of fieldPath) {
    // Own entries only: a field named `toString` is not written just because every object inherits one.
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, String(seg))) return false;
    node = (node as Record<string, unknown>)[String(seg)];
  }
  return true;
}

function toBackend(env: string, raw: RawEnvironment['backend']): BackendModel {
  if (!raw || raw.type === 'local') return { type: 'local', path: (raw?.path as string | undefined) ?? defaultStatePath(env) };
  if (raw.type === 's3') {
    return {
      type: 's3',
      bucket: raw.bucket as string,
      key: raw.key as string,
      region: raw.region as string,
      dynamodbTable: raw.dynamodbTable as string | undefined,
      useLockfile: raw.useLockfile as boolean | undefined,
      encrypt: (raw.encrypt as boolean | undefined) ?? true,
    };
  }
  return { type: 'hcp', organization: raw.organization as string, workspace: raw.workspace as string, hostname: raw.hostname as string | undefined };
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.file}|${p.path}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
