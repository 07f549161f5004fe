import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { COMMENT_MARKER } from '../../review/render-markdown';

const WORKFLOW = path.join(__dirname, '..', '..', 'examples', 'github', 'okta-sso-review.yml');

describe('example GitHub workflow', () => {
  const text = fs.readFileSync(WORKFLOW, 'utf8');
  const workflow = parse(text);
  const steps: Array<Record<string, any>> = workflow.jobs.review.steps;

  test('finds its one comment by the marker the review prints', () => {
    const script = steps.find((s) => s.uses?.startsWith('actions/github-script'))!.with.script as string;
    expect(script).toContain(`const marker = '${COMMENT_MARKER}';`);
    expect(script).toContain('updateComment');
    expect(script).toContain('createComment');
  });

  test('synthesizes base and head, then reviews head against base with --fail-on', () => {
    expect(steps.filter((s) => /npm run synth/.test(s.run ?? '')).map((s) => s['working-directory'])).toEqual(['base', 'head']);
    const review = steps.find((s) => s.id === 'review')!.run as string;
    expect(review).toContain('review --base base/cdktf.out --head head/cdktf.out --fail-on "$FAIL_ON"');
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(text).not.toMatch(/OKTA_API_TOKEN|secrets\./);
  });
});
