import { ownEntry } from '../model/own-entry';
import { recordedLocalStatePath } from '../stacks/local-state-record';
import { resolveMoved } from './follow-moved';
import { RunbookStep, StackFiles, isObject } from './synth-dir';
import { unescapeTerraform } from './words';

/** One resource or data source of a synthesized stack. */
export interface TfBlock {
  readonly type: string;
  /** `type.name`, or `data.type.name` for data sources. */
  readonly address: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** Everything in one stack that belongs to one integration. */
export interface IntegrationIndex {
  readonly key: string;
  preset?: string;
  permanentUsernames?: boolean;
  importGroups?: boolean;
  /** Whether its SCIM provisioning is connected (synth records it on the app); undefined in older output or without SCIM. */
  provisioningConnected?: boolean;
  /** Address of its okta_app_saml, when it has one. */
  appAddress?: string;
  readonly blocks: Map<string, TfBlock>;
  readonly outputs: Map<string, unknown>;
  readonly steps: Map<string, RunbookStep>;
}

/** A synthesized stack, indexed by integration. */
export interface StackIndex {
  readonly name: string;
  readonly integrations: Map<string, IntegrationIndex>;
  /** Blocks of no integration: Okta groups, group lookups, anything unrecognised. */
  readonly shared: Map<string, TfBlock>;
  readonly provider: unknown;
  /** Every provider block by name (okta, snowflake...), each one configuration or a list of them. */
  readonly providers: Readonly<Record<string, unknown>>;
  readonly backend: unknown;
  /** `terraform.required_providers`: each provider's source and version constraint, by local name. */
  readonly requiredProviders: Readonly<Record<string, unknown>>;
  /** The local state path recorded as written in config (stacks/local-state-record.ts); absent in older output and users' own apps. */
  readonly localStateInConfig?: string;
  readonly variables: Readonly<Record<string, any>>;
  readonly outputs: Map<string, unknown>;
  readonly steps: Map<string, RunbookStep>;
  /** Whether the stack has a runbook.json (without one, the review knows nothing about manual steps). */
  readonly hasRunbook: boolean;
  /** Terraform reference (`${data.okta_group.x.id}`) -> Okta group name. */
  readonly groupNames: Map<string, string>;
  /** `moved` blocks: old address -> new address (chains resolved to the last address). */
  readonly moved: Map<string, string>;
  /** `import` blocks: address -> the live ID it adopts. */
  readonly imports: Map<string, string>;
}

const APP_REF = /^\$\{okta_app_saml\.([^.}]+)\.id\}$/;

function newIntegration(key: string): IntegrationIndex {
  return { key, blocks: new Map(), outputs: new Map(), steps: new Map() };
}

/** Second segment of `"//".metadata.path` (`<env>/<integration key>/...`). */
function pathSegment(body: Record<string, any>): string | undefined {
  const p = body['//']?.metadata?.path;
  if (typeof p !== 'string') return undefined;
  // p.split('/')[1], without splitting the whole path of every block.
  const start = p.indexOf('/') + 1;
  if (start === 0) return undefined;
  const end = p.indexOf('/', start);
  return p.slice(start, end === -1 ? undefined : end);
}

/**
 * Indexes a stack. Integrations are found from their okta_app_saml (its
 * `"//"."okta-sso"` tag, else its construct path, else its logical name), and
 * other blocks join the integration named by their construct path or app_id;
 * raw cdk.tf.json without tags still indexes.
 */
