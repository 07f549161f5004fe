import { DataOktaUserProfileMappingSource } from '@cdktf/provider-okta/lib/data-okta-user-profile-mapping-source';
import { Construct } from 'constructs';
import { stackSingleton } from '../stack-singleton';

const ID = 'okta_user_profile_source';

/**
 * The Okta user profile that attribute mappings read from
 * (`data.okta_user_profile_mapping_source.okta_user`), declared once per stack.
 */
export function oktaUserProfileSource(scope: Construct): DataOktaUserProfileMappingSource {
  return stackSingleton(scope, ID, DataOktaUserProfileMappingSource, (stack, id) => {
    const source = new DataOktaUserProfileMappingSource(stack, id, {});
    source.overrideLogicalId('okta_user');
    return source;
  });
}
