import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES } from '../../review/risk';
import { EXAMPLE, editedExample, synthConfig } from './synth-fixture';

/** The example with `nameId` set on one integration (after its label line): the NameID changes, the username does not. */
function nameIdChanged(label: string, nameId: string) {
  const head = synthConfig(editedExample({ 'integrations.yaml': (t) => t.replace(`    label: ${label}\n`, `    label: ${label}\n    nameId: ${nameId}\n`) }));
  const review = reviewSynthDirs(synthConfig(EXAMPLE), head);
  return { review, md: renderMarkdown(review) };
}

const findingsOf = (review: ReturnType<typeof reviewSynthDirs>, key: string) =>
  review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === key)!.findings.map((f) => `${f.class}:${f.level}:${f.detail}`);

describe('review: a NameID change is named as the NameID, not as the username', () => {
  test('on an SP with permanent usernames (Atlan): critical, and the risk line says name ID', () => {
    const { review, md } = nameIdChanged('Atlan', '{ format: persistent, template: "${user.id}" }');
    expect(findingsOf(review, 'atlan')).toEqual(['permanent-name-id:critical:name ID format changed', 'permanent-name-id:critical:name ID value changed']);
    expect(md).toContain(`- **CRITICAL** Name ID changed on an SP with permanent usernames (dev/atlan, prod/atlan, staging/atlan): ${RISK_CLASSES['permanent-name-id'].impact}.`);
    expect(md).not.toMatch(/username (template|format) changed|Username changed/i);
  });

  test('elsewhere (Omni): medium, and the risk line says name ID', () => {
    const { review, md } = nameIdChanged('Omni Analytics', '{ format: unspecified, template: "${user.login}" }');
    expect(findingsOf(review, 'omni')).toEqual(['name-id:medium:name ID format changed', 'name-id:medium:name ID value changed']);
    expect(md).toContain(`- medium Name ID changed (dev/omni, prod/omni, staging/omni): ${RISK_CLASSES['name-id'].impact}.`);
    expect(md).not.toMatch(/username (template|format) changed|Username changed/i);
  });

  test('a username change is still the username', () => {
    const head = synthConfig(editedExample({ 'integrations.yaml': (t) => t.replace('    label: Omni Analytics\n', '    label: Omni Analytics\n    username: { format: login }\n') }));
    const review = reviewSynthDirs(synthConfig(EXAMPLE), head);
    expect(findingsOf(review, 'omni')).toEqual(['username:medium:username format changed']);
    expect(renderMarkdown(review)).not.toMatch(/name ?ID/i);
  });
});
