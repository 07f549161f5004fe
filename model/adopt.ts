import { listValues, showValue } from './show-value';
import { FieldProblem, problem } from './problem';
import { RuleId } from './rule-catalog';
import { AdoptProps } from './sso-props';
import { AttributeSyncModel, GroupAssignment, ProvisioningModel } from './types';
import { Unresolved } from './unresolved';
import type { SnowflakeModel } from './presets/snowflake';

/** Prefix of the reason of every suppression `okta-sso adopt` writes: `validate` lists them as warnings so they do not hide. */
export const ADOPTED_REASON_PREFIX = 'adopted:';

/** An Okta app ID: `0oa` and 17 letters or digits (20 characters), as in the app's Admin Console URL. */
export const OKTA_APP_ID = /^0oa[A-Za-z0-9]{17}$/;
const OKTA_GROUP_ID = /^00g[A-Za-z0-9]{17}$/;
const OKTA_OBJECT_ID = /^[A-Za-z0-9]{1,64}$/;
const SNOWFLAKE_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,254}$/;

/** What an integration adopts, checked against what it declares. */
export interface AdoptModel {
  readonly oktaAppId: string;
  /** Okta group name -> push mapping ID. */
  readonly pushGroupMappingIds: ReadonlyMap<string, string>;
  /** Created group name -> Okta group ID. */
  readonly groupIds: ReadonlyMap<string, string>;
  readonly profileMappingId?: string;
  readonly userSchemaProperties: readonly string[];
  readonly snowflake?: { readonly samlIntegration?: string; readonly scimIntegration?: string; readonly provisionerRole?: string };
}

export interface AdoptContext {
  readonly groups: readonly GroupAssignment[];
  readonly provisioning?: ProvisioningModel;
  readonly attributeSync?: readonly AttributeSyncModel[];
  readonly snowflake?: SnowflakeModel;
  /** The role the Snowflake SCIM integration runs as. */
  readonly snowflakeProvisionerRole?: string;
  readonly isUnresolved: Unresolved;
}

/**
 * Checks `adopt` against the integration: every ID well formed, and every
 * object it names one that the integration declares (a mapping ID for a group
 * that is not pushed would import nothing and hide a typo).
 */
export function resolveAdopt(adopt: AdoptProps | undefined, c: AdoptContext): { readonly adopt?: AdoptModel; readonly problems: readonly FieldProblem[] } {
  if (adopt === undefined) return { problems: [] };
  if (adopt === null || typeof adopt !== 'object' || Array.isArray(adopt)) {
    return { problems: [problem(RuleId.WELL_FORMED, 'adopt', `adopt is ${showValue(adopt)}; accepted: an object with oktaAppId (the live app's ID)`)] };
  }
  const problems: FieldProblem[] = [];
  const id = (field: string, value: unknown, pattern: RegExp, words: string): value is string => {
    if (typeof value === 'string' && (c.isUnresolved(value) || pattern.test(value))) return true;
    problems.push(problem(RuleId.WELL_FORMED, field, `${showValue(value)} is not ${words}`));
    return false;
  };
  if (adopt.oktaAppId === undefined) {
    problems.push(problem(RuleId.REQUIRED, 'adopt.oktaAppId', 'missing required value: the live Okta app ID (20 characters, 0oa..., as in the app\'s Admin Console URL); `okta-sso adopt` finds it'));
  } else {
    id('adopt.oktaAppId', adopt.oktaAppId, OKTA_APP_ID, 'an Okta app ID; accepted: 0oa followed by 17 letters or digits (20 characters), as in the app\'s Admin Console URL');
  }

  const pushGroups = c.provisioning?.pushGroups ?? [];
  const pushed = new Set(pushGroups.map((g) => g.group));
  const pushGroupMappingIds = entries(adopt.pushGroupMappingIds, 'adopt.pushGroupMappingIds', problems, (group, value, field) => {
    if (!pushed.has(group)) {
      problems.push(problem(RuleId.CONSISTENT, field, `${showValue(group)} is not one of provisioning.pushGroups (${listValues(pushed)}); accepted: the Okta group name of a push group`));
      return false;
    }
    const index = pushGroups.findIndex((g) => g.group === group);
    if (pushGroups[index].targetGroupId === undefined) {
      problems.push(
        problem(
          RuleId.CONSISTENT,
          field,
          `push group ${showValue(group)} is adopted, but provisioning.pushGroups.${index} names its SP group by name, not targetGroupId: the provider never reads a target name back, so the first plan would replace the live mapping (delete and recreate it); accepted: targetGroupId, the ID of the SP group it pushes to (okta-sso adopt writes it)`,
        ),
      );
      return false;
    }
    return id(field, value, OKTA_OBJECT_ID, 'a push mapping ID; accepted: letters and digits, as GET /api/v1/apps/{appId}/group-push/mappings lists them');
  });
  const created = new Set(c.groups.filter((g) => g.create).map((g) => g.name));
  const groupIds = entries(adopt.groupIds, 'adopt.groupIds', problems, (group, value, field) => {
    if (!created.has(group)) {
      problems.push(problem(RuleId.CONSISTENT, field, `${showValue(group)} is not a group this integration creates (groups with create: true: ${listValues(created)}); a group looked up by name needs no ID`));
      return false;
    }
    return id(field, value, OKTA_GROUP_ID, 'an Okta group ID; accepted: 00g followed by 17 letters or digits');
  });

  let profileMappingId: string | undefined;
  if (adopt.profileMappingId === undefined && c.attributeSync?.length) {
    // Okta keeps one mapping from its users to each app's users: declared anew, the first plan would write over the live one.
    problems.push(
      problem(
        RuleId.REQUIRED,
        'adopt.profileMappingId',
        "the live app's profile mapping already exists (Okta keeps one from its users to each app's users), and attributeSync manages it: without its ID the first plan would create it over the live one; accepted: its ID (prm..., as GET /api/v1/mappings?targetId=<the app's ID> lists it)",
      ),
    );
  } else if (adopt.profileMappingId !== undefined) {
    if (!c.attributeSync?.length) problems.push(problem(RuleId.CONSISTENT, 'adopt.profileMappingId', 'the integration syncs no attributes (attributeSync), so there is no profile mapping to adopt; remove adopt.profileMappingId'));
    else if (id('adopt.profileMappingId', adopt.profileMappingId, OKTA_OBJECT_ID, 'a profile mapping ID; accepted: letters and digits (prm...), as GET /api/v1/mappings lists them')) profileMappingId = adopt.profileMappingId;
  }
  const custom = new Set((c.attributeSync ?? []).filter((a) => a.custom).map((a) => a.attribute));
  const userSchemaProperties: string[] = [];
  if (adopt.userSchemaProperties !== undefined) {
    if (!Array.isArray(adopt.userSchemaProperties)) problems.push(problem(RuleId.WELL_FORMED, 'adopt.userSchemaProperties', `${showValue(adopt.userSchemaProperties)} is not a list; accepted: names of custom attributes in attributeSync`));
    else
      adopt.userSchemaProperties.forEach((name, i) => {
        if (typeof name === 'string' && custom.has(name)) userSchemaProperties.push(name);
        else problems.push(problem(RuleId.CONSISTENT, `adopt.userSchemaProperties.${i}`, `${showValue(name)} is not a custom attribute of attributeSync (${listValues(custom)})`));
      });
  }

  const snowflake = resolveSnowflake(adopt.snowflake, c, problems);
  if (problems.length > 0 || typeof adopt.oktaAppId !== 'string') return { problems };
  return { problems, adopt: { oktaAppId: adopt.oktaAppId, pushGroupMappingIds, groupIds, profileMappingId, userSchemaProperties, snowflake } };
}

