import { reviewSynthDirs } from '../../review/review';
import { EXAMPLE, editedExample, synthConfig } from './synth-fixture';

const withCapacity = (capacity: string) => editedExample({ 'environments/prod.yaml': (t) => t.replace('okta: { orgName: acme', `okta: { maxApiCapacity: ${capacity}, orgName: acme`) });
const prodSettings = (base: string, head: string) =>
  reviewSynthDirs(base, head)
    .environments.find((e) => e.name === 'prod')!
    .environment.settings.filter((s) => s.attribute === 'max_api_capacity')
    .map((s) => [s.setting, s.before, s.after]);

test('a share of the rate limits set, changed or removed is shown as a setting of the environment, not as a risk', () => {
  const unset = synthConfig(EXAMPLE);
  const forty = synthConfig(withCapacity('40'));
  const sixty = synthConfig(withCapacity('60'));
  const setting = 'share of each Okta rate limit a run may use, %';
  expect(prodSettings(unset, forty)).toEqual([[setting, "unset (the provider's 100)", '40']]);
  expect(prodSettings(forty, sixty)).toEqual([[setting, '40', '60']]);
  expect(prodSettings(sixty, unset)).toEqual([[setting, '60', "unset (the provider's 100)"]]);
  expect(prodSettings(forty, forty)).toEqual([]);
  const prod = reviewSynthDirs(unset, forty).environments.find((e) => e.name === 'prod')!;
  expect(prod.environment.findings).toEqual([]);
});
