import * as fs from 'fs';
import * as path from 'path';
import { renderJson } from '../../review/render-json';
import { COMMENT_MARKER, MAX_COMMENT_CHARS, renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RiskClassId, RiskLevel } from '../../review/risk';
import { EXAMPLE, Stacks, clone, readRunbooks, readStacks, synthConfig, tempDir, writeSynthDir } from './synth-fixture';
import { runCliCaptured } from '../helpers';

let baseDir: string;
let base: Stacks;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
  base = readStacks(baseDir);
});

const cli = runCliCaptured;

function reviewOf(head: Stacks, runbooks: { base?: Record<string, unknown>; head?: Record<string, unknown> } = {}) {
  const b = runbooks.base ? writeSynthDir(base, runbooks.base) : baseDir;
  // Unless a case changes them, the head keeps the base's runbooks: only the stacks differ.
  return reviewSynthDirs(b, writeSynthDir(head, runbooks.head ?? readRunbooks(baseDir)));
}

const app = (s: Stacks, env: string, key: string) => s[env].resource.okta_app_saml[key];

interface Case {
  readonly name: string;
  readonly cls: RiskClassId;
  readonly level: RiskLevel;
  readonly env: string;
  /** Integration key, or undefined for an environment-wide finding. */
  readonly key?: string;
  readonly change: (head: Stacks) => void;
}

