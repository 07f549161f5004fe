import { TerraformDataSource, TerraformResource } from 'cdktf';

/**
 * A reference to an attribute of a resource or data source, as Terraform reads
 * it: `${okta_app_saml.aiven.id}`. Written as text rather than through the
 * binding's getters, which create a cdktf token that records a full stack trace;
 * at 1,000 integrations x 3 environments those traces cost tens of MB of peak
 * memory. The synthesized JSON is the same. Call it after `overrideLogicalId`.
 */
export function attributeRef(element: TerraformResource | TerraformDataSource, attribute: string): string {
  const prefix = element instanceof TerraformDataSource ? 'data.' : '';
  return `\${${prefix}${element.terraformResourceType}.${element.friendlyUniqueId}.${attribute}}`;
}
