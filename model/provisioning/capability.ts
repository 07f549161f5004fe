import { ProvisioningFeature, ProvisioningMethod } from '../types';

/**
 * What an SP supports for provisioning, from its vendor's docs. Presets
 * declare it; the provisioning rules enforce it setting by setting.
 */
export interface ProvisioningCapability {
  /** Methods the SP accepts. `none` is always accepted. */
  readonly methods: readonly ProvisioningMethod[];
  /** "To App" features the SP supports. */
  readonly features: readonly ProvisioningFeature[];
  /** Features turned on when config does not say. */
  readonly defaultFeatures: readonly ProvisioningFeature[];
  /** `forbidden`: the SP breaks or refuses it (Aiven: groups not managed by SCIM cannot be imported). */
  readonly importGroups: 'forbidden' | 'allowed';
  /** The SP accepts pushed groups. */
  readonly pushGroups: boolean;
  /** The SP supports Okta's enhanced group push. */
  readonly enhancedGroupPush: boolean;
  /** `cloud`: Okta calls the SP's SCIM API; `on-prem`: through the Okta Provisioning Agent and a SCIM connector. */
  readonly connection: 'cloud' | 'on-prem';
  /** Where the SP issues the SCIM token, in the SP's own words. */
  readonly tokenSource?: string;
  /**
   * Where the SP shows the SCIM base URL that Okta calls, in the SP's own words; the runbook names it when config has no `provisioning.scimBaseUrl`.
   * @default - the SP's SCIM settings, where it issues the token
   */
  readonly scimBaseUrlSource?: string;
  /** Where, in the SP, first-login provisioning is turned on (when `methods` has it). */
  readonly firstLoginSetup?: string;
  /** Facts an admin must know while setting provisioning up; the runbook repeats them. */
  readonly notes: readonly string[];
}
