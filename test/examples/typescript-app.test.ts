/**
 * The example app in examples/typescript-app, as a user runs it: the library
 * packed with `npm pack`, installed from the tarball beside the newest
 * constructs 10.x, and synthesized with the app command from the example's own
 * cdktf.json. It catches what the in-repo tests cannot: a `files` list that ships
 * too much or too little, cdktf/constructs installed twice (the library's
 * `instanceof` checks then fail), typings that do not reach a consumer.
 *
 * One pack and one install are shared; every run happens in a `cp -a` copy of
 * the installed app, so runs never see each other's dist/ or cdktf.out/.
 * Network: the npm registry only (npm's cache usually has everything).
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_OKTA_PROVIDER_CONSTRAINT } from '../../model/provider-versions';
import { tempDir } from '../helpers';
import { RuleCaseResult, expectRuleFired } from '../support/rule-case-expect';
import { RULE_CASES } from '../support/rule-cases';
import {
  RunResult,
  assertSucceeded,
  childEnv,
  compareVersions,
  copyExampleApp,
  fileContents,
  killRunning,
  packProject,
  packageCopies,
  run,
  tarballEntries,
} from '../support/packed-example';
import { describeWithTerraform, expectPlanPasses, planCounts, planStack, resourceCount } from '../support/terraform-plan';

const PROJECT_DIR = path.join(__dirname, '..', '..');
const EXAMPLE_DIR = path.join(PROJECT_DIR, 'examples', 'typescript-app');
const STACK_DIR = path.join('cdktf.out', 'stacks', 'prod');
/** The example's package.json asks for constructs ^10.8.1: an install that resolved lower ignored it. */
const MIN_CONSTRUCTS = '10.8.1';
const INTEGRATIONS = ['aiven', 'omni', 'snowflake'];

let root: string | undefined;
let tarball: string;
let entries: string[];
let installed: string;
let copies = 0;

beforeAll(async () => {
  root = tempDir('okta-sso-example-');
  // `npm pack` runs `prepare` (the build), so the tarball is what a publish would upload.
  tarball = await packProject(PROJECT_DIR, path.join(root, 'pack'), 150_000);
  entries = await tarballEntries(tarball);
  installed = path.join(root, 'installed');
  copyExampleApp(EXAMPLE_DIR, installed);
  // constructs@^10 beside the tarball: the newest 10.x, newer than the library's own dev pin, which is what once got nested.
  assertSucceeded(
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, 'constructs@^10'], { cwd: installed, env: childEnv(), timeoutMs: 150_000 }),
  );
}, 240_000);