export function indexStack(files: StackFiles): StackIndex {
  const tf = files.tf;
  const integrations = new Map<string, IntegrationIndex>();
  const bySegment = new Map<string, IntegrationIndex>();
  const byAppName = new Map<string, IntegrationIndex>();
  const shared = new Map<string, TfBlock>();
  const groupNames = new Map<string, string>();

  const all: TfBlock[] = [];
  for (const [kind, prefix] of [['resource', ''], ['data', 'data.']] as const) {
    const section = tf[kind];
    if (!isObject(section)) continue;
    for (const type of Object.keys(section)) {
      const named = section[type];
      if (!isObject(named)) continue;
      for (const name of Object.keys(named)) {
        const body = named[name];
        if (!isObject(body)) continue;
        all.push({ type, address: `${prefix}${type}.${name}`, body });
        // As the user wrote it: the JSON holds it as a Terraform literal (`$${` for `${`).
        if ((type === 'okta_group') && typeof body.name === 'string') groupNames.set(`\${${prefix}${type}.${name}.id}`, unescapeTerraform(body.name));
      }
    }
  }

  for (const block of all) {
    if (block.type !== 'okta_app_saml' || block.address.startsWith('data.')) continue;
    const body = block.body as Record<string, any>;
    const tag = isObject(body['//']?.['okta-sso']) ? body['//']['okta-sso'] : {};
    const name = block.address.slice('okta_app_saml.'.length);
    const segment = pathSegment(body);
    const key = typeof tag.integration === 'string' ? tag.integration : segment ?? name;
    const integration = integrations.get(key) ?? newIntegration(key);
    integrations.set(key, integration);
    if (typeof tag.preset === 'string') integration.preset = tag.preset;
    if (typeof tag.permanentUsernames === 'boolean') integration.permanentUsernames = tag.permanentUsernames;
    if (typeof tag.importGroups === 'boolean') integration.importGroups = tag.importGroups;
    if (typeof tag.provisioningConnected === 'boolean') integration.provisioningConnected = tag.provisioningConnected;
    integration.appAddress ??= block.address;
    integration.blocks.set(block.address, block);
    if (segment) bySegment.set(segment, integration);
    byAppName.set(name, integration);
  }

  for (const block of all) {
    if (block.type === 'okta_app_saml' && !block.address.startsWith('data.')) continue;
    const body = block.body as Record<string, any>;
    const segment = pathSegment(body);
    let owner = segment !== undefined ? bySegment.get(segment) ?? integrations.get(segment) : undefined;
    if (!owner && typeof body.app_id === 'string') {
      const m = APP_REF.exec(body.app_id);
      if (m) owner = byAppName.get(m[1]);
    }
    if (owner) owner.blocks.set(block.address, block);
    else shared.set(block.address, block);
  }

  // cdktf records each output's construct path under "//".outputs.<stack>.<integration>...: its owner.
  const outputOwner = new Map<string, IntegrationIndex>();
  const outputTree = isObject(tf['//']) && isObject(tf['//'].outputs) ? ownEntry(tf['//'].outputs, files.name) : undefined;
  if (isObject(outputTree)) {
    for (const segment of Object.keys(outputTree)) {
      const owner = bySegment.get(segment) ?? integrations.get(segment);
      if (owner) for (const name of leaves(outputTree[segment])) outputOwner.set(name, owner);
    }
  }
  const outputs = new Map<string, unknown>();
  if (isObject(tf.output)) {
    for (const name of Object.keys(tf.output)) {
      const m = /^idp_record_(.+)$/.exec(name);
      const owner = outputOwner.get(name) ?? (m ? integrations.get(m[1]) : undefined);
      (owner ? owner.outputs : outputs).set(name, tf.output[name]);
    }
  }

  const steps = new Map<string, RunbookStep>();
  for (const step of files.steps ?? []) {
    const owner = typeof step.integration === 'string' ? integrations.get(step.integration) : undefined;
    (owner ? owner.steps : steps).set(step.id, step);
  }

  const pairs = new Map<string, string>();
  for (const m of Array.isArray(tf.moved) ? tf.moved : []) {
    if (isObject(m) && typeof m.from === 'string' && typeof m.to === 'string') pairs.set(m.from, m.to);
  }
  const moved = resolveMoved(pairs);
  const imports = new Map<string, string>();
  for (const i of Array.isArray(tf.import) ? tf.import : []) {
    if (isObject(i) && typeof i.to === 'string' && typeof i.id === 'string') imports.set(i.to, i.id);
  }

  const terraform = isObject(tf.terraform) ? tf.terraform : {};
  const localStateInConfig = recordedLocalStatePath(tf);
  return {
    name: files.name,
    integrations,
    shared,
    provider: tf.provider?.okta,
    providers: isObject(tf.provider) ? tf.provider : {},
    backend: { backend: terraform.backend, cloud: terraform.cloud },
    requiredProviders: isObject(terraform.required_providers) ? terraform.required_providers : {},
    ...(localStateInConfig !== undefined ? { localStateInConfig } : {}),
    variables: isObject(tf.variable) ? tf.variable : {},
    outputs,
    steps,
    hasRunbook: files.steps !== undefined,
    groupNames,
    moved,
    imports,
  };
}

/** String leaves of a cdktf output map (`{"idp-record": {"idp_record_x": "idp_record_x"}}`): output names. */
function leaves(tree: unknown, out: string[] = []): string[] {
  if (typeof tree === 'string') out.push(tree);
  else if (isObject(tree)) for (const k of Object.keys(tree)) leaves(tree[k], out);
  return out;
}
