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

test('an app whose ACS URL changes lists its URLs as an admin reads them: ACS URL, recipient, destination, audience', () => {
  const base = synthConfig(EXAMPLE);
  const head = synthConfig(
    editedExample({ 'environments/prod.yaml': (t) => t.replace(/https:\/\/hr\.acme\.example\/saml\/acs/g, 'https://hr2.acme.example/saml/acs').replace(/https:\/\/hr\.acme\.example\/saml\/metadata/g, 'https://hr2.acme.example/saml/metadata') }),
  );
  const review = reviewSynthDirs(base, head);
  const hr = review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'hr_portal')!;
  const attributes = hr.settings.filter((s) => s.resource === 'okta_app_saml.hr_portal').map((s) => s.attribute);
  expect(attributes.slice(0, 4)).toEqual(['sso_url', 'recipient', 'destination', 'audience']);
});