const CASES: Case[] = [
  { name: 'integration removed', cls: 'app-replaced', level: 'critical', env: 'prod', key: 'omni', change: (h) => {
    delete h.prod.resource.okta_app_saml.omni;
    delete h.prod.resource.okta_app_group_assignments.omni;
  } },
  { name: 'catalog app key changed (forces replacement)', cls: 'app-replaced', level: 'critical', env: 'prod', key: 'omni', change: (h) => {
    app(h, 'prod', 'omni').preconfigured_app = 'omni_analytics';
  } },
  { name: 'Okta org changed', cls: 'org-changed', level: 'critical', env: 'staging', change: (h) => {
    h.staging.provider.okta[0].org_name = 'acme-staging-2';
  } },
  { name: 'username on an SP with permanent usernames', cls: 'permanent-username', level: 'critical', env: 'prod', key: 'atlan', change: (h) => {
    app(h, 'prod', 'atlan').user_name_template = '$${source.login}';
  } },
  { name: 'name ID on an SP with permanent usernames', cls: 'permanent-name-id', level: 'critical', env: 'dev', key: 'atlan', change: (h) => {
    app(h, 'dev', 'atlan').subject_name_id_format = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
  } },
  { name: 'username elsewhere', cls: 'username', level: 'medium', env: 'prod', key: 'omni', change: (h) => {
    app(h, 'prod', 'omni').user_name_template = '$${source.login}';
  } },
  { name: 'secret literal in a resource', cls: 'secret-exposed', level: 'critical', env: 'dev', key: 'omni', change: (h) => {
    h.dev.resource.okta_app_connection = { omni: { '//': { metadata: { path: 'dev/omni/provisioning/connection' } }, id: '${okta_app_saml.omni.id}', base_url: 'https://acme-dev.omniapp.co/scim/v2', action: 'activate', profile: { auth_scheme: 'TOKEN', token: 'omni_live_Zk3xQ9vP2mL7aR4tY8wE1cN6bH5jD0sF' } } };
  } },
  { name: 'sensitive variable with a default', cls: 'secret-exposed', level: 'critical', env: 'dev', change: (h) => {
    h.dev.variable = { omni_scim_token: { type: 'string', sensitive: true, default: 'not-a-real-value' } };
  } },
  { name: 'ACS URL', cls: 'sso-endpoint', level: 'high', env: 'prod', key: 'omni', change: (h) => {
    app(h, 'prod', 'omni').sso_url = 'https://acme.omniapp.co/api/auth/saml/acs2';
  } },
  { name: 'audience', cls: 'sso-endpoint', level: 'high', env: 'staging', key: 'atlan', change: (h) => {
    app(h, 'staging', 'atlan').audience = 'https://acme-staging.atlan.com/auth/realms/other';
  } },
  { name: 'relay state', cls: 'relay-state', level: 'medium', env: 'dev', key: 'aiven', change: (h) => {
    app(h, 'dev', 'aiven').default_relay_state = 'https://console.gcp.aiven.io/';
  } },
  { name: 'IdP-initiated tile shown', cls: 'relay-state', level: 'medium', env: 'dev', key: 'omni', change: (h) => {
    app(h, 'dev', 'omni').hide_web = false;
  } },
  { name: 'SHA-1', cls: 'weaker-signing', level: 'high', env: 'prod', key: 'aiven', change: (h) => {
    app(h, 'prod', 'aiven').signature_algorithm = 'RSA_SHA1';
  } },
  { name: 'assertion unsigned', cls: 'weaker-signing', level: 'high', env: 'prod', key: 'aiven', change: (h) => {
    app(h, 'prod', 'aiven').assertion_signed = false;
  } },
  { name: 'Import Groups on (tag)', cls: 'import-groups-on', level: 'high', env: 'dev', key: 'aiven', change: (h) => {
    app(h, 'dev', 'aiven')['//']['okta-sso'].importGroups = true;
  } },
  { name: 'app deactivated', cls: 'app-deactivated', level: 'high', env: 'prod', key: 'atlan', change: (h) => {
    app(h, 'prod', 'atlan').status = 'INACTIVE';
  } },
  { name: 'group unassigned', cls: 'group-removal', level: 'high', env: 'prod', key: 'aiven', change: (h) => {
    h.prod.resource.okta_app_group_assignments.aiven.group.pop();
  } },
  { name: 'group attribute filter', cls: 'group-attribute', level: 'medium', env: 'prod', key: 'atlan', change: (h) => {
    const group = app(h, 'prod', 'atlan').attribute_statements.find((s: any) => s.type === 'GROUP');
    group.filter_value = '^Data-.*';
  } },
  { name: 'Okta group deleted', cls: 'group-removal', level: 'high', env: 'dev', change: (h) => {
    delete h.dev.resource.okta_group.group_data_dev;
  } },
  { name: 'destroy protection removed', cls: 'protection-removed', level: 'high', env: 'prod', key: 'aiven', change: (h) => {
    delete app(h, 'prod', 'aiven').lifecycle;
  } },
  { name: 'state backend', cls: 'backend-changed', level: 'high', env: 'staging', change: (h) => {
    h.staging.terraform.backend.s3.key = 'okta-sso/other.tfstate';
  } },
  { name: 'sensitive variable added, read by nothing: a new secret', cls: 'secret-new', level: 'medium', env: 'prod', change: (h) => {
    h.prod.variable = { aiven_scim_token: { type: 'string', sensitive: true } };
  } },
  { name: 'attribute added', cls: 'attributes', level: 'low', env: 'dev', key: 'omni', change: (h) => {
    app(h, 'dev', 'omni').attribute_statements.push({ type: 'EXPRESSION', name: 'title', namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified', values: ['user.title'] });
  } },
  { name: 'group assigned', cls: 'access-granted', level: 'low', env: 'dev', key: 'omni', change: (h) => {
    h.dev.resource.okta_app_group_assignments.omni.group.push({ id: '${data.okta_group.group_engineering_dev.id}', priority: 2 });
  } },
  { name: 'Snowflake SAML integration removed', cls: 'snowflake-integration-replaced', level: 'critical', env: 'prod', key: 'snowflake', change: (h) => {
    delete h.prod.resource.snowflake_saml2_integration;
  } },
  { name: 'Snowflake SCIM integration removed', cls: 'snowflake-integration-replaced', level: 'critical', env: 'staging', key: 'snowflake', change: (h) => {
    delete h.staging.resource.snowflake_scim_integration;
  } },
  { name: 'Snowflake SCIM integration replaced (run_as_role forces it)', cls: 'snowflake-integration-replaced', level: 'critical', env: 'dev', key: 'snowflake', change: (h) => {
    h.dev.resource.snowflake_scim_integration.snowflake.run_as_role = 'GENERIC_SCIM_PROVISIONER';
  } },
  { name: 'Snowflake SAML integration replaced (ACS URL emptied)', cls: 'snowflake-integration-replaced', level: 'critical', env: 'prod', key: 'snowflake', change: (h) => {
    delete h.prod.resource.snowflake_saml2_integration.snowflake.saml2_snowflake_acs_url;
  } },
  { name: 'policy rule suppressed', cls: 'policy-suppressed', level: 'medium', env: 'dev', key: 'aiven', change: (h) => {
    app(h, 'dev', 'aiven')['//']['okta-sso-policy'] = { suppressions: [{ rule: 'SSO-009', reason: 'break-glass app', outcome: 'compliant' }] };
  } },
];

describe('review: risk classes', () => {
  test.each(CASES.map((c) => [c.name, c]))('%s', (_name, c) => {
    const head = clone(base);
    c.change(head);
    const review = reviewOf(head);
    const env = review.environments.find((e) => e.name === c.env)!;
    const findings = c.key ? env.integrations.find((i) => i.key === c.key)?.findings ?? [] : env.environment.findings;
    expect(findings.map((f) => `${f.class}:${f.level}`)).toContain(`${c.cls}:${c.level}`);
    expect(review.risk).toBe(c.level);
    // Other environments are untouched.
    for (const other of review.environments.filter((e) => e.name !== c.env)) expect(other.risk).toBeUndefined();
  });

  test('a forced replacement names the attribute and the provider source tag', () => {
    const head = clone(base);
    app(head, 'prod', 'omni').preconfigured_app = 'omni_analytics';
    const review = reviewOf(head);
    const omni = review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'omni')!;
    expect(omni.replacements).toEqual([{ resource: 'okta_app_saml.omni', attributes: ['preconfigured_app'] }]);
    const md = renderMarkdown(review);
    expect(md).toContain('### Forced replacements');
    expect(md).toContain('okta/okta provider source at v6.12.0');
    expect(md).toContain('Okta catalog app (forces replacement)');
  });

  test('Snowflake integrations: replacement named with the Snowflake source, impact says SSO and the SCIM token break', () => {
    const head = clone(base);
    head.prod.resource.snowflake_saml2_integration.snowflake.name = 'OKTA_SNOWFLAKE_V2';
    delete head.prod.resource.snowflake_scim_integration;
    const review = reviewOf(head);
    const sf = review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'snowflake')!;
    expect(sf.findings.map((f) => `${f.level}:${f.detail}`)).toEqual([
      'critical:Snowflake SAML integration replaced (integration name changed): SSO into Snowflake breaks',
      'critical:Snowflake SCIM integration destroyed: the SCIM token Okta uses becomes invalid (prevent_destroy does not stop a resource taken out of the stack)',
    ]);
    expect(sf.replacements).toEqual([{ resource: 'snowflake_saml2_integration.snowflake', attributes: ['name'] }]);
    const md = renderMarkdown(review);
    expect(md).toContain('- **CRITICAL** Snowflake security integration replaced, destroyed or disabled (prod/snowflake): SSO into Snowflake breaks');
    expect(md).toContain('SCIM token Okta holds invalid');
    expect(md).toContain('the snowflakedb/snowflake source at v2.11.0');
    expect(md).not.toContain('no known effect on users');
    // A value that does not empty a conditionally-ForceNew field updates in place.
    const inPlace = clone(base);
    inPlace.prod.resource.snowflake_saml2_integration.snowflake.saml2_sp_initiated_login_page_label = 'Acme Okta';
    const other = reviewOf(inPlace).environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'snowflake')!;
    expect(other.replacements).toEqual([]);
  });

  test('push group source changed is a replacement of the push group', () => {
    const b = clone(base);
    const pushGroup = (source: string) => ({ '//': { metadata: { path: 'prod/aiven/push/sre' } }, app_id: '${okta_app_saml.aiven.id}', source_group_id: source });
    b.prod.resource.okta_push_group = { aiven_sre: pushGroup('${data.okta_group.group_sre.id}') };
    const h = clone(b);
    h.prod.resource.okta_push_group.aiven_sre = pushGroup('${data.okta_group.group_engineering.id}');
    const review = reviewSynthDirs(writeSynthDir(b), writeSynthDir(h));
    const aiven = review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'aiven')!;
    expect(aiven.replacements).toEqual([{ resource: 'okta_push_group.aiven_sre', attributes: ['source_group_id'] }]);
    expect(aiven.findings.map((f) => f.class)).toContain('resource-replaced');
  });

  test('runbook: new manual steps and Import Groups turned on', () => {
    const step = (id: string, title: string, values: Record<string, string>) => ({ id, integration: 'aiven', title, why: 'no API', actions: ['do it'], values });
    const runbookBase = { dev: { environment: 'dev', steps: [step('aiven.scim-token', 'Enter the SCIM token', { Token: 'from env:AIVEN_SCIM_TOKEN' })] } };
    const runbookHead = {
      dev: {
        environment: 'dev',
        steps: [
          step('aiven.scim-token', 'Enter the SCIM token', { Token: 'from env:AIVEN_SCIM_TOKEN' }),
          step('aiven.import-groups', 'Set Import Groups', { 'Import Groups': 'on' }),
        ],
      },
    };
    const review = reviewOf(clone(base), { base: runbookBase, head: runbookHead });
    const aiven = review.environments.find((e) => e.name === 'dev')!.integrations.find((i) => i.key === 'aiven')!;
    expect(aiven.runbook.added).toEqual([{ id: 'aiven.import-groups', title: 'Set Import Groups' }]);
    expect(aiven.findings.map((f) => `${f.class}:${f.level}`)).toEqual(expect.arrayContaining(['runbook-steps:medium', 'import-groups-on:high']));
    expect(renderMarkdown(review)).toContain('### New manual steps after merge\n\n- dev / aiven: Set Import Groups');
  });

  test('a rename with a moved block is a rename, not a destroy', () => {
    const head = clone(base);
    const omni = app(head, 'dev', 'omni');
    omni['//']['okta-sso'].integration = 'omni_analytics';
    omni['//'].metadata.path = 'dev/omni_analytics/saml/app';
    head.dev.resource.okta_app_saml = { ...head.dev.resource.okta_app_saml, omni_analytics: omni };
    delete head.dev.resource.okta_app_saml.omni;
    const assignments = head.dev.resource.okta_app_group_assignments.omni;
    assignments['//'].metadata.path = 'dev/omni_analytics/groups/assignments';
    assignments.app_id = '${okta_app_saml.omni_analytics.id}';
    head.dev.resource.okta_app_group_assignments.omni_analytics = assignments;
    delete head.dev.resource.okta_app_group_assignments.omni;
    head.dev.moved = [
      { from: 'okta_app_saml.omni', to: 'okta_app_saml.omni_analytics' },
      { from: 'okta_app_group_assignments.omni', to: 'okta_app_group_assignments.omni_analytics' },
    ];
    const dev = reviewOf(head).environments.find((e) => e.name === 'dev')!;
    expect(dev.integrations.map((i) => [i.key, i.change, i.renamedFrom])).toEqual([['omni_analytics', 'renamed', 'omni']]);
    expect(dev.integrations[0].findings.map((f) => f.class)).not.toContain('app-replaced');
  });
});

