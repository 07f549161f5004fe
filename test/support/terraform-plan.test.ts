import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../helpers';
import { describeWithTerraform, expectPlanPasses, planStack } from './terraform-plan';

describeWithTerraform('planStack', () => {
  function stackDir(stack: object): string {
    const dir = tempDir('okta-sso-plan-helper-');
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(stack, null, 2));
    return dir;
  }

  test('a stack that needs a provider the tool does not fake fails, even after the retries for a lost terraformrc', async () => {
    const dir = stackDir({
      terraform: { required_providers: { null: { source: 'hashicorp/null', version: '3.2.2' } } },
      resource: { null_resource: { x: {} } },
    });
    const result = await planStack(dir, { apply: false });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/Missing required provider|Inconsistent dependency lock file/);
    expect(() => expectPlanPasses(result)).toThrow(/terraform did not accept/);
  }, 120_000);

  test('a stack of the fake okta provider passes plan, apply and the empty second plan', async () => {
    const dir = stackDir({
      terraform: { required_providers: { okta: { source: 'okta/okta', version: '4.20.0' } } },
      provider: { okta: [{ org_name: 'example', base_url: 'okta.com' }] },
      resource: { okta_group: { engineering: { name: 'Engineering' } } },
    });
    expectPlanPasses(await planStack(dir));
  }, 120_000);
});
