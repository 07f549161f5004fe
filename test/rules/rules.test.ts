import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../../cli/program';
import { CliIo } from '../../cli/io';
import { CONFIG_SCHEMA_PATH } from '../../config/schema-check';
import { SUPPRESSIBLE_RULES } from '../../model/rule-catalog';
import { validateSso } from '../../model/validate-sso';
import { SpMetadataDocument } from '../../model/sp-metadata-document';
import { RULES } from '../../rules';
import { evaluate, subjectsOf } from '../../rules/evaluate';
import { AppSubject, PolicyRule } from '../../rules/rule';
import { EXAMPLE, Stacks, clone, readStacks, synthConfig, tempDir } from '../review/synth-fixture';

let stacks: Stacks;
beforeAll(() => {
  stacks = readStacks(synthConfig(EXAMPLE));
});

/** The example's dev subject for `key`, after `change` to a copy of the dev stack. */
function subject(key: string, change: (tf: any) => void = () => undefined, integrations?: Map<string, any>): AppSubject {
  const tf = clone(stacks.dev);
  change(tf);
  return subjectsOf(tf, integrations).find((s) => s.key === key)!;
}

const rule = (id: string): PolicyRule => RULES.find((r) => r.id === id)!;
const appOf = (tf: any, key: string) => tf.resource.okta_app_saml[key];

interface RuleCase {
  readonly id: string;
  readonly key: string;
  /** Makes the example compliant when it is not already. */
  readonly compliant?: (tf: any) => void;
  readonly nonCompliant: (tf: any) => void;
  /** Part of the detail naming the value found. */
  readonly detail: string;
  readonly notApplicable?: { readonly key: string; readonly change?: (tf: any) => void };
  /** The integrations' models the rule reads, by key (only what it reads). */
  readonly integrations?: Map<string, any>;
}

/** The wiki's model as far as SSO-014 reads it: SP metadata listing `formats`. */
function wikiListing(...formats: string[]): Map<string, any> {
  const xml = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://wiki.dev.acme.example/saml/metadata"><SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${formats.map((f) => `<NameIDFormat>${f}</NameIDFormat>`).join('')}<AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://wiki.dev.acme.example/saml/acs" index="1"/></SPSSODescriptor></EntityDescriptor>`;
  return new Map([['wiki', { key: 'wiki', props: { spMetadata: SpMetadataDocument.fromXml(xml, 'sp-metadata/wiki-dev.xml') } }]]);
}
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