describe('review: output', () => {
  test('identical inputs give "no changes" and exit 0 whatever --fail-on', async () => {
    const r = await cli(['review', '--base', baseDir, '--head', writeSynthDir(clone(base), readRunbooks(baseDir)), '--fail-on', 'low']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${COMMENT_MARKER}\n## Okta SSO review: no changes\n\nBase and head synthesize to the same Okta configuration and runbooks in every environment (dev, prod, staging).\n`);
    const json = await cli(['review', '--base', baseDir, '--head', baseDir, '--format', 'json']);
    expect(JSON.parse(json.out)).toMatchObject({ changes: false, risk: null });
  });

  test('end to end from configs: changed settings in users\' words with old and new values', async () => {
    const config = tempDir('okta-sso-cfg-');
    fs.cpSync(EXAMPLE, config, { recursive: true });
    const integrations = path.join(config, 'integrations.yaml');
    fs.writeFileSync(integrations, fs.readFileSync(integrations, 'utf8').replace('relayState: https://console.aiven.io', 'relayState: https://console.gcp.aiven.io/'));
    const prod = path.join(config, 'environments', 'prod.yaml');
    fs.writeFileSync(prod, fs.readFileSync(prod, 'utf8').replace('groups: [Analytics, Finance]', 'groups: [Analytics]\n        username: { format: login }'));
    const head = synthConfig(config);
    const r = await cli(['review', '--base', baseDir, '--head', head]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('| relay state | `https://console.aiven.io` | `https://console.gcp.aiven.io/` |');
    expect(r.out).toContain('| username format | `Email (${source.email})` | `Okta username (${source.login})` |');
    expect(r.out).toContain('| assigned groups | `Analytics, Finance` | `Analytics` |');
    expect(r.out).toContain('| prod | 0 | 2 | 0 | 4 | **high** |');
  });

  test('--fail-on exits 1 at or above the level and 0 below it', async () => {
    const head = clone(base);
    app(head, 'dev', 'aiven').default_relay_state = 'https://console.gcp.aiven.io/';
    const headDir = writeSynthDir(head);
    const at = async (level: string) => (await cli(['review', '--base', baseDir, '--head', headDir, '--fail-on', level])).code;
    expect(await at('low')).toBe(1);
    expect(await at('medium')).toBe(1);
    expect(await at('high')).toBe(0);
    expect(await at('critical')).toBe(0);
  });

  test('output is stable: same bytes twice, and independent of key order in the input', () => {
    const head = clone(base);
    app(head, 'prod', 'omni').sso_url = 'https://acme.omniapp.co/api/auth/saml/acs2';
    app(head, 'dev', 'aiven').default_relay_state = 'https://console.gcp.aiven.io/';
    const reordered = clone(head);
    const omni = app(reordered, 'prod', 'omni');
    reordered.prod.resource.okta_app_saml.omni = Object.fromEntries(Object.entries(omni).reverse());
    reordered.prod.resource = Object.fromEntries(Object.entries(reordered.prod.resource).reverse());
    const a = reviewOf(head);
    const b = reviewOf(head);
    const c = reviewOf(reordered);
    expect(renderMarkdown(a)).toBe(renderMarkdown(b));
    expect(renderMarkdown(a)).toBe(renderMarkdown(c));
    expect(renderJson(a)).toBe(renderJson(c));
  });

  test('secrets are never printed (canary), in markdown or json', async () => {
    const canary = 'CANARY_9fQ2xL7mZ4pR8tV1wK6yB3nD5hJ0sE2g';
    const head = clone(base);
    head.dev.variable = { omni_scim_token: { type: 'string', sensitive: true, default: canary } };
    head.dev.provider.okta[0].api_token = `00${canary.slice(0, 40)}`;
    app(head, 'dev', 'omni').app_settings_json = JSON.stringify({ apiKey: canary });
    app(head, 'dev', 'aiven').sso_url = canary;
    head.dev.resource.okta_app_connection = { omni: { '//': { metadata: { path: 'dev/omni/provisioning/connection' } }, id: '${okta_app_saml.omni.id}', profile: { auth_scheme: 'TOKEN', token: canary } } };
    const headDir = writeSynthDir(head);
    for (const format of ['md', 'json']) {
      const r = await cli(['review', '--base', baseDir, '--head', headDir, '--format', format]);
      expect(r.out + r.err).not.toContain(canary);
      expect(r.out + r.err).not.toContain(canary.slice(0, 20));
      expect(r.out).toContain('omni_scim_token');
      expect(r.out).toContain('(secret, not shown)');
    }
    expect(reviewSynthDirs(baseDir, headDir).risk).toBe('critical');
  });

  test('a large change is summarised under the GitHub comment limit with a note of what was cut', () => {
    const big = (changed: boolean): Stacks => {
      const stacks: Stacks = {};
      for (const env of ['dev', 'staging', 'prod']) {
        const apps: Record<string, unknown> = {};
        for (let i = 0; i < 1200; i++) {
          const key = `app${String(i).padStart(4, '0')}`;
          apps[key] = {
            '//': { metadata: { path: `${env}/${key}/saml/app` }, 'okta-sso': { integration: key, preset: 'generic', permanentUsernames: false } },
            label: key,
            sso_url: `https://${key}.example.com/saml/${changed ? 'acs2' : 'acs'}`,
            audience: `https://${key}.example.com/saml/metadata`,
          };
        }
        stacks[env] = { resource: { okta_app_saml: apps } };
      }
      return stacks;
    };
    const review = reviewSynthDirs(writeSynthDir(big(false)), writeSynthDir(big(true)));
    const md = renderMarkdown(review);
    expect(md.length).toBeLessThan(MAX_COMMENT_CHARS);
    expect(md).toMatch(/\*\*Cut to fit one GitHub comment\*\* \(65,000 characters\): \d+ table rows, \d+ integration details not shown/);
    expect(md).toContain('| prod | 0 | 1200 | 0 | 0 | **high** |');
    const json = JSON.parse(renderJson(review));
    expect(json.environments[0].integrations).toHaveLength(1200);
  });

  test('raw cdk.tf.json without tags, metadata or runbooks still reviews', () => {
    const raw = (url: string) => ({ prod: { resource: { okta_app_saml: { legacy: { label: 'Legacy', sso_url: url, audience: 'legacy' } }, okta_app_group_assignments: { legacy: { app_id: '${okta_app_saml.legacy.id}', group: [{ id: 'g1' }] } } } } });
    const review = reviewSynthDirs(writeSynthDir(raw('https://a.example.com/acs')), writeSynthDir(raw('https://b.example.com/acs')));
    const legacy = review.environments[0].integrations[0];
    expect([legacy.key, legacy.risk]).toEqual(['legacy', 'high']);
    expect(legacy.settings.map((s) => [s.setting, s.before, s.after])).toEqual([['ACS URL', 'https://a.example.com/acs', 'https://b.example.com/acs']]);
  });
});

describe('review: names from the files are looked up as own keys only', () => {
  const WORDS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];
  const raw = () => ({ prod: { resource: { okta_app_saml: { legacy: { label: 'Legacy', sso_url: 'https://a.example.com/acs', audience: 'legacy' } } } } as any });
  const text = (review: ReturnType<typeof reviewSynthDirs>) => `${renderMarkdown(review)}\n${JSON.stringify(renderJson(review))}`;

  test.each(WORDS)('a resource type, an attribute and a variable named %j are named as written, never as a JavaScript function', (word) => {
    const base = raw();
    const head = raw();
    // JSON text, so that __proto__ is an own key as in a parsed file.
    head.prod = JSON.parse(
      `{"resource":{"okta_app_saml":{"legacy":{"label":"Legacy","sso_url":"https://a.example.com/acs","audience":"legacy",${JSON.stringify(word)}:"x"}},${JSON.stringify(word)}:{"r":{"name":"n"}}},"variable":{${JSON.stringify(word)}:{"type":"string"}}}`,
    );
    const review = reviewSynthDirs(writeSynthDir(base), writeSynthDir(head));
    const out = text(review);
    expect(out).not.toMatch(/native code|function |\[object Object\]/);
    expect(out).toContain(`${word}.r`);
    expect(out).toContain(`variable ${word} added`);
    expect(review.environments[0].integrations[0].settings.map((c) => [c.setting, c.before, c.after])).toEqual([[word.replace(/_/g, ' '), undefined, 'x']]);
  });
});

describe('review: bad input exits 2 with a clear error', () => {
  test('missing directory', async () => {
    const r = await cli(['review', '--base', '/nonexistent/cdktf.out', '--head', baseDir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('base directory /nonexistent/cdktf.out not found; accepted: a synth output directory');
    expect(r.out).toBe('');
  });

  test('a copy of the output link whose output a later synth replaced: says so, and how to keep an output', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'cdktf.out');
    await cli(['synth', '--config', EXAMPLE, '--out', out]);
    // `cp -r cdktf.out base` copies the link itself.
    fs.symlinkSync(fs.readlinkSync(out), path.join(dir, 'base'));
    await cli(['synth', '--config', EXAMPLE, '--out', out]);
    const r = await cli(['review', '--base', path.join(dir, 'base'), '--head', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`base ${path.join(dir, 'base')} is a link to "${fs.readlinkSync(path.join(dir, 'base'))}", which no longer exists (a later synth replaced that output); copy an output to keep with \`cp -rL\``);
  });

  test("a dangling link's target is shown quoted, a secret in it hidden, on one line", async () => {
    const dir = tempDir();
    const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    fs.symlinkSync(`${token}\n## No risk`, path.join(dir, 'base'));
    const r = await cli(['review', '--base', path.join(dir, 'base'), '--head', baseDir]);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain(token);
    expect(r.err).toContain('is a link to "(secret not shown)\\n## No risk"');
  });

  test('a stack directory whose name is no stack name (markdown, a line break, a secret) is refused, its name never printed raw', async () => {
    for (const [name, shown] of [
      ['prod\n## ✅ No risk: safe to merge\n<!--', 'named "prod\\n## ✅ No risk: safe to merge\\n<!--"'],
      ['ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8', 'named like a secret (name not shown)'],
    ]) {
      const head = path.join(tempDir(), 'head');
      fs.cpSync(baseDir, head, { recursive: true, dereference: true });
      fs.renameSync(path.join(head, 'stacks', 'prod'), path.join(head, 'stacks', name));
      const r = await cli(['review', '--base', baseDir, '--head', head]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(`holds a stack directory ${shown}, which no synth writes`);
      expect(r.err).not.toContain(`\n## ✅`);
    }
  });

  test('a directory that is not synth output', async () => {
    const r = await cli(['review', '--base', baseDir, '--head', EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`head ${EXAMPLE} is not a synth output directory: no stacks/<environment>/cdk.tf.json in it`);
  });

  test('malformed JSON names the file and never echoes its content', async () => {
    const head = writeSynthDir(clone(base));
    fs.writeFileSync(path.join(head, 'stacks', 'dev', 'cdk.tf.json'), '{"provider": {"okta": [{"api_token": 00SECRETSECRETSECRET}]}}');
    const r = await cli(['review', '--base', baseDir, '--head', head]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${head}/stacks/dev/cdk.tf.json: malformed JSON`);
    expect(r.err).not.toContain('SECRETSECRET');
  });

  test('unknown --fail-on level', async () => {
    const r = await cli(['review', '--base', baseDir, '--head', baseDir, '--fail-on', 'severe']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--fail-on "severe" is not a risk level; accepted: low, medium, high, critical');
  });

  test('unknown --format', async () => {
    const r = await cli(['review', '--base', baseDir, '--head', baseDir, '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('accepted: md, json');
  });
});
