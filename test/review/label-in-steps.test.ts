import { reviewSynthDirs } from '../../review/review';
import { EXAMPLE, editedExample, synthConfig } from './synth-fixture';

test("a generic SP's label changed: the label is the setting that changes, not a manual step to do again because a step's title names the app", () => {
  const base = synthConfig(EXAMPLE);
  const head = synthConfig(editedExample({ 'integrations.yaml': (t) => t.replace(/^(  wiki:\n(?:    .*\n)*?    label: )(.*)$/m, '$1$2 (SSO)') }));
  const review = reviewSynthDirs(base, head);
  const wiki = review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'wiki')!;
  expect(wiki.settings.map((s) => s.setting)).toContain('app name');
  expect(wiki.runbook.changed).toEqual([]);
  expect(wiki.risk).toBe('low');
});
