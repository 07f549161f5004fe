import * as fs from 'fs';
import * as path from 'path';
import { listFiles, runCliCaptured, tempDir } from '../helpers';
import { copyOrg } from '../support/fake-okta';
import { describeWithTerraform, planCounts, planStack } from '../support/terraform-plan';

// Live apps that differ from the saved org's in one way each: adopt must either write them so that the
// first plan changes nothing (the fake provider's plan judges), or leave them out and say why.
const ORG = path.join(__dirname, '..', '..', 'examples', 'adopt', 'saved-org');
const CONFIG = path.join(__dirname, '..', '..', 'examples', 'adopt', 'config');
const AIVEN = '0oaFdrCWerdFtJ8ib1d7';
const WIKI = '0oarX3huH7Jn0OwNs1d7';

type Json = Record<string, any>;

/** The saved org with `edit` applied to one app, wherever the org holds it (its own file and the list page). */
function orgWithApp(id: string, edit: (app: Json) => void, more?: (dir: string) => void): string {
  return copyOrg(ORG, (dir) => {
    for (const file of [`apps/${id}.json`, 'pages/apps-1.json', 'pages/apps-2.json']) {
      const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      for (const app of Array.isArray(json) ? json : [json]) if (app.id === id) edit(app);
      fs.writeFileSync(path.join(dir, file), JSON.stringify(json, null, 2));
    }
    more?.(dir);
  });
}

function editJson(dir: string, rel: string, edit: (value: any) => any): void {
  const file = path.join(dir, rel);
  fs.writeFileSync(file, JSON.stringify(edit(JSON.parse(fs.readFileSync(file, 'utf8'))), null, 2));
}

function config(text?: string): string {
  const dir = tempDir('okta-sso-adopt-');
  fs.cpSync(CONFIG, dir, { recursive: true });
  if (text !== undefined) fs.writeFileSync(path.join(dir, 'okta-sso.yaml'), text);
  return dir;
}

