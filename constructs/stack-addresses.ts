import { TerraformDataSource, TerraformElement, TerraformLocal, TerraformModule, TerraformOutput, TerraformRemoteState, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { showPath } from '../model/show-value';

/** The address an element takes in cdk.tf.json (`okta_app_saml.wiki`, `data.okta_group.group_eng`, `output.x`); undefined for the rest (providers, the backend). */
function addressOf(element: TerraformElement): string | undefined {
  const name = element.friendlyUniqueId;
  if (element instanceof TerraformResource) return `${element.terraformResourceType}.${name}`;
  if (element instanceof TerraformDataSource) return `data.${element.terraformResourceType}.${name}`;
  if (element instanceof TerraformRemoteState) return `data.terraform_remote_state.${name}`;
  if (element instanceof TerraformOutput) return `output.${name}`;
  if (element instanceof TerraformVariable) return `var.${name}`;
  if (element instanceof TerraformLocal) return `local.${name}`;
  if (element instanceof TerraformModule) return `module.${name}`;
  return undefined;
}

/**
 * Two elements of `stack` at one Terraform address, whoever declared them (an SSO construct and the app's own
 * resource, an overridden logical ID): cdktf merges both into one entry of cdk.tf.json without a word, so one of
 * them is lost, and a live one destroyed. `known` are addresses already reported where they are declared (the
 * integrations' own check). Linear in the stack's constructs.
 */
export function addressClashes(stack: TerraformStack, known: ReadonlySet<string> = new Set()): string[] {
  const first = new Map<string, TerraformElement>();
  const clashes: string[] = [];
  for (const node of stack.node.findAll()) {
    if (!(node instanceof TerraformElement)) continue;
    const address = addressOf(node);
    if (address === undefined) continue;
    const taken = first.get(address);
    if (!taken) first.set(address, node);
    else if (!known.has(address)) {
      clashes.push(`${showPath(node.node.path)} and ${showPath(taken.node.path)} are both ${address} in stack ${stack.node.id}: cdk.tf.json would hold one of them and drop the other without a word; accepted: one element per address (give one a different id, or overrideLogicalId)`);
    }
  }
  return clashes;
}
