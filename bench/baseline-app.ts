/**
 * The bare cdktf baseline: a plain cdktf app that declares exactly the
 * resources of a synth dir produced by the pipeline (same types, counts,
 * attribute values, construct paths, backend and provider), through the same
 * provider classes, with none of our layers (no config, validation, presets,
 * constructs or rules). Its output is byte-identical to the pipeline's; the
 * benchmark checks that before it trusts a ratio.
 *
 * Run as `node dist/bench/baseline-app.js <synth dir> <out dir>`.
 */
import {
  App,
  LocalBackend,
  S3Backend,
  TerraformDataSource,
  TerraformElement,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
} from 'cdktf';
import { Construct } from 'constructs';
import * as fs from 'fs';
import * as path from 'path';
// The same cloud block the pipeline writes, without cdktf's per-synth `terraform version` check, so neither side pays it.
import { HcpBackend } from '../stacks/hcp-backend';

type Json = Record<string, any>;
type ElementClass = new (scope: Construct, id: string, config: Json) => TerraformElement;

/** Builds the bare app for every stack of `synthDir`; nothing is written until `synth()`. */
export function buildBareApp(synthDir: string, outdir: string): App {
  const manifest = JSON.parse(fs.readFileSync(path.join(synthDir, 'manifest.json'), 'utf8')) as Json;
  const app = new App({ outdir, skipValidation: false });
  for (const [name, entry] of Object.entries<Json>(manifest.stacks)) {
    const tf = JSON.parse(fs.readFileSync(path.join(synthDir, entry.synthesizedStackPath), 'utf8')) as Json;
    declareStack(new TerraformStack(app, name), tf);
  }
  return app;
}

function declareStack(stack: TerraformStack, tf: Json): void {
  const scopes = new Map<string, Construct>();
  /** The construct at `path` (its stack's name first), creating plain constructs on the way. */
  const placeAt = (constructPath: string): { scope: Construct; id: string } => {
    const segments = constructPath.split('/').slice(1);
    let scope: Construct = stack;
    for (let i = 0; i < segments.length - 1; i++) {
      const key = segments.slice(0, i + 1).join('/');
      let next = scopes.get(key);
      if (!next) {
        next = new Construct(scope, segments[i]);
        scopes.set(key, next);
      }
      scope = next;
    }
    return { scope, id: segments[segments.length - 1] };
  };

  const terraform = tf.terraform ?? {};
  declareBackend(stack, terraform);
  // The stack's own notes beside cdktf's (metadata, outputs): the local state path as written in config.
  for (const [k, v] of Object.entries<Json>(tf['//'] ?? {})) if (k !== 'metadata' && k !== 'outputs') stack.addOverride(`//.${k}`, v);
  // Providers by the name resources use in their `provider` meta-argument (`type` or `type.alias`).
  const providers = new Map<string, TerraformProvider>();
  // Providers carry no construct path in the output; their own scope keeps their IDs clear of the resources' paths.
  const providerScope = new Construct(stack, 'bare-providers');
  for (const [type, configs] of Object.entries<Json[]>(tf.provider ?? {})) {
    configs.forEach((config, i) => {
      const provider = new (providerClass(type))(providerScope, `${type}-${i}`, camel(config)) as TerraformProvider;
      providers.set(config.alias ? `${type}.${config.alias}` : type, provider);
    });
  }
  for (const [name, req] of Object.entries<Json>(terraform.required_providers ?? {})) {
    // Only where the stack overrides the bindings' own version, as the pipeline does.
    const bindings = [...providers.values()].find((p) => p.terraformResourceType === name)?.terraformGeneratorMetadata;
    if ((bindings?.providerVersion ?? bindings?.providerVersionConstraint) !== req.version) {
      stack.addOverride(`terraform.required_providers.${name}.version`, req.version);
    }
  }

  for (const kind of ['data', 'resource'] as const) {
    for (const [type, byId] of Object.entries<Json>(tf[kind] ?? {})) {
      for (const [logicalId, body] of Object.entries<Json>(byId)) {
        const { '//': comments, ...attributes } = body;
        const { scope, id } = placeAt(comments.metadata.path);
        const element = declareElement(kind, type, scope, id, attributes, providers);
        element.overrideLogicalId(logicalId);
        for (const [k, v] of Object.entries(comments)) if (k !== 'metadata') element.addOverride(`//.${k}`, v);
      }
    }
  }

  const outputPaths = leafPaths(tf['//']?.outputs ?? {});
  for (const [name, config] of Object.entries<Json>(tf.output ?? {})) {
    const { scope, id } = placeAt(outputPaths.get(name) ?? `${stack.node.id}/${name}`);
    new TerraformOutput(scope, id, camelKeys(config) as { value: unknown }).overrideLogicalId(name);
  }
  for (const [name, config] of Object.entries<Json>(tf.variable ?? {})) {
    new TerraformVariable(stack, name, camelKeys(config)).overrideLogicalId(name);
  }
  // Blocks cdktf has no class for (e.g. `moved`) are written as they are.
  for (const [block, value] of Object.entries(tf)) {
    if (['//', 'terraform', 'provider', 'data', 'resource', 'output', 'variable'].includes(block)) continue;
    (Array.isArray(value) ? value : [value]).forEach((item, i) => new RawBlock(stack, `${block}-${i}`, { [block]: Array.isArray(value) ? [item] : item }));
  }
}