function texts(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

const adopt = (dir: string, org: string, ...more: string[]) => runCliCaptured(['adopt', '--env', 'prod', '--config', dir, '--from', org, ...more]);

describe('live settings that config cannot say: the app is left out, with the reason, and nothing about it is written', () => {
  const cases: Array<[string, (app: Json) => void, RegExp]> = [
    ['a custom IdP issuer', (a) => (a.settings.signOn.idpIssuer = 'https://sso.acme.example/issuer'), /a custom IdP issuer "https:\/\/sso\.acme\.example\/issuer"/],
    ['an SP issuer (never read back, so a full update would drop it)', (a) => (a.settings.signOn.spIssuer = 'https://wiki.acme.example'), /an SP issuer \(spIssuer\), which the provider never reads back/],
    ['implicit assignment', (a) => (a.settings.implicitAssignment = true), /implicit assignment/],
    ['a signature algorithm config has no name for', (a) => (a.settings.signOn.signatureAlgorithm = 'RSA_SHA512'), /signature algorithm "RSA_SHA512"/],
    ['an attribute statement without a namespace', (a) => delete a.settings.signOn.attributeStatements[0].namespace, /attribute statement "email" without a namespace/],
    ['a group statement before the others', (a) => a.settings.signOn.attributeStatements.unshift(a.settings.signOn.attributeStatements.pop()), /group attribute statement "memberOf" before other statements/],
    ['single logout', (a) => (a.settings.signOn.slo = { enabled: true, issuer: 'x', logoutUrl: 'https://wiki.acme.example/slo' }), /single logout \(slo\)/],
    ['a catalog app', (a) => (a.name = 'confluence'), /catalog app "confluence"/],
    [
      'ACS URLs left in acsEndpoints with "allow multiple" off (read back: the first plan would remove them)',
      (a) => (a.settings.signOn.acsEndpoints = [{ url: 'https://wiki.acme.example/saml/acs', index: 0 }, { url: 'https://wiki2.acme.example/saml/acs', index: 1 }]),
      /2 ACS URL\(s\) listed in acsEndpoints, which config does not set \(the first plan would remove them\)/,
    ],
    ['a username suffix (read back: the first plan would remove it)', (a) => (a.credentials.userNameTemplate.suffix = 'acme.example'), /a username suffix "acme\.example" \(userNameTemplate\.suffix\)/],
    ['compressed SAML requests (never read back)', (a) => (a.settings.signOn.requestCompressed = true), /compressed SAML requests \(requestCompressed\), which the provider never reads back/],
    ['an assertion lifetime (never read back)', (a) => (a.settings.signOn.samlAssertionLifetimeSeconds = 300), /an assertion lifetime of 300 s \(samlAssertionLifetimeSeconds\)/],
    ['an ACS URL override (never read back)', (a) => (a.settings.signOn.ssoAcsUrlOverride = 'https://casb.acme.example/acs'), /a ssoAcsUrlOverride, which the provider never reads back/],
  ];
  test.each(cases)('%s', async (_what, edit, reason) => {
    const dir = config();
    const before = texts(dir);
    const r = await adopt(dir, orgWithApp(WIKI, edit), '--write');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`skipped "Acme Wiki" \\(${WIKI}\\): its settings include what config cannot say[^\\n]*${reason.source}`));
    expect(Object.values(texts(dir)).join('')).not.toContain(WIKI);
    expect(texts(dir)).not.toEqual(before); // the other apps are adopted
    // Asked for by ID, it is an error instead.
    const asked = await adopt(config(), orgWithApp(WIKI, edit), '--app', WIKI);
    expect(asked.code).toBe(2);
    expect(asked.err).toMatch(new RegExp(`cannot adopt "Acme Wiki" \\(${WIKI}\\) as is: [^\\n]*${reason.source}`));
  });

  test('a group name that two Okta groups share: config finds groups by name, so the app is left out', async () => {
    const org = copyOrg(ORG, (dir) =>
      editJson(dir, 'groups.json', (groups: Json[]) => [{ ...groups.find((g) => g.profile.name === 'Wiki-Users'), id: '00gAppGroupWikiUser1', type: 'APP_GROUP' }, ...groups]),
    );
    const r = await adopt(config(), org);
    expect(r.out).toMatch(/skipped "Acme Wiki" \([^)]+\): [^\n]*group "Wiki-Users": 2 Okta groups have that name, and config finds groups by name/);
  });

  test("saved settings that are not Okta's shape stop adoption with the app named (exit 2), never an internal error", async () => {
    for (const edit of [(a: Json) => (a.settings.signOn.attributeStatements = { email: 'user.email' }), (a: Json) => (a.settings.signOn.attributeStatements = [null]), (a: Json) => (a.settings = null)]) {
      const r = await adopt(config(), orgWithApp(WIKI, edit), '--write');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^okta-sso adopt: "Acme Wiki" \\(${WIKI}\\)[: ][^\\n]*(Okta's shape|as Okta returns it)`));
      expect(r.err).not.toMatch(/Cannot read|is not a function|undefined/);
    }
  });
});

