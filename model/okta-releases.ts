/**
 * Every okta/okta release, oldest first: the git tags of okta/terraform-provider-okta
 * up to v6.12.0 (the newest tag the mirror here holds), then the releases known
 * since (docs/provider-compatibility.md, DESIGN.md): 6.14.0 (the provider's README:
 * "DO NOT UPGRADE to v6.14.0"), so 6.13.0 before it, 6.15.0 (which reverted
 * 6.14.0's schema break) and 7.0.0 (2026-08-24).
 * Add a release here when okta publishes one; a constraint that admits none of
 * these is refused.
 */
const RELEASES = [
  '3.0.0 3.1.0 3.1.1 3.2.0 3.3.0 3.4.0 3.4.1 3.5.0 3.5.1 3.6.0 3.6.1 3.7.0 3.7.1 3.7.2 3.7.3 3.7.4 3.8.0 3.9.0 3.10.0 3.10.1 3.11.1 3.12.0 3.12.1 3.13.0',
  '3.13.1 3.13.2 3.13.3 3.13.4 3.13.5 3.13.6 3.13.7 3.13.8 3.13.9 3.13.10 3.13.11 3.13.12 3.13.13 3.14.0 3.15.0 3.16.0 3.17.0 3.18.0 3.19.0 3.20.0 3.20.1',
  '3.20.2 3.20.3 3.20.4 3.20.5 3.20.6 3.20.7 3.20.8 3.21.0 3.22.0 3.22.1 3.23.0 3.24.0 3.25.0 3.25.1 3.26.0 3.27.0 3.28.0 3.29.0 3.30.0 3.31.0 3.32.0',
  '3.33.0 3.34.0 3.35.0 3.36.0 3.37.0 3.38.0 3.39.0 3.40.0 3.41.0 3.42.0 3.43.0 3.44.0 3.45.0 3.46.0',
  '4.0.0 4.0.1 4.0.2 4.0.3 4.1.0 4.2.0 4.3.0 4.4.0 4.4.1 4.4.2 4.4.3 4.5.0 4.6.0 4.6.1 4.6.2 4.6.3 4.7.0 4.8.0 4.8.1 4.9.0 4.9.1 4.10.0 4.11.0 4.11.1',
  '4.12.0 4.13.0 4.13.1 4.14.0 4.14.1 4.15.0 4.16.0 4.17.0 4.18.0 4.19.0 4.20.0',
  '5.0.0 5.1.0 5.2.0 5.3.0 5.4.0',
  '6.0.0 6.1.0 6.2.0 6.3.0 6.4.0 6.5.0 6.5.1 6.5.2 6.5.3 6.5.4 6.5.5 6.6.0 6.6.1 6.7.0 6.8.0 6.9.0 6.10.0 6.11.0 6.12.0 6.13.0 6.14.0 6.15.0',
  '7.0.0',
];

export const OKTA_RELEASES: readonly string[] = RELEASES.join(' ').split(' ');

/** The newest release read from the provider's own tags: the list is complete up to here. */
export const NEWEST_VERIFIED_RELEASE = '6.12.0';

/**
 * Versions a constraint may name although the list does not hold them yet:
 * any after NEWEST_VERIFIED_RELEASE within the newest known major version (a
 * pin to 7.1.0, or to a 6.15.1 this list has not caught up with, is not refused
 * for being newer than the list). Probes, one per plausible minor and patch.
 */
export function unlistedReleaseProbes(): string[] {
  const newest = OKTA_RELEASES[OKTA_RELEASES.length - 1].split('.').map(Number);
  const verified = NEWEST_VERIFIED_RELEASE.split('.').map(Number);
  const probes: string[] = [];
  for (let major = verified[0]; major <= newest[0]; major++) {
    for (let minor = 0; minor <= 99; minor++) {
      for (let patch = 0; patch <= 99; patch++) {
        const v = [major, minor, patch];
        if (v[0] === verified[0] && (v[1] < verified[1] || (v[1] === verified[1] && v[2] <= verified[2]))) continue;
        probes.push(v.join('.'));
      }
    }
  }
  return probes;
}
