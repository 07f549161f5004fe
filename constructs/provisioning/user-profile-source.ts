import { DataOktaUserProfileMappingSource } from '@cdktf/provider-okta/lib/data-okta-user-profile-mapping-source';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

const ID = 'okta_user_profile_source';

/**
 * The Okta user profile that attribute mappings read from
 * (`data.okta_user_profile_mapping_source.okta_user`), declared once per stack.
 */
export function oktaUserProfileSource(scope: Construct): DataOktaUserProfileMappingSource {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(ID);
  if (existing) return existing as DataOktaUserProfileMappingSource;
  const source = new DataOktaUserProfileMappingSource(stack, ID, {});
  source.overrideLogicalId('okta_user');
  return source;
}
