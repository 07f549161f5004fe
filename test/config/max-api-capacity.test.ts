import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { GENERIC, oneEnvConfig, synthConfig } from '../support/provisioning-config';
import { describeWithTerraform, expectPlanPasses, planStack } from '../support/terraform-plan';

const withCapacity = (maxApiCapacity: unknown) => oneEnvConfig({ wiki: { ...GENERIC, groups: ['Everyone'] } }, { wiki: {} }, { orgName: 'acme-dev', maxApiCapacity });

test('okta.maxApiCapacity reaches the environment\'s provider block as max_api_capacity', () => {
  expect(synthConfig(withCapacity(40)).stack.provider.okta).toEqual([{ base_url: 'okta.com', max_api_capacity: 40, org_name: 'acme-dev' }]);
});

test('without it the provider block has no max_api_capacity (the provider\'s default)', () => {
  expect(synthConfig(oneEnvConfig({ wiki: { ...GENERIC, groups: ['Everyone'] } }, { wiki: {} })).stack.provider.okta[0]).not.toHaveProperty('max_api_capacity');
});

test.each([0, 101, 50.5, '50'])('maxApiCapacity %p is refused where it is written, with the accepted range', (value) => {
  const dir = withCapacity(value);
  const { model, problems } = readConfig(dir);
  expect(model).toBeUndefined();
  const lines = problems.map((p) => formatProblem(p).split(dir + path.sep).join(''));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^dev\.yaml:\d+:\d+: environments\.dev\.okta\.maxApiCapacity: /);
  expect(lines[0]).toMatch(typeof value === 'number' && Number.isInteger(value) ? (value < 1 ? /1/ : /100/) : /a whole number/);
});

describeWithTerraform('terraform accepts max_api_capacity in the provider block', () => {
  test('validate and plan', async () => {
    expectPlanPasses(await planStack(path.join(synthConfig(withCapacity(40)).outdir, 'stacks', 'dev'), { apply: false }));
  }, 120_000);
});

test('the stack refuses a capacity out of range given in code, naming the prop and the value', () => {
  const { App } = require('cdktf') as typeof import('cdktf');
  const { OktaEnvironmentStack } = require('../../stacks/okta-environment-stack') as typeof import('../../stacks/okta-environment-stack');
  const { checkApp } = require('../../synth/synth') as typeof import('../../synth/synth');
  const app = new App({ outdir: require('../helpers').tempDir(), skipValidation: true });
  new OktaEnvironmentStack(app, 'dev', { environment: { name: 'dev', okta: { orgName: 'acme-dev', baseUrl: 'okta.com', maxApiCapacity: 500 }, backend: { type: 'local', path: 'state/dev.tfstate' }, integrations: [] } });
  expect(checkApp(app).failures.map((f) => f.message)).toEqual(['[dev] environment.okta.maxApiCapacity: 500 is not accepted; accepted: a whole number from 1 to 100 (percent)']);
});
