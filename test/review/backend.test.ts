import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { synthToDisk } from '../../synth/synth';
import { EXAMPLE, editedExample, readStacks, tempDir } from './synth-fixture';

/**
 * A local backend's path in cdk.tf.json climbs from the stack directory to the
 * config directory, so it names the directories each side was synthesized
 * from. The review compares the state file Terraform would use inside the
 * config directory, not how the directories are named.
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
const backendFindings = (review: ReturnType<typeof reviewSynthDirs>) => review.environments.flatMap((e) => e.environment.findings.filter((f) => f.class === 'backend-changed').map((f) => `${e.name}:${f.detail}`));

describe('review: the local state backend is compared as Terraform uses it', () => {
  test('config directories that only have different names are the same backend', () => {
    const root = tempDir('okta-sso-backend-');
    const base = synthAt(EXAMPLE, root, 'acme-main', 'out-main');
    const head = synthAt(EXAMPLE, root, 'acme-pr', 'out-pr');
    // The premise: the paths as written differ by the config directory's name.
    expect(readStacks(base).dev.terraform.backend.local.path).toBe('../../../acme-main/state/dev.tfstate');
    expect(readStacks(head).dev.terraform.backend.local.path).toBe('../../../acme-pr/state/dev.tfstate');
    const review = reviewSynthDirs(base, head);
    expect(backendFindings(review)).toEqual([]);
    expect(review.risk).toBeUndefined();
  });

  test('checkouts in differently named places, synth output elsewhere, are the same backend', () => {
    const root = tempDir('okta-sso-backend-');
    const base = synthAt(EXAMPLE, root, 'checkout-a/okta', 'out/a');
    const head = synthAt(EXAMPLE, root, 'checkout-b/okta', 'out/b');
    expect(readStacks(base).dev.terraform.backend.local.path).not.toBe(readStacks(head).dev.terraform.backend.local.path);
    expect(reviewSynthDirs(base, head).risk).toBeUndefined();
  });

  test('a state path changed in config is still a backend change, shown as written in config', () => {
    const root = tempDir('okta-sso-backend-');
    const base = synthAt(devLocalState('state/dev.tfstate'), root, 'acme-main', 'out-main');
    const head = synthAt(devLocalState('state/dev-2.tfstate'), root, 'acme-pr', 'out-pr');
    const review = reviewSynthDirs(base, head);
    expect(backendFindings(review)).toEqual(['dev:Terraform state backend changed']);
    expect(review.risk).toBe('high');
    expect(renderMarkdown(review)).toContain('| state backend | `local state/dev.tfstate (in the config directory)` | `local state/dev-2.tfstate (in the config directory)` |');
  });

  test('synth output copied away from its config (no config directory on disk): compared from each side\'s root', () => {
    const root = tempDir('okta-sso-backend-');
    const copies = tempDir('okta-sso-copies-');
    const copy = (out: string, side: string) => {
      fs.cpSync(out, path.join(copies, side, 'cdktf.out'), { recursive: true });
      return path.join(copies, side, 'cdktf.out');
    };
    // Checkouts side by side, as CI makes them: the same layout below each root.
    const base = copy(synthAt(EXAMPLE, path.join(root, 'base'), 'config', 'cdktf.out'), 'base');
    const same = copy(synthAt(EXAMPLE, path.join(root, 'head'), 'config', 'cdktf.out'), 'head');
    expect(reviewSynthDirs(base, same).risk).toBeUndefined();
    const moved = copy(synthAt(devLocalState('tfstate/dev.tfstate'), path.join(root, 'head2'), 'config', 'cdktf.out'), 'head2');
    expect(backendFindings(reviewSynthDirs(base, moved))).toEqual(['dev:Terraform state backend changed']);
  });
});
