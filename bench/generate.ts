/**
 * Synthetic organisations for the benchmark, written in the real config format
 * (shared `integrations/*.yaml` plus one `environments/<env>.yaml` per
 * environment), deterministic for a given size: a mix of the SP presets, group
 * assignments (some groups created), SCIM provisioning with push groups and
 * attribute sync, first-login provisioning, renames and three backend types. Hostnames of generic SPs are
 * under example.com (RFC 2606); Aiven, Omni and Atlan URLs follow the patterns
 * of examples/acme.
 */
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';

export const BENCH_ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
type Env = (typeof BENCH_ENVIRONMENTS)[number];

/** Integrations per shared file: large organisations split config by team. */
const PER_FILE = 50;

/** SP preset of the integration at each index modulo 10: four in ten generic, two of each SP preset. */
const PRESET_CYCLE = ['generic', 'atlan', 'omni', 'aiven', 'generic', 'generic', 'atlan', 'omni', 'aiven', 'generic'] as const;

const APP_WORDS = ['crm', 'wiki', 'payroll', 'ci', 'tickets', 'chat', 'docs', 'expenses', 'vpn', 'design', 'status', 'survey', 'learning', 'recruiting', 'legal', 'billing', 'cms', 'backup', 'monitoring', 'notes'];
const DEPARTMENTS = ['Engineering', 'SRE', 'Data', 'Analytics', 'Finance', 'Sales', 'Support', 'Marketing', 'People', 'Legal', 'Security', 'IT', 'Design', 'Product', 'Research', 'Operations'];
const AIVEN_CONSOLES = ['https://console.aiven.io', 'https://console.gcp.aiven.io/', 'https://console.aws.aiven.io/'];
const ENV_SUFFIX: Record<Env, string> = { dev: '-Dev', staging: '-Staging', prod: '' };

export interface GenerateOptions {
  /** Number of integrations, each enabled in every environment. */
  readonly integrations: number;
  /**
   * Change one integration in ten (label, groups, status or attributes), as a
   * pull request would, to give `review` something to report.
   * @default false
   */
  readonly changed?: boolean;
}

export interface GeneratedOrg {
  /** File contents by path relative to the config dir. */
  readonly files: Readonly<Record<string, string>>;
  /** Integration keys, in index order. */
  readonly keys: readonly string[];
  /** Presets, by integration key. */
  readonly presets: Readonly<Record<string, string>>;
  /** Keys of the integrations the `changed` variant changes (whether or not this one is). */
  readonly changedKeys: readonly string[];
}

type Yaml = Record<string, unknown>;

/** Generates a synthetic organisation of `options.integrations` integrations in 3 environments. */
export function generateOrg(options: GenerateOptions): GeneratedOrg {
  const n = options.integrations;
  const keys: string[] = [];
  const presets: Record<string, string> = {};
  const changedKeys: string[] = [];
  const shared: Yaml[] = [];
  const overrides: Record<Env, Yaml> = { dev: {}, staging: {}, prod: {} };

  for (let i = 0; i < n; i++) {
    const preset = PRESET_CYCLE[i % PRESET_CYCLE.length];
    const key = preset === 'generic' ? `${APP_WORDS[i % APP_WORDS.length]}_${pad(i)}` : `${preset}_${pad(i)}`;
    keys.push(key);
    presets[key] = preset;
    // One integration in each run of ten, at a different position each time, so every preset gets changes.
    const isChangeTarget = i % 10 === Math.floor(i / 10) % 10;
    if (isChangeTarget) changedKeys.push(key);
    const change = options.changed && isChangeTarget ? Math.floor(i / 10) % 4 : -1;

    const settings = sharedSettings(i, key, preset);
    if (change === 0) settings.label = `${settings.label as string} (renamed)`;
    if (change === 3) settings.attributes = [...attributesOf(preset, settings), { name: 'department', values: ['user.department'] }];
    if (i % 50 === 9) settings.renamedFrom = `old_${key}`;
    if (!shared[Math.floor(i / PER_FILE)]) shared[Math.floor(i / PER_FILE)] = {};
    shared[Math.floor(i / PER_FILE)][key] = settings;

    for (const env of BENCH_ENVIRONMENTS) {
      const override = environmentSettings(i, key, preset, env);
      const groups = override.groups as unknown[];
      if (change === 1 && env === 'prod') override.groups = [...groups, 'Auditors'];
      if (change === 2 && env === 'dev') override.status = 'INACTIVE';
      overrides[env][key] = override;
    }
  }

  const files: Record<string, string> = {};
  shared.forEach((integrations, f) => {
    files[`integrations/team-${pad(f, 2)}.yaml`] = `# Shared settings of team ${pad(f, 2)}'s SaaS apps (generated for the benchmark).\n${stringify({ integrations })}`;
  });
  files['environments/dev.yaml'] = stringify({ environments: { dev: { okta: { orgName: 'bench-dev', baseUrl: 'oktapreview.com' }, integrations: overrides.dev } } });
  files['environments/staging.yaml'] = stringify({
    environments: {
      staging: {
        okta: { orgName: 'bench-staging', baseUrl: 'okta.com' },
        backend: { type: 's3', bucket: 'bench-terraform-state', key: 'okta-sso/staging.tfstate', region: 'eu-west-1', useLockfile: true },
        integrations: overrides.staging,
      },
    },
  });
  files['environments/prod.yaml'] = stringify({
    environments: {
      prod: { okta: { orgName: 'bench', baseUrl: 'okta.com' }, backend: { type: 'hcp', organization: 'bench', workspace: 'okta-sso-prod' }, integrations: overrides.prod },
    },
  });
  return { files, keys, presets, changedKeys };
}

