import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { listFiles, runCliCaptured, tempDir } from '../helpers';
import { FakeOkta, apiRequests, copyOrg, startFakeOkta } from '../support/fake-okta';
import { describeWithTerraform, planCounts, planStack } from '../support/terraform-plan';

// The saved org is the one truth: the fake Okta server answers adopt from it, and the fake
// okta provider answers `terraform plan` from it. Expected IDs below are read off its files.
const SAVED_ORG = path.join(__dirname, '..', '..', 'examples', 'adopt', 'saved-org');
const CONFIG = path.join(__dirname, '..', '..', 'examples', 'adopt', 'config');
const AIVEN = '0oaFdrCWerdFtJ8ib1d7';
const SNOWFLAKE = '0oarSj1TOa2c617ji1d7';
const WIKI = '0oarX3huH7Jn0OwNs1d7';
const TOKEN = '00TESTtoken-abcdefghijklmnopqrstuvwxyz0123';

function configCopy(): string {
  const dir = tempDir('okta-sso-adopt-');
  fs.cpSync(CONFIG, dir, { recursive: true });
  return dir;
}

function texts(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

/** Runs the CLI with these variables set (and the okta provider's credential variables cleared unless given). */
async function cli(argv: string[], env: Record<string, string> = {}) {
  const names = ['OKTA_API_TOKEN', 'OKTA_API_CLIENT_ID', 'OKTA_API_PRIVATE_KEY', 'OKTA_API_PRIVATE_KEY_ID', ...Object.keys(env)];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  for (const n of names) delete process.env[n];
  Object.assign(process.env, env);
  try {
    return await runCliCaptured(argv);
  } finally {
    for (const [n, v] of Object.entries(saved)) if (v === undefined) delete process.env[n];
    else process.env[n] = v;
  }
}

async function synthStack(config: string): Promise<{ dir: string; json: any }> {
  const out = tempDir('okta-sso-adopt-out-');
  const r = await cli(['synth', '--config', config, '--out', out]);
  // Nothing on stderr but the warnings about rules kept broken on adoption, which synth prints as validate does.
  expect(r.err.split('\n').filter((l) => l && !/^\d+ warnings? \(written anyway|^ {2}warning: .*: SSO-0\d\d suppressed: kept the live app's value on adoption/.test(l))).toEqual([]);
  expect(r.code).toBe(0);
  const dir = path.join(out, 'stacks', 'prod');
  return { dir, json: JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')) };
}

describe('okta-sso adopt, from saved responses to a synthesized stack', () => {
  let adopted: string;
  let stack: { dir: string; json: any };

  beforeAll(async () => {
    adopted = configCopy();
    const r = await cli(['adopt', '--env', 'prod', '--config', adopted, '--from', SAVED_ORG, '--write']);
    if (r.code !== 0) throw new Error(`adopt failed: ${r.err}`);
    stack = await synthStack(adopted);
  });

  test('the SAML apps are adopted, the OIDC and bookmark apps skipped with the reason', async () => {
    const r = await cli(['adopt', '--env', 'prod', '--config', configCopy(), '--from', SAVED_ORG]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`"Aiven" (${AIVEN}) -> aiven (aiven, new)`);
    expect(r.out).toContain(`"Snowflake" (${SNOWFLAKE}) -> snowflake (snowflake, new)`);
    expect(r.out).toContain(`"Acme Wiki" (${WIKI}) -> acme_wiki (generic, new)`);
    expect(r.out).toMatch(/skipped "[^"]+" \(0oaplNITrh6bacgtY1d7\): sign-on mode OPENID_CONNECT: adopt handles SAML 2\.0 apps/);
    expect(r.out).toMatch(/skipped "[^"]+" \(0oatpu4pVKFUHLuhJ1d7\): sign-on mode BOOKMARK/);
    expect(r.out).toContain('run with --write');
  });

  test('synth writes an import block for each live object, in the form each importer takes, and requires Terraform >= 1.5', () => {
    expect(stack.json.import).toEqual([
      { id: WIKI, to: 'okta_app_group_assignments.acme_wiki' },
      { id: AIVEN, to: 'okta_app_group_assignments.aiven' },
      { id: SNOWFLAKE, to: 'okta_app_group_assignments.snowflake' },
      { id: WIKI, to: 'okta_app_saml.acme_wiki' },
      { id: AIVEN, to: 'okta_app_saml.aiven' },
      { id: SNOWFLAKE, to: 'okta_app_saml.snowflake' },
      { id: `${AIVEN}/gPmmGyAFEnLLRA0pO1d7`, to: 'okta_push_group.aiven_group_engineering' },
      { id: `${AIVEN}/gPmP8DKEGHGDw6CwY1d7`, to: 'okta_push_group.aiven_group_sre' },
    ]);
    expect(stack.json.terraform.required_version).toBe('>= 1.5.0');
    // Adopted push groups point at the existing SP group by ID: a target name is never read back and would replace them.
    expect(stack.json.resource.okta_push_group.aiven_group_engineering.target_group_id).toBe('00gGFKRPWtvuRhgru1d7');
    expect(stack.json.resource.okta_push_group.aiven_group_engineering.target_group_name).toBeUndefined();
  });

  test('rules the live apps break are kept as live, suppressed with an "adopted:" reason, and validate lists them as warnings', async () => {
    const written = Object.values(texts(adopted)).join('\n');
    // --write edits the files in place: the user's comments stay.
    expect(written).toContain("# Acme's Okta org before adoption: an environment and no integrations yet.");
    expect(written).toContain('# adopted from the live Okta app "Aiven" (0oaFdrCWerdFtJ8ib1d7) by okta-sso adopt');
    expect(written).toMatch(/rule: SSO-004\n\s+reason: "adopted: kept the live app's value on adoption \(username format \\"login\\" is not allowed by Aiven/);
    expect(written).toMatch(/rule: SSO-002\n\s+reason: "adopted: /);
    const v = await cli(['validate', '--config', adopted]);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/\n {2}warning: \S+\.yaml:\d+:\d+: environments\.prod\.integrations\.aiven\.suppressions\.\d+: SSO-004 suppressed: kept the live app's value on adoption/);
    expect(v.out).toMatch(/\n {2}warning: \S+\.yaml:\d+:\d+: environments\.prod\.integrations\.snowflake\.suppressions\.\d+: SSO-002 suppressed: kept the live app's value on adoption/);
    // Nothing was "fixed": the live values are what synth declares.
    expect(stack.json.resource.okta_app_saml.aiven.user_name_template).toBe('$${source.login}');
    expect(stack.json.resource.okta_app_saml.snowflake.signature_algorithm).toBe('RSA_SHA1');
  });

  test('the runbook keeps what the API cannot show as steps to check, not to redo', () => {
    const runbook = fs.readFileSync(path.join(stack.dir, 'runbook.md'), 'utf8');
    expect(runbook).toContain('Check: turn on SCIM provisioning for the app');
    expect(runbook).toContain("so this may be done already, and Okta's API does not show it to Terraform or to okta-sso adopt: check it.");
    expect(runbook).not.toMatch(/### \d+\. Turn on SCIM/);
  });

  test('a second adopt run changes nothing', async () => {
    const before = texts(adopted);
    const r = await cli(['adopt', '--env', 'prod', '--config', adopted, '--from', SAVED_ORG, '--write']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`already adopted as aiven in prod`);
    expect(r.out).toContain('0 SAML app(s) to adopt');
    expect(texts(adopted)).toEqual(before);
  });

  describe('over HTTP, against a fake Okta org on 127.0.0.1', () => {
    let okta: FakeOkta;
    const keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    beforeEach(async () => {
      okta = await startFakeOkta(SAVED_ORG, { token: TOKEN, oauth: { clientId: '0oaservice00000000001', publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString() } });
    });
    afterEach(() => okta.close());

    test('with OKTA_API_TOKEN: the same config as from saved responses, GET requests only, a 429 waited out until its reset', async () => {
      const dir = configCopy();
      const r = await cli(['adopt', '--env', 'prod', '--config', dir, '--org-url', okta.url, '--write'], { OKTA_API_TOKEN: TOKEN });
      expect(r.code).toBe(0);
      expect(texts(dir)).toEqual(texts(adopted));
      expect(okta.requests.map((q) => q.method)).toEqual(okta.requests.map(() => 'GET'));
      expect(apiRequests(okta).every((q) => q.authorization === `SSWS ${TOKEN}`)).toBe(true);
      // Both pages of the app list were read.
      expect(okta.requests.some((q) => q.path.startsWith('/api/v1/apps?after='))).toBe(true);
      const groups = okta.requests.filter((q) => q.path === `/api/v1/apps/${AIVEN}/groups?limit=200`);
      expect(groups).toHaveLength(2);
      expect(r.err).toContain('rate limited on GET');
      // The fake answers 429 with a reset one second ahead (epoch seconds): the retry came no earlier.
      expect(Math.floor(groups[1].at / 1000)).toBeGreaterThanOrEqual(Math.floor(groups[0].at / 1000) + 1);
      expect(`${r.out}${r.err}${Object.values(texts(dir)).join('')}`).not.toContain(TOKEN.slice(6));
    }, 20_000);

    test('with an OAuth 2.0 private key: one token request for read-only scopes, then GETs', async () => {
      const dir = configCopy();
      const pem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const r = await cli(['adopt', '--env', 'prod', '--config', dir, '--org-url', okta.url, '--app', WIKI], { OKTA_API_CLIENT_ID: '0oaservice00000000001', OKTA_API_PRIVATE_KEY: pem });
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`-> acme_wiki (generic, new)`);
      const posts = okta.requests.filter((q) => q.method !== 'GET');
      expect(posts).toEqual([expect.objectContaining({ method: 'POST', path: '/oauth2/v1/token', scope: 'okta.apps.read okta.groups.read' })]);
      expect(apiRequests(okta).filter((q) => q.method === 'GET').every((q) => q.authorization?.startsWith('Bearer '))).toBe(true);
    }, 20_000);
  });

  describeWithTerraform('the first terraform plan after adoption, against the same saved org', () => {
    test('every Okta object is imported unchanged; push groups show their one known change; only the Snowflake side (not in Okta\'s API) is added', async () => {
      const result = await planStack(stack.dir, { apply: false, oktaOrg: SAVED_ORG });
      expect(result.status).toBe(0);
      expect(planCounts(result)).toEqual({ import: 8, add: 1, change: 2, destroy: 0 });
      const log = result.planLog;
      expect([...log.matchAll(/# (\S+) will be created/g)].map((m) => m[1])).toEqual(['snowflake_saml2_integration.snowflake']);
      expect([...log.matchAll(/# (\S+) will be updated in-place/g)].map((m) => m[1])).toEqual(['okta_push_group.aiven_group_engineering', 'okta_push_group.aiven_group_sre']);
      // In each push group update, the one attribute that changes is the one the provider never reads back.
      for (const address of ['okta_push_group.aiven_group_engineering', 'okta_push_group.aiven_group_sre']) {
        const block = log.slice(log.indexOf(`# ${address} will be updated in-place`)).split(/\n\s*}\n/)[0];
        expect([...block.matchAll(/^\s+[~+-] (\w+)\s+=/gm)].map((m) => m[1])).toEqual(['delete_target_group_on_destroy']);
      }
    }, 120_000);

    test('Aiven without a default relay state is adopted as it is (relayState "", SSO-006 suppressed), and its plan changes only the push groups', async () => {
      const org = copyOrg(SAVED_ORG, (dir) => {
        for (const file of [`apps/${AIVEN}.json`, 'pages/apps-1.json']) {
          const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
          for (const app of Array.isArray(json) ? json : [json]) if (app.id === AIVEN) app.settings.signOn.defaultRelayState = null;
          fs.writeFileSync(path.join(dir, file), JSON.stringify(json, null, 2));
        }
      });
      const dir = configCopy();
      const r = await cli(['adopt', '--env', 'prod', '--config', dir, '--from', org, '--app', AIVEN, '--write']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('relayState: ""');
      expect(r.out).toMatch(/suppressed with an "adopted:" reason: SSO-006 relay state is not set/);
      const aiven = await synthStack(dir);
      expect(aiven.json.resource.okta_app_saml.aiven.default_relay_state).toBeUndefined();
      const result = await planStack(aiven.dir, { apply: false, oktaOrg: org });
      expect(result.status).toBe(0);
      expect(planCounts(result)).toEqual({ import: 4, add: 0, change: 2, destroy: 0 });
      expect([...result.planLog.matchAll(/# (\S+) will be updated in-place/g)].map((m) => m[1])).toEqual(['okta_push_group.aiven_group_engineering', 'okta_push_group.aiven_group_sre']);
    }, 120_000);

    test('an adopted app alone plans as N to import, 0 to add, 0 to change, 0 to destroy', async () => {
      const dir = configCopy();
      const r = await cli(['adopt', '--env', 'prod', '--config', dir, '--from', SAVED_ORG, '--app', WIKI, '--write']);
      expect(r.code).toBe(0);
      const wiki = await synthStack(dir);
      const result = await planStack(wiki.dir, { apply: false, oktaOrg: SAVED_ORG, expectNoChanges: true });
      expect(result.status).toBe(0);
      expect(planCounts(result)).toEqual({ import: 2, add: 0, change: 0, destroy: 0 });
    }, 120_000);
  });
});
