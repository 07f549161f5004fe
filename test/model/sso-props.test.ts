import type { AivenSsoProps } from '../../constructs/sp/aiven-sso';
import type { AtlanSsoProps } from '../../constructs/sp/atlan-sso';
import type { GenericSamlSsoProps } from '../../constructs/sp/generic-saml-sso';
import type { OmniSsoProps } from '../../constructs/sp/omni-sso';
import type { OnPremSsoProps } from '../../constructs/sp/onprem-sso';
import type { SnowflakeSsoProps } from '../../constructs/sp/snowflake-sso';
import { PRESETS } from '../../model/presets';
import { SHARED_PROPS } from '../../model/resolve-integration';
import type { AnySsoProps, SsoIntegrationProps } from '../../model/sso-props';

/** Compiles only when every SP's props can be read as AnySsoProps (what the resolver and rules take). */
type Assignable<T extends AnySsoProps> = T;
type _All = [
  Assignable<AivenSsoProps>,
  Assignable<OmniSsoProps>,
  Assignable<AtlanSsoProps>,
  Assignable<SnowflakeSsoProps>,
  Assignable<OnPremSsoProps>,
  Assignable<GenericSamlSsoProps>,
];

test('the props check accepts every shared prop of SsoIntegrationProps, and each SP its own', () => {
  const shared: Record<keyof SsoIntegrationProps, true> = {
    key: true, label: true, groups: true, username: true, nameId: true, signing: true, attributes: true, groupAttribute: true, showInDashboard: true,
    status: true, recipient: true, destination: true, catalogApp: true, provisioning: true, attributeSync: true, spMetadata: true, renamedFrom: true, suppressions: true,
    honorForceAuthn: true, adopt: true,
  };
  for (const name of Object.keys(shared)) expect(SHARED_PROPS).toContain(name);
  const aiven: Array<keyof AivenSsoProps> = ['accountId', 'methodId', 'idpLoginAllowed'];
  const snowflake: Array<keyof SnowflakeSsoProps> = ['account', 'integrationName', 'loginPageLabel', 'scim'];
  expect(PRESETS.aiven.ownProps).toEqual(aiven);
  expect(PRESETS.snowflake.ownProps).toEqual(snowflake);
  const typesOnly: _All | undefined = undefined;
  expect(typesOnly).toBeUndefined();
});