const CASES: RuleCase[] = [
  { id: 'SSO-001', key: 'omni', nonCompliant: (tf) => (appOf(tf, 'omni').sso_url = 'http://acme-dev.omniapp.co/api/auth/saml/acs'), detail: 'ACS URL "http://acme-dev.omniapp.co/api/auth/saml/acs" uses http, not https',
    notApplicable: { key: 'omni', change: (tf) => { const a = appOf(tf, 'omni'); delete a.sso_url; delete a.recipient; delete a.destination; } } },
  { id: 'SSO-002', key: 'aiven', nonCompliant: (tf) => (appOf(tf, 'aiven').digest_algorithm = 'SHA1'), detail: 'digest "SHA1", not SHA-256',
    notApplicable: { key: 'aiven', change: (tf) => { delete appOf(tf, 'aiven').signature_algorithm; delete appOf(tf, 'aiven').digest_algorithm; } } },
  { id: 'SSO-003', key: 'atlan', nonCompliant: (tf) => (appOf(tf, 'atlan').assertion_signed = false), detail: 'signed assertion is false',
    notApplicable: { key: 'atlan', change: (tf) => { appOf(tf, 'atlan').preconfigured_app = 'atlan'; delete appOf(tf, 'atlan').assertion_signed; } } },
  { id: 'SSO-004', key: 'aiven', nonCompliant: (tf) => (appOf(tf, 'aiven').user_name_template = '$${source.login}'), detail: 'Aiven requires Email usernames; username format is "${source.login}"',
    notApplicable: { key: 'atlan' } },
  { id: 'SSO-005', key: 'aiven', compliant: (tf) => (appOf(tf, 'aiven')['//']['okta-sso'].importGroups = false), nonCompliant: (tf) => (appOf(tf, 'aiven')['//']['okta-sso'].importGroups = true), detail: 'Import Groups is on',
    notApplicable: { key: 'aiven' } },
  { id: 'SSO-006', key: 'aiven', nonCompliant: (tf) => (appOf(tf, 'aiven').default_relay_state = 'https://console.azure.aiven.io/'), detail: 'relay state "https://console.azure.aiven.io/"; Aiven accepts https://console.aiven.io',
    notApplicable: { key: 'omni' } },
  { id: 'SSO-007', key: 'omni', nonCompliant: (tf) => delete appOf(tf, 'omni').lifecycle, detail: 'okta_app_saml.omni has no lifecycle.prevent_destroy' },
  { id: 'SSO-008', key: 'omni', nonCompliant: (tf) => (appOf(tf, 'omni').app_settings_json = JSON.stringify({ apiToken: 'omni-9fQ2xL7mZ4pR8tV1wK6yB3nD5hJ0sE2g' })), detail: 'a secret-looking value (not shown) in okta_app_saml.omni app_settings_json' },
  { id: 'SSO-009', key: 'atlan', nonCompliant: (tf) => delete tf.resource.okta_app_group_assignments.atlan, detail: 'no Okta group is assigned' },
  { id: 'SSO-010', key: 'omni', nonCompliant: (tf) => (appOf(tf, 'omni').hide_ios = false), detail: 'Omni supports SP-initiated sign-in only, but the Okta dashboard tile is visible',
    notApplicable: { key: 'aiven' } },
  { id: 'SSO-014', key: 'wiki', integrations: wikiListing(PERSISTENT, 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'), nonCompliant: (tf) => (appOf(tf, 'wiki').subject_name_id_format = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient'),
    detail: 'NameID format "transient" is not one the SP metadata (sp-metadata/wiki-dev.xml) lists: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"; accepted: nameId.format persistent or emailAddress',
    notApplicable: { key: 'omni' } },
];

