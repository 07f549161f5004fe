import { AccountRole } from '@cdktf/provider-snowflake/lib/account-role';
import { GrantAccountRole } from '@cdktf/provider-snowflake/lib/grant-account-role';
import { GrantPrivilegesToAccountRole } from '@cdktf/provider-snowflake/lib/grant-privileges-to-account-role';
import { Construct } from 'constructs';
import { SnowflakeAccount } from '../../model/snowflake-account';
import { SnowflakeProviders } from './snowflake-providers';
import { stackSingleton } from '../stack-singleton';
import { OKTA_PROVISIONER } from '../../model/presets/snowflake';

/** The role Snowflake's Okta SCIM integration runs as (`run_as_role`); Snowflake accepts only this name for `scim_client = OKTA`. */
export { OKTA_PROVISIONER };

const REGISTRY_ID = 'snowflake-okta-provisioner';

/** Terraform name of an account's OKTA_PROVISIONER resources: one set per account, whatever integrations use it. */
export function oktaProvisionerLogicalId(account: SnowflakeAccount): string {
  return `okta_provisioner_${account.hostLabel.replace(/-/g, '_')}`;
}

/** The OKTA_PROVISIONER role of one Snowflake account and the grants Snowflake's Okta SCIM setup gives it. */
export interface OktaProvisionerRole {
  readonly role: AccountRole;
  readonly privileges: GrantPrivilegesToAccountRole;
  readonly toAccountAdmin: GrantAccountRole;
  /** Everything the SCIM integration needs before it is created. */
  readonly all: readonly [AccountRole, GrantPrivilegesToAccountRole, GrantAccountRole];
}

/**
 * The OKTA_PROVISIONER role per Snowflake account, as Snowflake's Okta SCIM
 * setup creates it: the role, CREATE USER and CREATE ROLE on the account (it
 * owns every user and role Okta provisions), and the role granted to
 * ACCOUNTADMIN. Role names are account-wide, so the role is declared once per
 * account in a stack, outside any one integration: renaming or removing one
 * of two integrations that share it never touches it. The role has
 * `prevent_destroy`: dropping it orphans every provisioned user and role.
 */
export class OktaProvisionerRoles extends Construct {
  /** The stack's registry, created on first use. */
  public static of(scope: Construct): OktaProvisionerRoles {
    return stackSingleton(scope, REGISTRY_ID, OktaProvisionerRoles, (stack, id) => new OktaProvisionerRoles(stack, id));
  }

  private readonly roles = new Map<string, OktaProvisionerRole>();

  /** The account's role and grants, declared on first use. */
  public forAccount(account: SnowflakeAccount): OktaProvisionerRole {
    const id = oktaProvisionerLogicalId(account);
    const existing = this.roles.get(id);
    if (existing) return existing;
    const provider = SnowflakeProviders.of(this).forAccount(account);
    const role = new AccountRole(this, `${id}-role`, {
      provider,
      name: OKTA_PROVISIONER,
      comment: 'Owns the users and roles Okta provisions through SCIM (managed by okta-sso)',
      lifecycle: { preventDestroy: true },
    });
    role.overrideLogicalId(id);
    const privileges = new GrantPrivilegesToAccountRole(this, `${id}-privileges`, {
      provider,
      accountRoleName: role.name,
      onAccount: true,
      // Upper case: the provider compares privileges case-sensitively.
      privileges: ['CREATE ROLE', 'CREATE USER'],
    });
    privileges.overrideLogicalId(id);
    const toAccountAdmin = new GrantAccountRole(this, `${id}-to-accountadmin`, { provider, roleName: role.name, parentRoleName: 'ACCOUNTADMIN' });
    toAccountAdmin.overrideLogicalId(id);
    const declared: OktaProvisionerRole = { role, privileges, toAccountAdmin, all: [role, privileges, toAccountAdmin] };
    this.roles.set(id, declared);
    return declared;
  }
}
