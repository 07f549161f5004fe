import { OKTA_RELEASES } from '../../model/okta-releases';
import { checkProviderVersion, DEFAULT_OKTA_PROVIDER_CONSTRAINT, lowestAllowedVersion, MIN_PROVIDER_VERSIONS, providerVersionWarnings, releasesAllowed } from '../../model/provider-versions';
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

describe('the default constraint', () => {
  const allowed = releasesAllowed(DEFAULT_OKTA_PROVIDER_CONSTRAINT);
  test('admits every release from 6.6.0 (push groups) through 7.x', () => {
    const known = OKTA_RELEASES.filter((r) => /^(6\.([6-9]|\d\d)|7)\./.test(r) && r !== '6.14.0');
    expect(allowed).toEqual(known);
    expect(allowed[0]).toBe('6.6.0');
    expect(allowed).toContain('7.0.0');
    expect(allowed).toContain('6.15.0');
  });
  test('never admits 6.14.0', () => expect(allowed).not.toContain('6.14.0'));
  test('admits later 7.x releases the list does not hold yet, and no 8.x', () => {
    expect(checkProviderVersion(DEFAULT_OKTA_PROVIDER_CONSTRAINT, [])).toEqual([]);
    expect(releasesAllowed(`${DEFAULT_OKTA_PROVIDER_CONSTRAINT}, = 7.9.0`)).toEqual([]);
    expect(checkProviderVersion(`${DEFAULT_OKTA_PROVIDER_CONSTRAINT}, = 7.9.0`, [])).toEqual([]);
    expect(checkProviderVersion(`${DEFAULT_OKTA_PROVIDER_CONSTRAINT}, >= 8.0.0`, [])[0]).toMatch(/admits no okta\/okta release/);
  });
  test('gets no warning', () => expect(providerVersionWarnings(undefined)).toEqual([]));
});

describe('providerVersionWarnings: a constraint that admits 6.14.0', () => {
  test.each(['~> 6.6', '~> 6', '>= 6.6.0', '6.14.0', '>= 6.13, < 6.15'])('%s gets a warning that says why and what to write instead', (constraint) => {
    expect(providerVersionWarnings(constraint)).toEqual([
      `provider version constraint ${JSON.stringify(constraint)} admits okta/okta 6.14.0, which the provider's own README says "DO NOT UPGRADE to v6.14.0": an unplanned okta_trusted_origin schema break, reverted in 6.15.0; accepted: a constraint that excludes it, e.g. add "!= 6.14.0" (the default is ">= 6.6.0, != 6.14.0, < 8.0.0")`,
    ]);
  });
  test.each(['~> 6.6.0', '>= 6.6.0, != 6.14.0', '~> 7.0', '6.12.0', '>= 6.15'])('%s does not admit it: no warning', (constraint) => expect(providerVersionWarnings(constraint)).toEqual([]));
  test('an invalid constraint gets its error from checkProviderVersion, not a warning', () => expect(providerVersionWarnings('latest')).toEqual([]));
});

describe('checkProviderVersion', () => {
  test('the default constraint allows push groups', () => expect(checkProviderVersion(undefined, [pushing])).toEqual([]));
  test('a constraint below 6.6.0 with push groups in use is an error naming resource, integration and minimum', () => {
    expect(checkProviderVersion('>= 6.0.0', [pushing])).toEqual([expect.stringContaining(`okta_push_group (used by aiven) needs >= ${MIN_PROVIDER_VERSIONS.okta_push_group}`)]);
  });
  test('an unparsable constraint is reported', () => expect(checkProviderVersion('latest', [])[0]).toMatch(/is not valid/));
});

describe('a constraint no known okta/okta release meets is refused', () => {
  test.each([
    ['> 6.6, < 6.0', 'contradicts itself'],
    ['~> 99', 'no such major version'],
    ['= 6.5.6', 'no such patch release'],
    ['>= 8.0', 'a major version newer than every known release'],
  ])('%s (%s)', (constraint) => {
    expect(checkProviderVersion(constraint, [])).toEqual([
      `provider version constraint ${JSON.stringify(constraint)} admits no okta/okta release (known: 3.0.0 to 7.0.0; newest of each major version: 3.46.0, 4.20.0, 5.4.0, 6.15.0, 7.0.0); accepted: a constraint some release meets, such as ">= 6.6.0, != 6.14.0, < 8.0.0"`,
    ]);
  });

  test.each(['= 7.1.0', '>= 7.1', '6.15.1', '~> 6.13.2'])('%s, a release the list may not hold yet (after its verified tags, within the newest major), is not refused', (constraint) => {
    expect(checkProviderVersion(constraint, [])).toEqual([]);
  });

  test.each([
    ['~> 6.6', '6.6.0', '6.15.0'],
    ['~> 6', '6.0.0', '6.15.0'],
    ['~> 6.5.1', '6.5.1', '6.5.5'],
    ['>= 6.6, < 8.0', '6.6.0', '7.0.0'],
    ['~> 7.0', '7.0.0', '7.0.0'],
    ['6.12.0', '6.12.0', '6.12.0'],
    ['>= 6.13, != 6.14.0, < 6.16', '6.13.0', '6.15.0'],
  ])('%s admits %s to %s, as Terraform reads it', (constraint, first, last) => {
    const allowed = releasesAllowed(constraint);
    expect([allowed[0], allowed[allowed.length - 1]]).toEqual([first, last]);
    expect(checkProviderVersion(constraint, [])).toEqual([]);
  });

  test('!= leaves out one release', () => expect(releasesAllowed('>= 6.13, != 6.14.0, < 6.16')).toEqual(['6.13.0', '6.15.0']));

  test('the default constraint admits known releases, and the list is ordered and unique', () => {
    expect(releasesAllowed(DEFAULT_OKTA_PROVIDER_CONSTRAINT).length).toBeGreaterThan(0);
    const sorted = [...OKTA_RELEASES].sort((a, b) => a.split('.').map(Number).reduce((d, x, i) => d || x - Number(b.split('.')[i]), 0));
    expect(OKTA_RELEASES).toEqual(sorted);
    expect(new Set(OKTA_RELEASES).size).toBe(OKTA_RELEASES.length);
    expect(OKTA_RELEASES).toContain('7.0.0');
  });

  test('a control or invisible character is named by code point, never accepted as space', () => {
    expect(checkProviderVersion('~> 6.6\uFEFF', [])).toEqual([expect.stringMatching(/^provider version constraint contains U\+FEFF \(zero-width no-break space \(byte order mark\)\) at character 7; accepted:/)]);
    expect(checkProviderVersion('~> 6.6\u0000', [])[0]).toContain('U+0000 (NUL)');
  });
});