describe('policy rules: one compliant and one non-compliant case each', () => {
  test('every rule has a case, a stable ID, a level, a reason and a fix', () => {
    expect(CASES.map((c) => c.id)).toEqual(RULES.map((r) => r.id));
    for (const r of RULES) {
      expect(r.id).toMatch(/^SSO-\d{3}$/);
      expect(['error', 'warning']).toContain(r.level);
      expect(r.reason).not.toMatch(/\n/);
      expect(r.fix.length).toBeGreaterThan(10);
    }
  });

  test.each(CASES.map((c) => [c.id, c]))('%s', (_id, c) => {
    const r = rule(c.id);
    expect(r.check(subject(c.key, c.compliant, c.integrations))).toEqual({ status: 'compliant' });
    const outcome = r.check(subject(c.key, c.nonCompliant, c.integrations));
    expect(outcome.status).toBe('non-compliant');
    expect((outcome as { detail: string }).detail).toContain(c.detail);
    if (c.notApplicable) expect(r.check(subject(c.notApplicable.key, c.notApplicable.change ?? (() => undefined), c.integrations))).toEqual({ status: 'not-applicable' });
  });

  test('a rule quoting a value never shows a secret inside it', () => {
    const token = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    const cases: Array<[string, string, (tf: any) => void]> = [
      ['SSO-001', 'omni', (tf) => (appOf(tf, 'omni').sso_url = `http://acme-dev.omniapp.co/acs?t=${token}`)],
      ['SSO-006', 'aiven', (tf) => (appOf(tf, 'aiven').default_relay_state = `https://console.aiven.io/?t=${token}`)],
      ['SSO-010', 'omni', (tf) => (appOf(tf, 'omni').default_relay_state = `https://acme-dev.omniapp.co/?t=${token}`)],
    ];
    for (const [id, key, change] of cases) {
      const outcome = rule(id).check(subject(key, change)) as { status: string; detail: string };
      expect({ id, status: outcome.status }).toEqual({ id, status: 'non-compliant' });
      expect(outcome.detail).not.toContain(token);
    }
  });

  describe("SSO-014: the app's NameID format against the formats the SP metadata lists", () => {
    const sso014 = (integrations: Map<string, any>, change?: (tf: any) => void) => rule('SSO-014').check(subject('wiki', change, integrations));
    const sendPersistent = (tf: any) => (appOf(tf, 'wiki').subject_name_id_format = PERSISTENT);

    test('no NameIDFormat listed, or no metadata, is no constraint', () => {
      expect(sso014(wikiListing())).toEqual({ status: 'not-applicable' });
      expect(sso014(new Map())).toEqual({ status: 'not-applicable' });
    });

    test('any of several listed formats is accepted; unspecified among them accepts every format', () => {
      expect(sso014(wikiListing('urn:oasis:names:tc:SAML:2.0:nameid-format:transient', PERSISTENT), sendPersistent)).toEqual({ status: 'compliant' });
      expect(sso014(wikiListing('urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'), sendPersistent)).toEqual({ status: 'compliant' });
    });

    test("a format URN is read by its last segment under either SAML version, as SPs write emailAddress", () => {
      expect(sso014(wikiListing(' urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress\n'))).toEqual({ status: 'compliant' });
      expect(sso014(wikiListing('urn:oasis:names:tc:SAML:1.1:nameid-format:emailaddress'))).toEqual({ status: 'compliant' });
    });

    test('the one listed format differing is a finding naming both and the nameId.format to set', () => {
      expect(sso014(wikiListing(PERSISTENT))).toEqual({
        status: 'non-compliant',
        detail: `NameID format "emailAddress" is not one the SP metadata (sp-metadata/wiki-dev.xml) lists: "${PERSISTENT}"; accepted: nameId.format persistent`,
      });
    });

    test('listed formats Okta cannot send are said to be so', () => {
      const outcome = sso014(wikiListing('urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos')) as { detail: string };
      expect(outcome.detail).toContain('accepted: none of them is a format Okta sends (unspecified, emailAddress, x509SubjectName, persistent, transient)');
    });

    test('a catalog app (no NameID format of its own) is not judged', () => {
      expect(sso014(wikiListing(PERSISTENT), (tf) => delete appOf(tf, 'wiki').subject_name_id_format)).toEqual({ status: 'not-applicable' });
    });
  });

  test('SSO-005 reads provisioning.importGroups from the integration model', () => {
    const model = (importGroups: boolean) => new Map([['aiven', { key: 'aiven', provisioning: { importGroups } }]]);
    expect(rule('SSO-005').check(subject('aiven', undefined, model(false)))).toEqual({ status: 'compliant' });
    expect(rule('SSO-005').check(subject('aiven', undefined, model(true))).status).toBe('non-compliant');
  });

  test('the config schema accepts suppressions of exactly the suppressible rule IDs there are', () => {
    const schema = JSON.parse(fs.readFileSync(CONFIG_SCHEMA_PATH, 'utf8'));
    expect(schema.$defs.integrationFields.properties.suppressions.items.properties.rule.enum).toEqual(SUPPRESSIBLE_RULES);
    for (const r of RULES) expect(SUPPRESSIBLE_RULES).toContain(r.id);
  });

  test('a rule that throws on an unexpected shape reports it as a finding instead of stopping synth', () => {
    const throwing: PolicyRule = { ...rule('SSO-001'), check: () => { throw new Error('cannot read sso_url'); } };
    const result = evaluate([subject('omni')], () => [], [throwing]);
    expect(result.errors.map((e) => e.detail)).toEqual(['the rule could not check okta_app_saml.omni (cannot read sso_url); check its arguments']);
  });
});

describe('suppressions', () => {
  const nonCompliantAiven = () => subject('aiven', (tf) => (appOf(tf, 'aiven').signature_algorithm = 'RSA_SHA1'));

  test('a suppression with a reason turns the error into a record', () => {
    const result = evaluate([nonCompliantAiven()], () => [{ rule: 'SSO-002', reason: 'SP supports SHA-1 only until March' }]);
    expect(result.errors).toEqual([]);
    expect(result.suppressions.get('aiven')).toEqual([{ rule: 'SSO-002', reason: 'SP supports SHA-1 only until March', outcome: 'non-compliant' }]);
  });

  test('a suppression without a reason is refused and the error stays', () => {
    // Suppressions are checked once, by validateSso; the rules take only the ones it accepts.
    const validation = validateSso('aiven', 'aiven', { accountId: 'a1', methodId: 'm1', groups: ['G'], suppressions: [{ rule: 'SSO-002', reason: ' ' }] });
    const result = evaluate([nonCompliantAiven()], () => validation.suppressions);
    expect(result.errors.map((e) => e.rule.id)).toEqual(['SSO-002']);
    expect(validation.problems).toEqual([
      { field: 'suppressions.0.reason', rule: 'SSO-100', message: 'suppression of SSO-002 has no reason; accepted: a non-empty reason saying why this integration is exempt' },
    ]);
  });
});