describe('adopting into a config that already has integrations and environments', () => {
  const TWO_ENVS = `integrations:
  # Aiven, declared before adoption; prod's values are adopted from the live app.
  aiven:
    preset: aiven
    provisioning: { method: scim }
environments:
  dev:
    okta: { orgName: acme-dev, baseUrl: okta.com }
    integrations:
      aiven:
        aiven: { accountId: d1e2v3, methodId: amd1e2v3 }
        provisioning: { token: "secret:vault/aiven-dev" }
  prod:
    okta: { orgName: acme, baseUrl: okta.com }
    integrations:
      aiven:
        aiven: { accountId: a0b8e61f3c92, methodId: am0b8e61f3c93 }
        groups: [Engineering, SRE]
        provisioning: { token: "secret:vault/aiven-prod" }
`;

  test('an app whose SP account is an integration of config is adopted into it: only the live values are added to its entry, its token location kept', async () => {
    const dir = config(TWO_ENVS);
    const r = await adopt(dir, ORG, '--app', AIVEN, '--write');
    expect(r.err).toBe('');
    expect(r.out).toContain(`-> aiven (aiven, an integration the config already has)`);
    const text = fs.readFileSync(path.join(dir, 'okta-sso.yaml'), 'utf8');
    expect(text).toContain('# Aiven, declared before adoption');
    expect(text).toContain('token: "secret:vault/aiven-prod"');
    expect(text).toContain(`oktaAppId: ${AIVEN}`);
    expect((await runCliCaptured(['validate', '--config', dir])).code).toBe(0);
  });

  test("what prod's entry writes that the live app has otherwise (a group it creates, the live app's an existing one) is never overwritten: the app is left out naming it, nothing written", async () => {
    const dir = config(TWO_ENVS.replace('        groups: [Engineering, SRE]\n', '        groups: [{ name: Engineering, create: true, description: All engineers }, SRE]\n'));
    const before = texts(dir);
    const r = await adopt(dir, ORG, '--app', AIVEN, '--write');
    expect(r.code).toBe(2);
    expect(r.err).toContain('aiven in prod writes what adoption would change (groups: config [{"name":"Engineering","create":true,"description":"All engineers"},"SRE"], live');
    expect(r.err).toContain('adopt only adds values');
    expect(texts(dir)).toEqual(before);
  });

  test('a generic integration whose ACS URL its SP metadata file gives is the one adopted into, not a second app beside it', async () => {
    const dir = config(`integrations:
  wiki:
    preset: generic
    label: Acme Wiki
    spMetadata: { file: wiki-sp.xml }
environments:
  prod:
    okta: { orgName: acme, baseUrl: okta.com }
    integrations:
      wiki:
        groups: [Wiki-Users, Wiki-Admins]
`);
    fs.writeFileSync(
      path.join(dir, 'wiki-sp.xml'),
      '<?xml version="1.0"?>\n<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://wiki.acme.example/saml/metadata">\n' +
        '  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n' +
        '    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://wiki.acme.example/saml/acs" index="0" isDefault="true"/>\n' +
        '  </md:SPSSODescriptor>\n</md:EntityDescriptor>\n',
    );
    const r = await adopt(dir, ORG, '--app', WIKI);
    expect(r.err).toBe('');
    expect(r.out).toContain(`(${WIKI}) -> wiki (generic, an integration the config already has)`);
  });

  test('an integration the environment does not enable yet is the one adopted into (a second environment of an existing integration)', async () => {
    const dir = config(TWO_ENVS.replace(/  prod:\n[\s\S]*$/, '  prod:\n    okta: { orgName: acme, baseUrl: okta.com }\n    integrations: {}\n'));
    const r = await adopt(dir, ORG, '--app', AIVEN, '--write');
    expect(r.err).toBe('');
    expect(r.out).toContain(`-> aiven (aiven, an integration the config already has)`);
    expect((await runCliCaptured(['validate', '--config', dir])).code).toBe(0);
  });

  // A generic SP's shared settings name no ACS URL (it is per environment): another generic integration is another SP.
  const DEV_ONLY = (key: string, label: string) => `integrations:
  ${key}: { preset: generic, label: ${label} }
environments:
  dev:
    okta: { orgName: acme-dev, baseUrl: okta.com }
    integrations:
      ${key}: { acsUrl: "https://${key}.dev.acme.example/saml/acs", audience: "https://${key}.dev.acme.example/saml/metadata" }
  prod:
    okta: { orgName: acme, baseUrl: okta.com }
    integrations: {}
`;

  test('a generic app is adopted into a generic integration of another environment only when it has its label or key', async () => {
    const other = config(DEV_ONLY('confluence', 'Confluence'));
    const r = await adopt(other, ORG, '--app', WIKI, '--write');
    expect(r.err).toBe('');
    expect(r.out).toContain('-> acme_wiki (generic, new)');
    const text = fs.readFileSync(path.join(other, 'okta-sso.yaml'), 'utf8');
    expect(text).toMatch(/\n  acme_wiki:/);
    // Prod enables the new integration, not the other SP's.
    expect(text).toMatch(/\n  prod:[\s\S]*\n      acme_wiki:/);
    expect(text).not.toMatch(/\n  prod:[\s\S]*confluence/);
    expect((await runCliCaptured(['validate', '--config', other])).code).toBe(0);

    const same = config(DEV_ONLY('wiki', 'Acme Wiki'));
    const s = await adopt(same, ORG, '--app', WIKI, '--write');
    expect(s.err).toBe('');
    expect(s.out).toContain('-> wiki (generic, an integration the config already has)');
    expect((await runCliCaptured(['validate', '--config', same])).code).toBe(0);
  });

  test('two integrations of the SP that the environment does not enable yet: the app is not guessed into either', async () => {
    const dir = config(`integrations:
  aiven: { preset: aiven }
  aiven_eu: { preset: aiven }
environments:
  dev:
    okta: { orgName: acme-dev, baseUrl: okta.com }
    integrations:
      aiven: { aiven: { accountId: d1e2v3, methodId: amd1e2v3 }, provisioning: { token: "secret:vault/aiven-dev" } }
      aiven_eu: { aiven: { accountId: e1e2v3, methodId: ame1e2v3 }, provisioning: { token: "secret:vault/aiven-eu-dev" } }
  prod:
    okta: { orgName: acme, baseUrl: okta.com }
    integrations: {}
`);
    const before = texts(dir);
    const asked = await adopt(dir, ORG, '--app', AIVEN, '--write');
    expect(asked.code).toBe(2);
    expect(asked.err).toContain(`cannot adopt "Aiven" (${AIVEN}): it could be any of the Aiven integrations "aiven", "aiven_eu", which prod does not enable yet, and which one is unknown;`);
    expect(asked.err).toContain(`or adopt it as a new integration with --app ${AIVEN} --key NAME`);
    // Over the whole org it is one app left out with that reason; the others are adopted.
    const all = await adopt(dir, ORG);
    expect(all.code).toBe(0);
    expect(all.out).toMatch(new RegExp(`skipped "Aiven" \\(${AIVEN}\\): it could be any of the Aiven integrations`));
    expect(all.out).toContain('-> acme_wiki (generic, new)');
    expect(texts(dir)).toEqual(before);
  });

  // Host names are case-insensitive: `Acme` is the same org as `acme`.
  test.each(['acme', 'Acme'])('an app already adopted by another environment on the same Okta org (%s) is not adopted twice', async (orgName) => {
    const dir = config(TWO_ENVS.replace('orgName: acme-dev', `orgName: ${orgName}`));
    const first = await adopt(dir, ORG, '--app', AIVEN, '--write');
    expect(first.code).toBe(0);
    const second = await runCliCaptured(['adopt', '--env', 'dev', '--config', dir, '--from', ORG, '--app', AIVEN]);
    expect(second.out).toContain(`skipped "Aiven" (${AIVEN}): already adopted as aiven in prod, which uses the same Okta org: one app has one owner`);
  });

  // An ID the org no longer has (the app deleted and made again, or an ID copied from another org's config).
  const STALE = '0oaGone0000000000001';
  const STALE_LINE = `        adopt: { oktaAppId: ${STALE} }\n`;
  const WITH_STALE_ID = TWO_ENVS.replace('        provisioning: { token: "secret:vault/aiven-prod" }\n', `        provisioning: { token: "secret:vault/aiven-prod" }\n${STALE_LINE}`);

  test("an integration adopting an app ID the org does not have: the live app with its SP account is left out saying so, where, and what to do, never 'another account'", async () => {
    const dir = config(WITH_STALE_ID);
    const before = texts(dir);
    const all = await adopt(dir, ORG, '--write');
    expect(all.code).toBe(0);
    expect(all.out).toContain(
      `skipped "Aiven" (${AIVEN}): integration aiven, which has this app's Aiven account in prod, adopts app "${STALE}" (${path.join(dir, 'okta-sso.yaml')}:20: environments.prod.integrations.aiven.adopt.oktaAppId), which is not an app of this Okta org (deleted, or an ID from another org); if this app is the one it means, remove that integration's adopt from its prod entry`,
    );
    expect(all.out).not.toContain('another Aiven account');
    expect(fs.readFileSync(path.join(dir, 'okta-sso.yaml'), 'utf8')).not.toContain(`oktaAppId: ${AIVEN}`);
    expect(texts(dir)).not.toEqual(before); // the other apps are adopted
    // Asked for by ID, the org's other apps are not read: the message says so, and how to check.
    const asked = await adopt(config(WITH_STALE_ID), ORG, '--app', AIVEN);
    expect(asked.code).toBe(2);
    expect(asked.err).toContain(`cannot adopt "Aiven" (${AIVEN}): integration aiven, which has this app's Aiven account in prod, adopts app "${STALE}" (`);
    expect(asked.err).toContain(`not this one; if this app is the one it means, remove that integration's adopt from its prod entry (its IDs are the old app's) and run adopt again, which writes this app's IDs; run adopt without --app to check whether the org still has "${STALE}"`);
    // Doing what it says adopts the app into that integration.
    const fixed = config(WITH_STALE_ID.replace(STALE_LINE, ''));
    const again = await adopt(fixed, ORG, '--app', AIVEN, '--write');
    expect(again.err).toBe('');
    expect(again.out).toContain('-> aiven (aiven, an integration the config already has)');
    expect((await runCliCaptured(['validate', '--config', fixed])).code).toBe(0);
  });

  test("a second live app with the SP account of an integration that adopts the first: left out saying so, never 'another account'", async () => {
    const copyId = '0oaAivenCopy00000001';
    const org = copyOrg(ORG, (dir) => {
      const aiven = JSON.parse(fs.readFileSync(path.join(dir, 'apps', `${AIVEN}.json`), 'utf8'));
      fs.writeFileSync(path.join(dir, 'apps', `${copyId}.json`), JSON.stringify({ ...aiven, id: copyId, label: 'Aiven (copy)' }));
      fs.cpSync(path.join(dir, 'apps', AIVEN), path.join(dir, 'apps', copyId), { recursive: true });
      editJson(dir, 'pages/apps-2.json', (apps: Json[]) => [...apps, { ...aiven, id: copyId, label: 'Aiven (copy)' }]);
    });
    const dir = config(WITH_STALE_ID.replace(STALE, AIVEN));
    const r = await adopt(dir, org);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`skipped "Aiven" (${AIVEN}): already adopted as aiven in prod`);
    expect(r.out).toContain(
      `skipped "Aiven (copy)" (${copyId}): integration aiven, which has this app's Aiven account in prod, adopts app "${AIVEN}" (${path.join(dir, 'okta-sso.yaml')}:20: environments.prod.integrations.aiven.adopt.oktaAppId), another live app with the same Aiven account: config has one integration per Aiven account in an environment; delete the app not in use in Okta, or adopt this one under another key with --app ${copyId} --key NAME`,
    );
  });

  test('two live apps that are the same integration of config: choose with --app, nothing written', async () => {
    const org = copyOrg(ORG, (dir) => {
      const wiki = JSON.parse(fs.readFileSync(path.join(dir, 'apps', `${WIKI}.json`), 'utf8'));
      const copy = { ...wiki, id: '0oaWikiCopy000000001', label: 'Acme Wiki (new)' };
      fs.writeFileSync(path.join(dir, 'apps', `${copy.id}.json`), JSON.stringify(copy));
      fs.cpSync(path.join(dir, 'apps', WIKI), path.join(dir, 'apps', copy.id), { recursive: true });
      editJson(dir, 'pages/apps-2.json', (apps: Json[]) => [...apps, copy]);
    });
    const dir = config(`integrations:
  wiki: { preset: generic }
environments:
  prod:
    okta: { orgName: acme, baseUrl: okta.com }
    integrations:
      wiki: { acsUrl: "https://wiki.acme.example/saml/acs", audience: "https://wiki.acme.example/saml/metadata" }
`);
    const before = texts(dir);
    const r = await adopt(dir, org, '--write');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`2 live apps for integration wiki: "Acme Wiki" (${WIKI}), "Acme Wiki (new)" (0oaWikiCopy000000001); choose which to adopt with --app ID`);
    expect(texts(dir)).toEqual(before);
  });
});