/** Writes a generated organisation into `dir` (created if needed). */
export function writeOrg(org: GeneratedOrg, dir: string): void {
  for (const [rel, text] of Object.entries(org.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

function sharedSettings(i: number, key: string, preset: string): Yaml {
  switch (preset) {
    case 'aiven':
      return {
        preset,
        label: `Aiven ${pad(i)}`,
        relayState: AIVEN_CONSOLES[i % AIVEN_CONSOLES.length],
        provisioning: { method: 'scim', importGroups: false, features: { createUsers: true, updateAttributes: true, deactivateUsers: true, syncPassword: false } },
      };
    case 'omni':
      return { preset, label: `Omni ${pad(i)}`, attributes: attributesOf(preset, {}) };
    case 'atlan':
      return {
        preset,
        label: `Atlan ${pad(i)}`,
        groupAttribute: { name: 'memberOf', filter: { type: 'regex', value: '^(Data|Analytics)-.*' } },
        provisioning: { method: 'scim' },
        attributeSync: [
          { attribute: 'title', from: 'user.title' },
          { attribute: 'department', from: 'user.department' },
        ],
      };
    default: {
      const word = key.split('_')[0];
      const settings: Yaml = { preset, label: `${word[0].toUpperCase()}${word.slice(1)} ${pad(i)}`, attributes: attributesOf(preset, {}) };
      // Half the generic SPs are provisioned over SCIM, with attribute sync.
      if (i % 2 === 0) {
        settings.provisioning = { method: 'scim' };
        settings.attributeSync = [{ attribute: 'title', from: 'user.title' }];
      }
      if (i % 5 === 0) settings.username = { format: 'custom', template: '${source.login}' };
      if (i % 7 === 0) settings.signing = { responseSigned: false };
      if (i % 3 === 0) settings.nameId = { format: 'persistent', template: '${user.id}' };
      if (i % 4 === 0) settings.groupAttribute = { name: 'groups', filter: { type: 'startsWith', value: 'App-' } };
      return settings;
    }
  }
}

function attributesOf(preset: string, settings: Yaml): Yaml[] {
  if (settings.attributes) return settings.attributes as Yaml[];
  if (preset === 'atlan') {
    return [
      { name: 'firstName', values: ['user.firstName'] },
      { name: 'lastName', values: ['user.lastName'] },
      { name: 'email', values: ['user.email'] },
    ];
  }
  return [
    { name: 'email', values: ['user.email'] },
    { name: 'firstName', values: ['user.firstName'] },
    { name: 'lastName', values: ['user.lastName'], nameFormat: 'basic' },
  ];
}

function environmentSettings(i: number, key: string, preset: string, env: Env): Yaml {
  const host = env === 'prod' ? '' : `-${env}`;
  const groups: unknown[] = [];
  for (let j = 0; j <= i % 3; j++) groups.push(`${DEPARTMENTS[(i + j * 5) % DEPARTMENTS.length]}${ENV_SUFFIX[env]}`);
  if (i % 20 === 7) {
    groups.push({ name: `App-${key}-Users${ENV_SUFFIX[env]}`, create: true, description: `Users of ${key} (managed by cdktf-okta-sso)` });
  }
  // SCIM apps say where their token lives; staging and prod are connected, so Terraform pushes the first group.
  const scim = (): Yaml => ({
    token: `secret:vault/okta-sso/${env}/${key}-scim-token`,
    ...(env === 'dev' ? {} : { connected: true, pushGroups: [{ group: groups[0], target: String(groups[0]).toLowerCase() }] }),
  });
  switch (preset) {
    case 'aiven':
      return { aiven: { accountId: hexId(i, env, 'a'), methodId: hexId(i, env, 'am') }, groups, provisioning: scim() };
    case 'omni':
      return {
        acsUrl: `https://acme${i}${host}.omniapp.co/api/auth/saml/acs`,
        audience: `acme${i}${host}.omniapp.co`,
        groups,
        // Omni: first-login in dev (saves seats), SCIM elsewhere.
        provisioning: env === 'dev' ? { method: 'first-login' } : { method: 'scim', ...scim() },
      };
    case 'atlan':
      return {
        acsUrl: `https://acme${i}${host}.atlan.com/auth/realms/default/broker/saml/endpoint`,
        audience: `https://acme${i}${host}.atlan.com/auth/realms/default`,
        groups,
        provisioning: scim(),
      };
    default: {
      const base = `https://${key.replace(/_/g, '-')}${host}.example.com`;
      const settings: Yaml = { acsUrl: `${base}/saml/acs`, audience: `${base}/saml/metadata`, groups };
      if (i % 6 === 1) settings.relayState = `${base}/home`;
      if (i % 2 === 0) settings.provisioning = scim();
      return settings;
    }
  }
}

/** A 12-hex-digit ID in the shape the Aiven Console shows, stable for (i, env). */
function hexId(i: number, env: Env, prefix: string): string {
  const h = (Math.imul(i + 1, 2654435761) ^ Math.imul(BENCH_ENVIRONMENTS.indexOf(env) + 1, 40503)) >>> 0;
  return `${prefix}${h.toString(16).padStart(8, '0')}${pad(i % 10000)}`;
}

function pad(i: number, width = 4): string {
  return String(i).padStart(width, '0');
}
