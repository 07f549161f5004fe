import { checkProviderVersion, lowestAllowedVersion, MIN_PROVIDER_VERSIONS } from '../../model/provider-versions';
import { IntegrationModel } from '../../model/types';

describe('lowestAllowedVersion', () => {
  test.each([
    ['~> 6.6', [6, 6, 0]],
    ['~> 6.6.1', [6, 6, 1]],
    ['>= 6.5.0, < 7.0.0', [6, 5, 0]],
    ['> 6.5.5', [6, 5, 6]],
    ['6.12.0', [6, 12, 0]],
    ['>= 6.0, >= 6.7', [6, 7, 0]],
  ])('%s -> %j', (constraint, expected) => {
    expect(lowestAllowedVersion(constraint)).toEqual(expected);
  });

  test('no lower bound', () => expect(lowestAllowedVersion('< 7.0.0')).toBeUndefined());
  test('not a constraint', () => expect(() => lowestAllowedVersion('~> six')).toThrow(/not a version constraint clause/));
});


const pushing = {
  key: 'aiven',
  preset: 'aiven',
  groups: [{ name: 'Eng', create: false }],
  saml: { catalogApp: undefined },
  provisioning: { method: 'scim', pushGroups: [{ group: 'Eng', target: 'eng', deleteTargetGroupOnDestroy: false }], terraformManaged: false, connected: true },
} as unknown as IntegrationModel;

describe('checkProviderVersion', () => {
  test('the default constraint allows push groups', () => expect(checkProviderVersion(undefined, [pushing])).toEqual([]));
  test('a constraint below 6.6.0 with push groups in use is an error naming resource, integration and minimum', () => {
    expect(checkProviderVersion('>= 6.0.0', [pushing])).toEqual([expect.stringContaining(`okta_push_group (used by aiven) needs >= ${MIN_PROVIDER_VERSIONS.okta_push_group}`)]);
  });
  test('an unparsable constraint is reported', () => expect(checkProviderVersion('latest', [])[0]).toMatch(/is not valid/));
});
