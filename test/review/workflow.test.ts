import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { COMMENT_MARKER } from '../../review/render-markdown';
import { tempDir } from './synth-fixture';

const WORKFLOW = path.join(__dirname, '..', '..', 'examples', 'github', 'okta-sso-review.yml');

describe('example GitHub workflow', () => {
  const text = fs.readFileSync(WORKFLOW, 'utf8');
  const workflow = parse(text);
  const steps: Array<Record<string, any>> = workflow.jobs.review.steps;
  const byId = (id: string) => steps.find((s) => s.id === id)!;
  const commentStep = steps.find((s) => s.uses?.startsWith('actions/github-script'))!;

  test('finds its one comment by the marker the review prints', () => {
    const script = commentStep.with.script as string;
    expect(script).toContain(`const marker = '${COMMENT_MARKER}';`);
    expect(script).toContain('updateComment');
    expect(script).toContain('createComment');
  });

  test('synthesizes base and head, then reviews head against base with --fail-on', () => {
    expect(steps.filter((s) => /npm run synth/.test(s.run ?? '')).map((s) => s['working-directory'])).toEqual(['base', 'head']);
    const review = byId('review').run as string;
    expect(review).toContain('review --base base/cdktf.out --head head/cdktf.out --fail-on "$FAIL_ON"');
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(text).not.toMatch(/OKTA_API_TOKEN|secrets\./);
  });

  /** Runs the failure-note step's shell script as Actions would (bash -e), in `dir`. */
  function failureNote(dir: string, env: Record<string, string>): string {
    execFileSync('bash', ['-e', '-c', byId('failure').run], { cwd: dir, env: { PATH: process.env.PATH!, RUN_URL: 'https://github.com/acme/okta/actions/runs/7', ...env } });
    return fs.readFileSync(path.join(dir, 'review.md'), 'utf8');
  }

  /** Runs the comment step's github-script against a fake GitHub holding `comments`; returns the calls made. */
  async function postComment(dir: string, comments: Array<{ id: number; user: { type: string }; body: string }>) {
    const calls: Array<[string, any]> = [];
    const github = {
      paginate: async () => comments,
      rest: {
        issues: {
          listComments: () => undefined,
          updateComment: async (args: any) => calls.push(['update', args]),
          createComment: async (args: any) => calls.push(['create', args]),
        },
      },
    };
    const context = { repo: { owner: 'acme', repo: 'okta' }, payload: { pull_request: { number: 42 } } };
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
      await new AsyncFunction('github', 'context', 'require', commentStep.with.script)(github, context, require);
    } finally {
      process.chdir(cwd);
    }
    return calls;
  }

  test('a failed head synth replaces the stale review comment with a short failure note and fails the job', async () => {
    const synthHead = byId('synth_head');
    expect(synthHead['continue-on-error']).toBe(true);
    expect(byId('synth_base')['continue-on-error']).toBe(true);
    // The review is skipped; the failure note runs whenever the review did not finish with 0 or 1.
    expect(byId('review').if).toBe("steps.synth_base.outcome == 'success' && steps.synth_head.outcome == 'success'");
    expect(byId('failure').if).toBe("steps.review.outputs.code != '0' && steps.review.outputs.code != '1'");
    expect(commentStep.if).toBeUndefined();

    const dir = tempDir('okta-sso-wf-');
    const note = failureNote(dir, { SYNTH_BASE: 'success', SYNTH_HEAD: 'failure', REVIEW_CODE: '' });
    expect(note.startsWith(`${COMMENT_MARKER}\n## Okta SSO review: could not review this pull request\n`)).toBe(true);
    expect(note).toContain('The pull request does not synthesize');
    expect(note).toContain('Any earlier review in this comment no longer applies. Job log: https://github.com/acme/okta/actions/runs/7');

    const calls = await postComment(dir, [
      { id: 1, user: { type: 'User' }, body: 'LGTM' },
      { id: 9, user: { type: 'Bot' }, body: `${COMMENT_MARKER}\n## Okta SSO review: highest risk low\n(stale)` },
    ]);
    expect(calls).toEqual([['update', { owner: 'acme', repo: 'okta', comment_id: 9, body: note }]]);

    const fail = steps.find((s) => s.if === "steps.failure.outcome == 'success'")!;
    expect(fail.run).toMatch(/exit 1/);
    expect(steps.indexOf(fail)).toBeGreaterThan(steps.indexOf(commentStep));
  });

  test('review exit 2 (bad input) posts the review\'s own error in the note', async () => {
    const dir = tempDir('okta-sso-wf-');
    fs.writeFileSync(path.join(dir, 'review.err'), 'okta-sso review: head/cdktf.out/stacks/dev/cdk.tf.json: malformed JSON: unexpected end at line 3, column 1\n');
    const note = failureNote(dir, { SYNTH_BASE: 'success', SYNTH_HEAD: 'success', REVIEW_CODE: '2' });
    expect(note).toContain('The review stopped on bad input (exit code 2):');
    expect(note).toContain('head/cdktf.out/stacks/dev/cdk.tf.json: malformed JSON');
    const calls = await postComment(dir, []);
    expect(calls).toEqual([['create', { owner: 'acme', repo: 'okta', issue_number: 42, body: note }]]);
  });

  test('a failed base synth says so', () => {
    const note = failureNote(tempDir('okta-sso-wf-'), { SYNTH_BASE: 'failure', SYNTH_HEAD: 'success', REVIEW_CODE: '' });
    expect(note).toContain('The base branch does not synthesize');
  });
});