function declareBackend(stack: TerraformStack, terraform: Json): void {
  const backend = terraform.backend ?? {};
  if (backend.local) new LocalBackend(stack, camel(backend.local));
  if (backend.s3) {
    const { use_lockfile: useLockfile, ...s3 } = backend.s3;
    const declared = new S3Backend(stack, camel(s3) as any);
    if (useLockfile !== undefined) declared.addOverride('use_lockfile', useLockfile);
  }
  if (terraform.cloud) {
    const { organization, hostname, workspaces } = terraform.cloud;
    new HcpBackend(stack, { organization, hostname, workspace: workspaces.name });
  }
}

function declareElement(kind: 'data' | 'resource', type: string, scope: Construct, id: string, attributes: Json, providers: ReadonlyMap<string, TerraformProvider>): TerraformElement {
  // Meta-arguments go in as cdktf expects them: depends_on as dependables, provider as the provider, lifecycle in camelCase.
  const { depends_on: dependsOn, provider, lifecycle, ...rest } = attributes;
  const meta = {
    ...(dependsOn ? { dependsOn: (dependsOn as string[]).map((fqn) => ({ fqn })) } : {}),
    ...(provider ? { provider: providers.get(provider) } : {}),
    ...(lifecycle ? { lifecycle: camel(lifecycle) } : {}),
  };
  const [providerName] = type.split('_');
  const module = kind === 'data' ? `data-${type.replace(/_/g, '-')}` : type.slice(providerName.length + 1).replace(/_/g, '-');
  const cls = bindingClass(providerName, module, type);
  if (cls) return new cls(scope, id, { ...camel(rest), ...meta });
  return kind === 'data' ? new RawDataSource(scope, id, type, rest, meta) : new RawResource(scope, id, type, rest, meta);
}

/** The binding class for a Terraform type, by deep import (never a package's root index); undefined if there is none. */
function bindingClass(providerName: string, module: string, type: string): ElementClass | undefined {
  let exports: Json;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports = require(`@cdktf/provider-${providerName}/lib/${module}`);
  } catch {
    return undefined;
  }
  return Object.values(exports).find((v) => typeof v === 'function' && v.tfResourceType === type) as ElementClass | undefined;
}

function providerClass(type: string): ElementClass {
  const cls = bindingClass(type, 'provider', type);
  if (!cls) throw new Error(`no provider binding for ${type}`);
  return cls;
}

/** Terraform's snake_case keys as the bindings' camelCase config keys, at every depth. */
function camel(value: any): any {
  if (Array.isArray(value)) return value.map(camel);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), camel(v)]));
}

/** Top-level keys only: an output's `value` or a variable's `default` is data, not config. */
function camelKeys(config: Json): Json {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), v]));
}

/** Construct path (stack name first) of each leaf of the `"//".outputs` tree, by output name. */
function leafPaths(tree: Json, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const at = prefix ? `${prefix}/${k}` : k;
    if (typeof v === 'string') out.set(v, at);
    else for (const [name, p] of leafPaths(v, at)) out.set(name, p);
  }
  return out;
}

/** A resource type without a binding class (e.g. a hand-written 6.x resource): attributes as synthesized. */
class RawResource extends TerraformResource {
  constructor(scope: Construct, id: string, type: string, private readonly attributes: Json, meta: Json) {
    super(scope, id, { terraformResourceType: type, ...meta });
  }
  protected synthesizeAttributes(): Json {
    return this.attributes;
  }
}

class RawDataSource extends TerraformDataSource {
  constructor(scope: Construct, id: string, type: string, private readonly attributes: Json, meta: Json) {
    super(scope, id, { terraformResourceType: type, ...meta });
  }
  protected synthesizeAttributes(): Json {
    return this.attributes;
  }
}

class RawBlock extends TerraformElement {
  constructor(scope: Construct, id: string, private readonly block: Json) {
    super(scope, id);
  }
  public toTerraform(): Json {
    return this.block;
  }
}

if (require.main === module) {
  const [synthDir, outdir] = process.argv.slice(2);
  if (!synthDir || !outdir) {
    process.stderr.write('usage: node dist/bench/baseline-app.js <synth dir> <out dir>\n');
    process.exitCode = 2;
  } else {
    buildBareApp(synthDir, outdir).synth();
  }
}