function resolveSnowflake(given: AdoptProps['snowflake'], c: AdoptContext, problems: FieldProblem[]): AdoptModel['snowflake'] {
  if (given === undefined) return undefined;
  if (!c.snowflake) {
    problems.push(problem(RuleId.CONSISTENT, 'adopt.snowflake', 'adopt.snowflake names Snowflake objects, but this is not a Snowflake integration with a valid account; remove it'));
    return undefined;
  }
  if (given === null || typeof given !== 'object') {
    problems.push(problem(RuleId.WELL_FORMED, 'adopt.snowflake', `${showValue(given)} is not an object; accepted: { samlIntegration, scimIntegration, provisionerRole }`));
    return undefined;
  }
  const declared = { samlIntegration: c.snowflake.integrationName, scimIntegration: c.snowflake.scimIntegrationName, provisionerRole: c.snowflakeProvisionerRole } as const;
  const setting = { samlIntegration: 'snowflake.integrationName', scimIntegration: 'snowflake.integrationName (the SCIM integration is <name>_SCIM)', provisionerRole: 'the provisioner role' } as const;
  for (const field of ['samlIntegration', 'scimIntegration', 'provisionerRole'] as const) {
    const value = given[field];
    if (value === undefined) continue;
    const at = `adopt.snowflake.${field}`;
    if (typeof value !== 'string' || !SNOWFLAKE_NAME.test(value)) problems.push(problem(RuleId.WELL_FORMED, at, `${showValue(value)} is not a Snowflake object name`));
    else if (declared[field] === undefined) problems.push(problem(RuleId.CONSISTENT, at, `this integration declares no ${field === 'scimIntegration' ? 'SCIM integration (SCIM is off)' : field}; remove ${at}`));
    else if (value !== declared[field]) {
      problems.push(problem(RuleId.CONSISTENT, at, `the live object ${showValue(value)} is not the one this integration declares (${showValue(declared[field])}): Terraform would import one name and manage another; set ${setting[field]} so the names match`));
    }
  }
  return given;
}

/** A record keyed by config text, read without going through Object.prototype (a key `constructor` is just a key). */
function entries(
  value: Readonly<Record<string, string>> | undefined,
  field: string,
  problems: FieldProblem[],
  check: (key: string, value: unknown, field: string) => boolean,
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (value === undefined) return out;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(problem(RuleId.WELL_FORMED, field, `${showValue(value)} is not a map; accepted: Okta group name -> ID`));
    return out;
  }
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (check(key, v, `${field}.${key}`)) out.set(key, v as string);
  }
  return out;
}