afterAll(() => {
  killRunning();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** A fresh copy of the installed app (no dist/, no cdktf.out/), with main.ts changed by `edit`. */
async function appCopy(edit?: (mainTs: string) => string): Promise<string> {
  const dir = path.join(root!, `run-${++copies}`);
  // cp -a keeps node_modules/.bin's symlinks as they are; the copy costs well under a second.
  assertSucceeded(await run('cp', ['-a', installed, dir], { cwd: root!, env: childEnv(), timeoutMs: 60_000 }));
  if (edit) {
    const file = path.join(dir, 'main.ts');
    const before = fs.readFileSync(file, 'utf8');
    const after = edit(before);
    // An edit that silently matches nothing would turn a failure test into a passing run of the unchanged app.
    if (after === before) throw new Error('the edit did not change main.ts: the example changed, update this test');
    fs.writeFileSync(file, after);
  }
  return dir;
}

/** The `app` command from the example's cdktf.json, the one `cdktf synth` would run. */
function appCommand(dir: string): string {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app;
  if (typeof app !== 'string' || app.trim() === '') throw new Error(`cdktf.json in ${dir} has no app command`);
  return app;
}

function runApp(dir: string): Promise<RunResult> {
  return run('sh', ['-c', appCommand(dir)], { cwd: dir, env: childEnv(), timeoutMs: 120_000 });
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

describe('npm pack', () => {
  it('ships the built library, its schema and README, and none of the build or benchmark code', () => {
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'schema/okta-sso.schema.json', 'README.md', 'LICENSE', 'package.json']) {
      expect(entries).toContain(file);
    }
    // Negated `files` patterns are easy to get wrong: these are dev tooling and the repo's own app.
    expect(entries.filter((e) => e.startsWith('dist/bench/') || e.startsWith('dist/build/') || e.startsWith('dist/main.'))).toEqual([]);
  });

  it('ships every file package.json points a consumer at', () => {
    const pkg = readJson(path.join(PROJECT_DIR, 'package.json'));
    const targets = [pkg.main, pkg.types, ...Object.values<string>(pkg.bin ?? {})].map((p: string) => p.replace(/^\.\//, ''));
    for (const target of targets) expect(entries).toContain(target);
  });
});

describe('the example app installed from the tarball', () => {
  it('gets the newest constructs 10.x, and exactly one copy of constructs and of cdktf', () => {
    const nodeModules = path.join(installed, 'node_modules');
    const version = readJson(path.join(nodeModules, 'constructs', 'package.json')).version;
    expect(compareVersions(version, MIN_CONSTRUCTS)).toBeGreaterThanOrEqual(0);
    // A second, nested copy makes the library's Construct a different class from the app's.
    expect(packageCopies(nodeModules, 'constructs')).toEqual(['constructs']);
    expect(packageCopies(nodeModules, 'cdktf')).toEqual(['cdktf']);
  });

  it('has the library as unpacked files, not a link to the checkout', () => {
    const lib = path.join(installed, 'node_modules', 'cdktf-okta-sso');
    const stat = fs.lstatSync(lib);
    // A symlink (file:../.. install) would read the checkout's dist/ and hide every `files` mistake.
    expect(stat.isSymbolicLink()).toBe(false);
    expect(stat.isDirectory()).toBe(true);
    expect(readJson(path.join(lib, 'package.json')).version).toBe(readJson(path.join(PROJECT_DIR, 'package.json')).version);
  });
});

describe("the example's cdktf.json app command", () => {
  let appDir: string;
  let stackDir: string;
  let tf: any;

  beforeAll(async () => {
    appDir = await appCopy();
    assertSucceeded(await runApp(appDir));
    stackDir = path.join(appDir, STACK_DIR);
    tf = readJson(path.join(stackDir, 'cdk.tf.json'));
  }, 180_000);

  it("requires okta/okta at the library's default constraint, not the bindings' 4.20.0", () => {
    expect(tf.terraform.required_providers.okta).toEqual({ source: 'okta/okta', version: DEFAULT_OKTA_PROVIDER_CONSTRAINT });
    // The bindings pin 4.20.0, which lacks okta_push_group; guard against the constant itself drifting back to it.
    expect(tf.terraform.required_providers.okta.version).not.toBe('4.20.0');
  });

  it('writes the runbook beside cdk.tf.json, in both renderings', () => {
    const runbook = readJson(path.join(stackDir, 'runbook.json'));
    expect(runbook.environment).toBe('prod');
    const ids: string[] = runbook.steps.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['aiven.idp-record', 'omni.idp-record']));
    // The Markdown is what admins read: it must carry the same steps as the JSON tools read.
    const markdown = fs.readFileSync(path.join(stackDir, 'runbook.md'), 'utf8');
    for (const id of ids) expect(markdown).toContain(`\`${id}\``);
  });

  it('outputs an IdP record per integration, tagged with the environment and the integration', () => {
    for (const key of INTEGRATIONS) {
      const output = tf.output[`idp_record_${key}`];
      expect(output).toBeDefined();
      expect(output.value).toMatchObject({ environment: 'prod', integration: key });
    }
  });

  it('protects every Okta app from destroy and records Okta in Snowflake', () => {
    const apps = tf.resource.okta_app_saml;
    expect(Object.keys(apps).sort()).toEqual(INTEGRATIONS);
    for (const key of INTEGRATIONS) expect(apps[key].lifecycle.prevent_destroy).toBe(true);
    expect(Object.keys(tf.resource.snowflake_saml2_integration ?? {}).length).toBeGreaterThan(0);
  });

  describeWithTerraform('with Terraform (fake providers, real schemas)', () => {
    it('passes validate, plan, apply and an empty second plan', async () => {
      const result = await planStack(stackDir);
      expectPlanPasses(result);
      expect(planCounts(result)).toEqual({ import: 0, add: resourceCount(tf), change: 0, destroy: 0 });
    }, 300_000);
  });

  it('synthesizes byte-identical output when run again, from another directory', async () => {
    // A second copy lives at a different path: output must depend on neither run nor location.
    const again = await appCopy();
    assertSucceeded(await runApp(again));
    expect(fileContents(path.join(again, 'cdktf.out'))).toEqual(fileContents(path.join(appDir, 'cdktf.out')));
  }, 120_000);
});

describe('a broken example', () => {
  it('fails synth with the located SP rule, and writes no stack', async () => {
    const dir = await appCopy((ts) => ts.replace(/(new AivenSso\(this, 'aiven', \{\n)/, "$1      username: { format: 'login' },\n"));
    const r = await runApp(dir);
    expect(r.signal).toBeNull();
    expect(r.status).not.toBe(0);
    // All four on one line: the construct path, the prop, the SP's rule and its id belong to one message.
    const line = r.stderr.split('\n').find((l) => l.includes('[prod/aiven]') && l.includes('username.format:'));
    expect(line).toBeDefined();
    expect(line).toContain('is not allowed by Aiven');
    expect(line).toContain('[SSO-004]');
    const stackDir = path.join(dir, STACK_DIR);
    for (const file of ['cdk.tf.json', 'runbook.json', 'runbook.md']) expect(fs.existsSync(path.join(stackDir, file))).toBe(false);
  }, 120_000);

  it('does not compile when a secret is a plain string instead of a SecretRef', async () => {
    const literal = "'00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdef'";
    const dir = await appCopy((ts) => ts.replace(/token: SecretRef\.fromStore\([^)]*\)/, `token: ${literal}`));
    const tokenLine = fs.readFileSync(path.join(dir, 'main.ts'), 'utf8').split('\n').findIndex((l) => l.includes(literal)) + 1;
    const r = await run('npx', ['tsc', '--noEmit'], { cwd: dir, env: childEnv(), timeoutMs: 120_000 });
    expect(r.status).not.toBe(0);
    const output = r.stdout + r.stderr;
    expect(output).toMatch(/error TS2322\b/);
    expect(output).toContain('SecretRef');
    // Every error is at the token: the unchanged app compiles, so nothing else may fail.
    const errorLines = [...output.matchAll(/main\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]));
    expect(errorLines.length).toBeGreaterThan(0);
    expect(new Set(errorLines)).toEqual(new Set([tokenLine]));
  }, 120_000);
});

describe('every rule, from code in the installed package, through a plain app.synth()', () => {
  let results: RuleCaseResult[];

  beforeAll(async () => {
    const dir = await appCopy();
    // The repo's own rule cases, replayed by the same runner against the package as installed.
    fs.writeFileSync(path.join(dir, 'rule-cases.json'), JSON.stringify(RULE_CASES.map((c) => c.code)));
    fs.copyFileSync(path.join(__dirname, '..', 'support', 'rule-case-runner.js'), path.join(dir, 'rule-case-runner.js'));
    fs.writeFileSync(
      path.join(dir, 'run-rule-cases.js'),
      [
        "const fs = require('fs');",
        "const path = require('path');",
        "const { runRuleCase } = require('./rule-case-runner');",
        "const cases = JSON.parse(fs.readFileSync('rule-cases.json', 'utf8'));",
        "fs.mkdirSync('rule-out');",
        "const results = cases.map((code, i) => runRuleCase(require('cdktf-okta-sso'), require('cdktf'), code, path.join('rule-out', String(i))));",
        'process.stdout.write(JSON.stringify(results.map((r) => ({ error: r.error, warnings: r.warnings }))));',
      ].join('\n'),
    );
    results = JSON.parse(assertSucceeded(await run('node', ['run-rule-cases.js'], { cwd: dir, env: childEnv(), timeoutMs: 120_000 })).stdout);
  }, 180_000);

  test.each(RULE_CASES.map((c, i) => [`${c.rule}: ${c.what}`, i] as const))('%s', (_name, i) => {
    expectRuleFired(RULE_CASES[i], results[i]);
  });
});
