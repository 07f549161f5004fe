import { oneEnvConfig, synthConfig } from '../../support/provisioning-config';
import { DEV_SNOWFLAKE, SNOWFLAKE, afterRenameConfig, beforeRenameConfig } from '../../support/rename-config';

/**
 * Renaming an integration's key must move every resource it owns, so the plan
 * never destroys and recreates them: the test synthesizes the same
 * integrations under the old and the new keys and checks each resource of the
 * old stack against the moved blocks of the new one.
 */

/** Resource addresses with the integration (second segment of the construct path) that owns each. */
function ownedResources(stack: any): Array<{ address: string; integration: string }> {
  return Object.entries(stack.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName as Record<string, any>).map(([name, body]) => ({ address: `${type}.${name}`, integration: String(body['//']?.metadata?.path ?? '').split('/')[1] })),
  );
}

function synthBoth() {
  const before = synthConfig(beforeRenameConfig()).stack;
  const after = synthConfig(afterRenameConfig()).stack;
  return { before, after };
}

describe('renaming integrations (renamedFrom)', () => {
  const { before, after } = synthBoth();
  const moved = new Map<string, string>((after.moved ?? []).map((m: { from: string; to: string }) => [m.from, m.to]));
  const afterAddresses = new Set(ownedResources(after).map((r) => r.address));

  test('the example covers every kind of resource an integration emits', () => {
    const types = new Set(ownedResources(before).filter((r) => r.integration === 'snowflake' || r.integration === 'partner').map((r) => r.address.split('.')[0]));
    expect([...types].sort()).toEqual([
      'okta_app_connection',
      'okta_app_features',
      'okta_app_group_assignments',
      'okta_app_saml',
      'okta_app_user_schema_property',
      'okta_profile_mapping',
      'okta_push_group',
      'snowflake_saml2_integration',
      'snowflake_scim_integration',
    ]);
  });

  test.each(['snowflake', 'partner'])('every resource of %s has a moved block to the same resource under the new key', (oldKey) => {
    const newKey = oldKey === 'snowflake' ? 'analytics' : 'partner_org';
    const owned = ownedResources(before).filter((r) => r.integration === oldKey);
    expect(owned.length).toBeGreaterThan(0);
    for (const { address } of owned) {
      const to = moved.get(address);
      expect({ address, to }).toEqual({ address, to: expect.stringContaining(newKey) });
      expect(afterAddresses.has(to!)).toBe(true);
      // Same resource type, and nothing but the key changed in its name.
      expect(to).toBe(address.replace(`.${oldKey}`, `.${newKey}`));
    }
    // No move without a resource behind it.
    for (const [from, to] of moved) if (to.includes(newKey)) expect(owned.map((r) => r.address)).toContain(from);
  });

  test('the Snowflake objects keep their names: the default comes from the key before the rename', () => {
    expect(after.resource.snowflake_saml2_integration.analytics.name).toBe('OKTA_SNOWFLAKE');
    expect(after.resource.snowflake_scim_integration.analytics.name).toBe('OKTA_SNOWFLAKE_SCIM');
    expect(after.resource.snowflake_saml2_integration.analytics.name).toBe(before.resource.snowflake_saml2_integration.snowflake.name);
  });

  test('an explicit snowflake.integrationName still wins after a rename', () => {
    const { stack } = synthConfig(
      oneEnvConfig({ analytics: { ...SNOWFLAKE, renamedFrom: 'snowflake', snowflake: { integrationName: 'OKTA_SSO' } } }, { analytics: DEV_SNOWFLAKE }),
    );
    expect(stack.resource.snowflake_saml2_integration.analytics.name).toBe('OKTA_SSO');
    expect(stack.resource.snowflake_scim_integration.analytics.name).toBe('OKTA_SSO_SCIM');
  });
});