describeWithTerraform('the first plan of apps adopted as they are', () => {
  test('group assignments without a priority plan with no change', async () => {
    const org = copyOrg(ORG, (dir) => editJson(dir, `apps/${WIKI}/groups.json`, (groups: Json[]) => groups.map(({ priority: _p, ...g }) => g)));
    const dir = config();
    expect((await adopt(dir, org, '--app', WIKI, '--write')).code).toBe(0);
    const out = tempDir('okta-sso-adopt-out-');
    expect((await runCliCaptured(['synth', '--config', dir, '--out', out])).code).toBe(0);
    const result = await planStack(path.join(out, 'stacks', 'prod'), { apply: false, oktaOrg: org, expectNoChanges: true });
    expect(result.status).toBe(0);
    expect(planCounts(result)).toEqual({ import: 2, add: 0, change: 0, destroy: 0 });
  }, 120_000);
});

test('validate refuses one live app adopted twice on one Okta org, naming both places', async () => {
  const dir = config(`integrations:
  wiki: { preset: generic }
  wiki_old: { preset: generic }
environments:
  prod:
    okta: { orgName: acme, baseUrl: okta.com }
    integrations:
      wiki: { acsUrl: "https://wiki.acme.example/saml/acs", audience: "https://wiki.acme.example/saml/metadata", adopt: { oktaAppId: ${WIKI} } }
      wiki_old: { acsUrl: "https://wiki.acme.example/saml/acs", audience: "https://wiki.acme.example/saml/metadata", adopt: { oktaAppId: ${WIKI} } }
`);
  const r = await runCliCaptured(['validate', '--config', dir]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(new RegExp(`okta-sso\\.yaml:9:\\d+: environments\\.prod\\.integrations\\.wiki_old\\.adopt\\.oktaAppId: app ${WIKI} is also adopted by prod/wiki on the same Okta org \\(acme\\.okta\\.com\\)`));
});

test('a config file that is a symbolic link inside the config directory stays one: adopt --write writes what it leads to', async () => {
  const dir = config();
  fs.mkdirSync(path.join(dir, 'real'));
  fs.renameSync(path.join(dir, 'okta-sso.yaml'), path.join(dir, 'real', 'o.yml'));
  fs.symlinkSync('real/o.yml', path.join(dir, 'okta-sso.yaml'));
  const r = await adopt(dir, ORG, '--write');
  expect(r.code).toBe(0);
  expect(fs.lstatSync(path.join(dir, 'okta-sso.yaml')).isSymbolicLink()).toBe(true);
  expect(fs.readFileSync(path.join(dir, 'real', 'o.yml'), 'utf8')).toContain(`oktaAppId: ${WIKI}`);
  expect((await runCliCaptured(['validate', '--config', dir])).code).toBe(0);
});

describe('an app whose own values config cannot hold is left out with the reason, and the others are adopted', () => {
  const renameGroup = (dir: string, id: string, name: string) => {
    for (const file of [`groups/${id}.json`, 'groups.json']) {
      const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      for (const g of Array.isArray(json) ? json : [json]) if (g.id === id) g.profile.name = name;
      fs.writeFileSync(path.join(dir, file), JSON.stringify(json, null, 2));
    }
  };
  test.each([
    ['a relay state that is not a URL', orgWithApp(WIKI, (a) => (a.settings.signOn.defaultRelayState = 'dashboard')), /relayState: relay state "dashboard" is not a URL; accepted: an absolute https:\/\/ URL/],
    [
      'two of its live groups at one Terraform name',
      orgWithApp(WIKI, () => undefined, (dir) => renameGroup(dir, '00gdEjpqu5uhrzndp1d7', 'Wiki Users')),
      /groups\.1: Okta groups "Wiki-Users" \(acme_wiki\.groups\.0\) and "Wiki Users" map to the same Terraform name group_wiki_users/,
    ],
  ])('%s: skipped in a run over the org, dry run and --write alike; an error asked for by ID', async (_what, org, reason) => {
    const dir = config();
    const dry = await adopt(dir, org);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(new RegExp(`skipped "Acme Wiki" \\(${WIKI}\\): ${reason.source}`));
    expect(dry.out).toContain('run with --write');
    const written = await adopt(dir, org, '--write');
    expect({ code: written.code, err: written.err }).toEqual({ code: 0, err: '' });
    expect(Object.values(texts(dir)).join('')).not.toContain(WIKI);
    expect(Object.values(texts(dir)).join('')).toContain('oktaAppId: 0oaFdrCWerdFtJ8ib1d7');
    const asked = await adopt(config(), org, '--app', WIKI);
    expect(asked.code).toBe(2);
    expect(asked.err).toMatch(reason);
  });
});

test('an integration of config that sets what its live app lacks: that app is left out naming each difference, the others adopted; asked for by ID, the error', async () => {
  const dir = tempDir('okta-sso-adopt-acme-');
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'acme'), dir, { recursive: true });
  const all = await adopt(dir, ORG);
  expect(all.code).toBe(0);
  expect(all.out).toContain(
    'skipped "Snowflake" (0oarSj1TOa2c617ji1d7): snowflake in config sets what the live app does not have (provisioning: config {"method":"scim",',
  );
  expect(all.out).toContain('snowflake.scimIntegrationName: config "OKTA_SNOWFLAKE_SCIM", live none), and adopt only adds values;');
  expect(all.out).toContain(`"Aiven" (${AIVEN}) -> aiven (aiven, an integration the config already has)`);
  const asked = await adopt(dir, ORG, '--app', '0oarSj1TOa2c617ji1d7');
  expect(asked.code).toBe(2);
  expect(asked.err).toContain('cannot adopt "Snowflake" (0oarSj1TOa2c617ji1d7): snowflake in config sets what the live app does not have');
});
