import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OrgModel } from '../model/types';
import { PolicyError, PolicyFailure } from '../rules/policy-checks';
import { OktaEnvironmentStack } from '../stacks/okta-environment-stack';
import { buildApp } from './synth';

/**
 * The policy rules' errors for every environment, without writing synth output.
 * The rules read the synthesized configuration (what Terraform would get), so the
 * stacks are built in memory; cdktf's App insists on an output directory, which
 * is a private temp dir removed afterwards.
 */
export function policyFailures(model: OrgModel, configDir: string): PolicyFailure[] {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-validate-'));
  try {
    const errors: PolicyError[] = [];
    const app = buildApp(model, path.join(scratch, 'out'), configDir, path.join(scratch, 'out'), errors);
    for (const stack of app.node.children) {
      if (!(stack instanceof OktaEnvironmentStack)) continue;
      stack.prepareStack();
      stack.toTerraform();
    }
    return errors.flatMap((e) => e.failures);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
