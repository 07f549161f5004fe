import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { LocalBackend, TerraformStack, Testing } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { OmniSso } from '../../constructs/sp/omni-sso';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES } from '../../review/risk';
import { synthToDisk } from '../../synth/synth';
import { EXAMPLE, Stacks, editedExample, readRunbooks, readStacks, synthConfig, tempDir, writeSynthDir } from './synth-fixture';

/**
 * A local backend's path in cdk.tf.json climbs from the stack directory to the config directory, so it also
 * names where each side was synthesized from. Synth records the path as written in config beside it
 * (`"//"."okta-sso".backend.local.pathInConfigDir`), and the review compares that: from the two synth
 * directories alone, never looking for config on disk.
 */

/** Synthesizes `configDir` copied to `<root>/<configName>` into `<root>/<outName>`; returns the synth output dir. */
function synthAt(configDir: string, root: string, configName: string, outName: string): string {
  const config = path.join(root, configName);
  fs.cpSync(configDir, config, { recursive: true });
  const out = path.join(root, outName);
  synthToDisk(loadConfig(config), { outdir: out, configDir: config });
  return out;
}

const devLocalState = (path: string) => editedExample({ 'environments/dev.yaml': (t) => t.replace('    # Default backend: local state in state/dev.tfstate.\n', `    backend: { type: local, path: ${path} }\n`) });
type Review = ReturnType<typeof reviewSynthDirs>;
const backendFindings = (review: Review) => review.environments.flatMap((e) => e.environment.findings.filter((f) => f.class === 'backend-changed').map((f) => `${e.name}:${f.detail}`));
const configDirNotes = (review: Review) => review.environments.flatMap((e) => e.environment.findings.filter((f) => f.class === 'config-dir-moved').map((f) => [e.name, f.level, f.detail]));
const occurrences = (text: string, part: string) => text.split(part).length - 1;
const impact = (cls: keyof typeof RISK_CLASSES) => RISK_CLASSES[cls].impact;

/** A synth output dir as an older okta-sso wrote it: no recorded state path. */
function withoutRecord(outdir: string): string {
  const stacks = readStacks(outdir);
  for (const tf of Object.values<any>(stacks)) delete tf['//']['okta-sso'];
  return writeSynthDir(stacks, readRunbooks(outdir));
}

