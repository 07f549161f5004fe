import { TerraformBackend, TerraformStack } from 'cdktf';
import * as path from 'path';
import { stacksOfApp } from './app-stacks';

/** Where a stack's declared backend keeps its state (equal for two stacks of one state), and how to name it; undefined without one (cdktf's default is the stack's own). */
function stateOf(stack: TerraformStack): { id: string; shown: string } | undefined {
  const backend = stack.node.findAll().find((c): c is TerraformBackend => c instanceof TerraformBackend);
  const terraform = (backend?.toTerraform() as { terraform?: { backend?: Record<string, Record<string, unknown>>; cloud?: Record<string, unknown> } } | undefined)?.terraform;
  if (terraform?.cloud) {
    const { hostname = 'app.terraform.io', organization, workspaces } = terraform.cloud as { hostname?: string; organization?: string; workspaces?: { name?: string; tags?: unknown } };
    return { id: JSON.stringify(['cloud', hostname, organization, workspaces]), shown: `HCP Terraform workspace ${JSON.stringify(workspaces?.name ?? workspaces)} of ${JSON.stringify(organization)}` };
  }
  const [type, settings] = Object.entries(terraform?.backend ?? {})[0] ?? [];
  if (!type || !settings) return undefined;
  if (type === 'local' && typeof settings.path === 'string') {
    // A relative path is read from the stack's directory, cdktf.out/stacks/<id>: stacks are siblings, so one file has one resolved form.
    const file = path.isAbsolute(settings.path) ? path.normalize(settings.path) : path.join('stacks', stack.node.id, settings.path);
    return { id: JSON.stringify(['local', file]), shown: `local state ${JSON.stringify(settings.path)}` };
  }
  // Bucket names are global: the bucket and key are the state, whatever the region.
  if (type === 's3') return { id: JSON.stringify(['s3', settings.bucket, settings.key]), shown: `s3 bucket ${JSON.stringify(settings.bucket)} key ${JSON.stringify(settings.key)}` };
  return { id: JSON.stringify([type, settings]), shown: `${type} backend ${JSON.stringify(settings)}` };
}

/**
 * `stack`'s state is also another stack's of the app: a plan of one would take the other's resources as its own,
 * updating them and destroying what it does not declare. Each stack of a shared state reports it, naming the others:
 * cdktf writes the stacks one after the other, so the first must fail too for nothing to be written.
 */
export function sharedStateErrors(stack: TerraformStack): string[] {
  const own = stateOf(stack);
  if (!own) return [];
  const others = stacksOfApp(stack).filter((other) => other !== stack && stateOf(other)?.id === own.id);
  if (others.length === 0) return [];
  return [
    `backend: ${own.shown} is also the state of stack ${others.map((o) => o.node.id).join(', ')}: a plan of either would take the other's resources as its own, updating them to its values and destroying what it does not declare; accepted: one state per stack`,
  ];
}
