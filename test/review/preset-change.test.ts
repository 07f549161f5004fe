import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES } from '../../review/risk';
import { EXAMPLE, editedExample, synthConfig } from './synth-fixture';

// Omni as a generic SP: SP-initiated sign-in only (SSO-010) no longer guards it; first-login is Omni's, so dev turns provisioning off.
test("an integration's SP preset changed is a medium finding with its before and after, though only the app's tag records it", () => {
  const base = synthConfig(EXAMPLE);
  const head = synthConfig(
    editedExample({
      'integrations.yaml': (t) => t.replace('  omni:\n    preset: omni\n', '  omni:\n    preset: generic\n'),
      'environments/dev.yaml': (t) => t.replace('provisioning: { method: first-login }', 'provisioning: { method: none }'),
    }),
  );
  const review = reviewSynthDirs(base, head);
  const omni = review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'omni')!;
  expect(omni.findings).toContainEqual({ class: 'preset-changed', level: 'medium', detail: "SP preset changed from omni to generic: omni's own rules no longer guard this integration" });
  expect(omni.settings[0]).toMatchObject({ setting: 'SP preset', before: 'omni', after: 'generic' });
  const md = renderMarkdown(review);
  expect(md).toContain(`- medium SP preset changed (dev/omni, prod/omni, staging/omni): ${RISK_CLASSES["preset-changed"].impact}.`);
  expect(md).toContain("| omni | changed | medium | SP preset, ");
});