describe('review: a local state backend is compared by the state path recorded as written in config', () => {
  test('config directories that only have different names: no backend change, one low note naming both paths, from the synth output alone', () => {
    const root = tempDir('okta-sso-backend-');
    const base = synthAt(EXAMPLE, root, 'acme-main', 'out-main');
    const head = synthAt(EXAMPLE, root, 'acme-pr', 'out-pr');
    // The premise: the paths Terraform reads differ by the config directory's name; what config says does not.
    for (const [out, name] of [[base, 'acme-main'], [head, 'acme-pr']]) {
      const dev = readStacks(out).dev;
      expect(dev.terraform.backend.local.path).toBe(`../../../${name}/state/dev.tfstate`);
      expect(dev['//']['okta-sso']).toEqual({ backend: { local: { pathInConfigDir: 'state/dev.tfstate' } } });
    }
    const review = reviewSynthDirs(base, head);
    expect(backendFindings(review)).toEqual([]);
    const detail =
      'config directory at another path from the stack directory: local state path ../../../acme-main/state/dev.tfstate in base, ../../../acme-pr/state/dev.tfstate in head; ' +
      'state/dev.tfstate inside the config directory on both sides';
    expect(configDirNotes(review)).toEqual([['dev', 'low', detail]]);
    expect(review.risk).toBe('low');
    const md = renderMarkdown(review);
    expect(md).toContain(`- low Config directory at another path (dev): ${impact('config-dir-moved')}.`);
    expect(impact('config-dir-moved')).toContain('move its state/ directory with it');
    // Said once: the finding line, no backend row, no second mention.
    expect(occurrences(md, detail)).toBe(1);
    expect(md).not.toContain('state backend');
    // Nothing outside the two synth directories is read: with the config directories gone, the review is the same.
    fs.rmSync(path.join(root, 'acme-main'), { recursive: true });
    fs.rmSync(path.join(root, 'acme-pr'), { recursive: true });
    expect(reviewSynthDirs(base, head)).toEqual(review);
  });

  test('long paths in the note are cut, keeping the directory that tells them apart and the state file', () => {
    const root = tempDir('okta-sso-backend-');
    const deep = (name: string) => `${name}/${'nested-directory-'.repeat(3)}x/examples/acme`;
    const base = synthAt(EXAMPLE, root, deep('checkout-a'), 'out/a');
    const head = synthAt(EXAMPLE, root, deep('checkout-b'), 'out/b');
    expect(readStacks(base).dev.terraform.backend.local.path.length).toBeGreaterThan(100);
    expect(configDirNotes(reviewSynthDirs(base, head))).toEqual([
      [
        'dev',
        'low',
        'config directory at another path from the stack directory: local state path ../../../../checkout-a/.../examples/acme/state/dev.tfstate in base, ' +
          '../../../../checkout-b/.../examples/acme/state/dev.tfstate in head; state/dev.tfstate inside the config directory on both sides',
      ],
    ]);
  });

  test('the same configuration synthesized in the same layout is no change, and no note', () => {
    expect(reviewSynthDirs(synthConfig(EXAMPLE), synthConfig(EXAMPLE)).risk).toBeUndefined();
  });

  test('a changed backend.path is a backend change (high), shown as written in config, whatever the directories are named', () => {
    const root = tempDir('okta-sso-backend-');
    const base = synthAt(devLocalState('state/dev.tfstate'), root, 'acme-main', 'out-main');
    const head = synthAt(devLocalState('state/dev-2.tfstate'), root, 'acme-pr', 'out-pr');
    const review = reviewSynthDirs(base, head);
    expect(backendFindings(review)).toEqual(['dev:Terraform state backend changed']);
    expect(configDirNotes(review)).toEqual([]);
    expect(review.risk).toBe('high');
    expect(renderMarkdown(review)).toContain('| state backend | `local state/dev.tfstate (in the config directory)` | `local state/dev-2.tfstate (in the config directory)` |');
  });

  test('a state path written another way that names the same file is no backend change', () => {
    const root = tempDir('okta-sso-backend-');
    const base = synthAt(devLocalState('state/dev.tfstate'), root, 'acme-main', 'out-main');
    const head = synthAt(devLocalState('./state//dev.tfstate'), root, 'acme-pr', 'out-pr');
    expect(readStacks(head).dev['//']['okta-sso'].backend.local.pathInConfigDir).toBe('./state//dev.tfstate');
    const review = reviewSynthDirs(base, head);
    expect(backendFindings(review)).toEqual([]);
    expect(configDirNotes(review).map(([env, level]) => [env, level])).toEqual([['dev', 'low']]);
  });

  describe('the first pull request after upgrading: only one side records the state path', () => {
    /** `cfg` synthesized by the version before (no record) into build/out, and by this one into cdktf.out, in one checkout. */
    function upgraded(config: { base?: string; head?: string } = {}) {
      const root = tempDir('okta-sso-backend-');
      const base = withoutRecord(synthAt(config.base ?? EXAMPLE, root, 'cfg', 'build/out'));
      const head = synthAt(config.head ?? EXAMPLE, root, 'cfg', 'cdktf.out');
      return { base, head };
    }

    test('base from build/out, head from cdktf.out, the same cfg/state/dev.tfstate: same state, the low note only', () => {
      const { base, head } = upgraded();
      // The premise: the paths differ in how far they climb; only head records the path in config.
      expect(readStacks(base).dev.terraform.backend.local.path).toBe('../../../../cfg/state/dev.tfstate');
      expect(readStacks(base).dev['//']).not.toHaveProperty('okta-sso');
      expect(readStacks(head).dev.terraform.backend.local.path).toBe('../../../cfg/state/dev.tfstate');
      const review = reviewSynthDirs(base, head);
      expect(backendFindings(review)).toEqual([]);
      const detail =
        'config directory at another path from the stack directory: local state path ../../../../cfg/state/dev.tfstate in base, ../../../cfg/state/dev.tfstate in head; ' +
        'state/dev.tfstate inside the config directory, as head records it; base (output of an older okta-sso) records none, and its path differs only in how far it climbs to the same cfg/state/dev.tfstate (a synth output directory at another depth)';
      expect(configDirNotes(review)).toEqual([['dev', 'low', detail]]);
      expect(review.risk).toBe('low');
      expect(renderMarkdown(review)).not.toContain(RISK_CLASSES['backend-changed'].title);
      // The other way round (head from an older okta-sso) is judged the same.
      expect(backendFindings(reviewSynthDirs(head, base))).toEqual([]);
    });

    test('synth outputs inside the config directory (cfg/build/out, cfg/cdktf.out): same state', () => {
      const base = withoutRecord(synthAt(EXAMPLE, tempDir('okta-sso-backend-'), 'cfg', 'cfg/build/out'));
      const head = synthAt(EXAMPLE, tempDir('okta-sso-backend-'), 'cfg', 'cfg/cdktf.out');
      expect([readStacks(base).dev.terraform.backend.local.path, readStacks(head).dev.terraform.backend.local.path]).toEqual(['../../../../state/dev.tfstate', '../../../state/dev.tfstate']);
      const review = reviewSynthDirs(base, head);
      expect(backendFindings(review)).toEqual([]);
      expect(configDirNotes(review).map(([env, level]) => [env, level])).toEqual([['dev', 'low']]);
    });

    test('a state file that moved inside the config directory (cfg/old/state -> cfg/state) is still a backend change', () => {
      // The base path ends with head's recorded state/dev.tfstate, but below the climb it names cfg/old, not cfg.
      const { base, head } = upgraded({ base: devLocalState('old/state/dev.tfstate') });
      expect(readStacks(base).dev.terraform.backend.local.path).toBe('../../../../cfg/old/state/dev.tfstate');
      const review = reviewSynthDirs(base, head);
      expect(backendFindings(review)).toEqual(['dev:Terraform state backend changed']);
      expect(review.environments.find((e) => e.name === 'dev')!.environment.findings.filter((f) => f.class === 'config-dir-moved')).toEqual([]);
    });

    test('another state file name is a backend change', () => {
      const { base, head } = upgraded({ head: devLocalState('state/dev-2.tfstate') });
      expect(backendFindings(reviewSynthDirs(base, head))).toEqual(['dev:Terraform state backend changed']);
    });

    test('a record its own path does not end with is not believed, and the other side\'s missing record proves nothing', () => {
      const { base, head } = upgraded();
      const stacks = readStacks(head);
      stacks.dev['//']['okta-sso'].backend.local.pathInConfigDir = 'elsewhere/dev.tfstate';
      expect(backendFindings(reviewSynthDirs(base, writeSynthDir(stacks)))).toContain('dev:Terraform state backend changed');
    });
  });

  test('output without the record on either side, or on one side with config directories by other names: the paths are compared as written', () => {
    const root = tempDir('okta-sso-backend-');
    const base = synthAt(EXAMPLE, root, 'acme-main', 'out-main');
    const head = synthAt(EXAMPLE, root, 'acme-pr', 'out-pr');
    for (const [b, h] of [[withoutRecord(base), withoutRecord(head)], [withoutRecord(base), head], [base, withoutRecord(head)]]) {
      const review = reviewSynthDirs(b, h);
      expect(backendFindings(review)).toEqual(['dev:Terraform state backend changed']);
      expect(configDirNotes(review)).toEqual([]);
      const rows = review.environments.find((e) => e.name === 'dev')!.environment.settings.filter((s) => s.setting === 'state backend');
      expect(rows.map((r) => [r.before, r.after])).toEqual([
        [b === base ? 'local state/dev.tfstate (in the config directory)' : 'local ../../../acme-main/state/dev.tfstate', h === head ? 'local state/dev.tfstate (in the config directory)' : 'local ../../../acme-pr/state/dev.tfstate'],
      ]);
    }
    // Older output in the same layout on both sides: the paths as written are equal.
    expect(reviewSynthDirs(withoutRecord(synthConfig(EXAMPLE)), withoutRecord(synthConfig(EXAMPLE))).risk).toBeUndefined();
  });

  test('environment files two levels deep (envs/eu/dev.yaml) in two differently named config directories: no backend change', () => {
    // The example with its environment files under envs/eu/, dev's state at a path of its own.
    const deep = editedExample({ 'environments/dev.yaml': (t) => t.replace('    # Default backend: local state in state/dev.tfstate.\n', '    backend: { type: local, path: state/eu/dev.tfstate }\n') });
    fs.mkdirSync(path.join(deep, 'envs', 'eu'), { recursive: true });
    for (const file of fs.readdirSync(path.join(deep, 'environments'))) fs.renameSync(path.join(deep, 'environments', file), path.join(deep, 'envs', 'eu', file));
    fs.rmdirSync(path.join(deep, 'environments'));
    const root = tempDir('okta-sso-backend-');
    const base = synthAt(deep, root, 'acme-main', 'out-main');
    const head = synthAt(deep, root, 'acme-pr', 'out-pr');
    expect(readStacks(head).dev.terraform.backend.local.path).toBe('../../../acme-pr/state/eu/dev.tfstate');
    const review = reviewSynthDirs(base, head);
    expect(backendFindings(review)).toEqual([]);
    expect(configDirNotes(review).map(([env, level]) => [env, level])).toEqual([['dev', 'low']]);
    expect(review.risk).toBe('low');
  });

  test('synth outputs copied elsewhere (<tmp>/x/b and <tmp>/x/h) review as where they were written', () => {
    const root = tempDir('okta-sso-backend-');
    const base = synthAt(EXAMPLE, root, 'acme-main', 'out-main');
    const head = synthAt(EXAMPLE, root, 'acme-pr', 'out-pr');
    const x = path.join(tempDir('okta-sso-moved-'), 'x');
    fs.cpSync(base, path.join(x, 'b'), { recursive: true });
    fs.cpSync(head, path.join(x, 'h'), { recursive: true });
    const moved = reviewSynthDirs(path.join(x, 'b'), path.join(x, 'h'));
    expect(backendFindings(moved)).toEqual([]);
    expect(moved).toEqual(reviewSynthDirs(base, head));
    // The same config synthesized in the same layout, then copied: no change at all.
    const again = path.join(tempDir('okta-sso-moved-'), 'x');
    fs.cpSync(synthConfig(EXAMPLE), path.join(again, 'b'), { recursive: true });
    fs.cpSync(synthConfig(EXAMPLE), path.join(again, 'h'), { recursive: true });
    expect(reviewSynthDirs(path.join(again, 'b'), path.join(again, 'h')).risk).toBeUndefined();
  });

  describe("a user's own cdktf app with a LocalBackend", () => {
    /** The user's stack, as examples/typescript-app writes one: its own backend path, relative to the stack directory. */
    function userApp(statePath: string): Stacks {
      const stack = new TerraformStack(Testing.app(), 'dev');
      new LocalBackend(stack, { path: statePath });
      new OktaProvider(stack, 'okta', { orgName: 'acme', baseUrl: 'okta.com' });
      new OmniSso(stack, 'omni', { acsUrl: 'https://acme.omniapp.co/api/auth/saml/acs', audience: 'acme.omniapp.co', groups: ['Analytics'] });
      return { dev: JSON.parse(fs.readFileSync(path.join(Testing.fullSynth(stack), 'stacks', 'dev', 'cdk.tf.json'), 'utf8')) };
    }

    test('records nothing, and its paths are compared as written', () => {
      const same = userApp('../../../state/dev.tfstate');
      expect(same.dev.terraform.backend).toEqual({ local: { path: '../../../state/dev.tfstate' } });
      expect(same.dev['//']).not.toHaveProperty('okta-sso');
      expect(reviewSynthDirs(writeSynthDir(same), writeSynthDir(userApp('../../../state/dev.tfstate'))).risk).toBeUndefined();
      const review = reviewSynthDirs(writeSynthDir(same), writeSynthDir(userApp('../../../other/dev.tfstate')));
      expect(backendFindings(review)).toEqual(['dev:Terraform state backend changed']);
      expect(renderMarkdown(review)).toContain('| state backend | `local ../../../state/dev.tfstate` | `local ../../../other/dev.tfstate` |');
    });
  });
});
