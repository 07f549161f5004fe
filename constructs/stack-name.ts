import { TerraformStack } from 'cdktf';
import { embeddedSecretKind } from '../model/secret-literals';

/**
 * Why the stack's name cannot stand, when it looks like a secret: cdktf writes it into the stack's directory and its
 * local state path, and it is the environment name the IdP record outputs and the runbook record unless configured.
 * Refused here, by name, rather than found again as a secret-looking value in each of those places. Never shown.
 */
export function stackNameProblem(stack: TerraformStack): string | undefined {
  const kind = embeddedSecretKind(stack.node.id);
  if (kind === undefined) return undefined;
  return (
    `the stack's name (not shown: it looks like a secret, ${kind}) is refused: cdktf writes it into the stack's directory and local state path, ` +
    `and it is the environment name in the IdP record outputs and the runbook; accepted: a name that is not secret-looking, e.g. new TerraformStack(app, 'prod')`
  );
}
