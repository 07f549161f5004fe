import { TerraformMetaArguments, TerraformResourceConfig } from 'cdktf';

/**
 * The TerraformResource config of a hand-written okta/okta 6.x resource class:
 * its type, the okta provider, and the meta-arguments its props carry.
 */
export function oktaResourceConfig(terraformResourceType: string, meta: TerraformMetaArguments): TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: 'okta' },
    provider: meta.provider,
    dependsOn: meta.dependsOn,
    count: meta.count,
    lifecycle: meta.lifecycle,
    forEach: meta.forEach,
  };
}