describe('policy rules at synth', () => {
  async function synth(configFiles: Record<string, string>): Promise<{ code: number; out: string; err: string; outdir: string }> {
    const dir = tempDir('okta-sso-rules-cfg-');
    for (const [rel, text] of Object.entries(configFiles)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    const outdir = path.join(tempDir('okta-sso-rules-out-'), 'cdktf.out');
    let out = '';
    let err = '';
    const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), exit: () => undefined };
    const code = await runCli(['synth', '--config', dir, '--out', outdir], io);
    return { code, out, err, outdir };
  }
  const config = (wiki: string) => ({
    'integrations.yaml': `integrations:\n  wiki:\n    preset: generic\n    acsUrl: https://wiki.example.com/saml/acs\n    audience: https://wiki.example.com/saml/metadata\n${wiki}`,
    'environments/dev.yaml': 'environments:\n  dev:\n    okta: { orgName: example-dev, baseUrl: oktapreview.com }\n    integrations:\n      wiki: {}\n',
  });

  test('an error fails synth and nothing is written', async () => {
    const r = await synth(config('    groups: [Everyone]\n    signing: { algorithm: RSA_SHA1 }\n'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('SSO-002 (error) wiki: signature algorithm "RSA_SHA1", not SHA-256');
    expect(r.err).toContain('or, if it is intended, suppress SSO-002 for this integration with a reason (suppressions)');
    expect(fs.existsSync(r.outdir)).toBe(false);
    expect(fs.readdirSync(path.dirname(r.outdir))).toEqual([]);
  });

  test('a suppression with a reason lets synth through and is recorded on the app in cdk.tf.json', async () => {
    const r = await synth(config('    groups: [Everyone]\n    signing: { algorithm: RSA_SHA1 }\n    suppressions:\n      - { rule: SSO-002, reason: "Wiki v1 accepts SHA-1 only; upgrade tracked in WIKI-42" }\n'));
    expect(r.code).toBe(0);
    const tf = JSON.parse(fs.readFileSync(path.join(r.outdir, 'stacks', 'dev', 'cdk.tf.json'), 'utf8'));
    expect(tf.resource.okta_app_saml.wiki['//']['okta-sso-policy']).toEqual({
      suppressions: [{ rule: 'SSO-002', reason: 'Wiki v1 accepts SHA-1 only; upgrade tracked in WIKI-42', outcome: 'non-compliant' }],
    });
  });

  test('a suppression without a reason is a config error naming the field', async () => {
    const r = await synth(config('    groups: [Everyone]\n    suppressions:\n      - { rule: SSO-002 }\n'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/integrations\.yaml:\d+:\d+: integrations\.wiki\.suppressions\.0\.reason: missing required field "reason"/);
    expect(fs.existsSync(r.outdir)).toBe(false);
  });

  test('a suppression of an unknown rule is a config error listing the rules', async () => {
    const r = await synth(config('    groups: [Everyone]\n    suppressions:\n      - { rule: SSO-999, reason: "no" }\n'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('"SSO-999" is not accepted; accepted: "SSO-001", "SSO-002"');
  });

  test('a warning is printed and synth goes on', async () => {
    const r = await synth(config(''));
    expect(r.code).toBe(0);
    // Located in config, as validate prints it, once.
    expect(r.err).toMatch(/^  warning: \S+\.yaml:\d+:\d+: \S*integrations\.wiki(\.groups)?: (in environment "dev": )?SSO-009 \(warning\) wiki: no Okta group is assigned/m);
    expect(r.err.split('SSO-009 (warning)').length - 1).toBe(1);
    expect(fs.existsSync(path.join(r.outdir, 'stacks', 'dev', 'cdk.tf.json'))).toBe(true);
  });
});
