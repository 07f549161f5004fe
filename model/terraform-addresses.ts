import { placeProvisioning } from './provisioning/placement';
import { showValue } from './show-value';
import { pushGroupLogicalId, schemaPropertyLogicalId } from './terraform-names';
import { IntegrationModel } from './types';

export interface AddressProblem {
  /** The integration whose resource takes an address already taken. */
  readonly integration: string;
  /** The field that names the resource, e.g. `provisioning.pushGroups.0.group`. */
  readonly field: string;
  /** The Terraform address both would have, e.g. `okta_push_group.a_group_b_group_c`. */
  readonly address: string;
  readonly message: string;
}

interface Claim {
  readonly address: string;
  readonly integration: string;
  readonly field: string;
  /** What it is, for a message: made only for a clash (the value is quoted through showValue, which is not free). */
  readonly what: () => string;
}

/**
 * The resources of an integration whose Terraform address joins its key with a name from its config, and so may
 * equal another's: `a` pushing group `b_group_c` and `a_group_b` pushing `c` are both okta_push_group.a_group_b_group_c.
 * Addresses made of the key alone are told apart by the one-key-per-integration check; groups by the group registry.
 */
function claimsOf(integration: IntegrationModel): Claim[] {
  const claims: Claim[] = [];
  const placement = placeProvisioning(integration);
  if (placement?.pushGroups === 'terraform') {
    integration.provisioning!.pushGroups.forEach((m, i) => {
      claims.push({ address: `okta_push_group.${pushGroupLogicalId(integration.key, m.group)}`, integration: integration.key, field: `provisioning.pushGroups.${i}.group`, what: () => `push group ${showValue(m.group)}` });
    });
  }
  if (placement?.attributeSync === 'terraform') {
    (integration.attributeSync ?? []).forEach((a, i) => {
      if (!a.custom) return;
      claims.push({ address: `okta_app_user_schema_property.${schemaPropertyLogicalId(integration.key, a.attribute)}`, integration: integration.key, field: `attributeSync.${i}.attribute`, what: () => `custom attribute ${showValue(a.attribute)}` });
    });
  }
  return claims;
}

/**
 * Resources of one environment (one stack) that would take one Terraform address. cdktf writes one of them and drops
 * the other without a word: an applied one would be destroyed. The first in integration order is the reference, every
 * later one is reported, naming the first. Linear in the number of resources.
 */
export function checkTerraformAddresses(integrations: readonly IntegrationModel[]): AddressProblem[] {
  const first = new Map<string, Claim>();
  const problems: AddressProblem[] = [];
  for (const integration of integrations) {
    for (const claim of claimsOf(integration)) {
      const taken = first.get(claim.address);
      if (!taken) {
        first.set(claim.address, claim);
        continue;
      }
      problems.push({
        integration: claim.integration,
        field: claim.field,
        address: claim.address,
        message: `${claim.what()} would be ${claim.address}, the Terraform address of ${taken.what()} (${taken.integration}.${taken.field}): one of them would be dropped from the stack without a word; accepted: names that give distinct addresses (rename the attribute or group, or rename an integration with renamedFrom)`,
      });
    }
  }
  return problems;
}
