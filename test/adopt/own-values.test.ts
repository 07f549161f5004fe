import { changedOwnValues } from '../../adopt/own-values';

describe("what an environment's own entry writes is kept by adoption: adopt only adds values", () => {
  test('a created group (create: true, a description) that the live app has as an existing group is a change', () => {
    expect(
      changedOwnValues(
        { groups: [{ name: 'Engineering', create: true, description: 'All engineers' }, 'SRE'] },
        { groups: [{ name: 'Engineering', priority: 0 }, { name: 'SRE', priority: 1 }] },
      ),
    ).toEqual([expect.stringMatching(/^groups: config \[\{"name":"Engineering","create":true,"description":"All engineers"\},"SRE"\], live /)]);
  });

  test('groups gaining their live priorities, and values added where config wrote none, are additions', () => {
    expect(changedOwnValues({ groups: ['Engineering', 'SRE'] }, { groups: [{ name: 'Engineering', priority: 0 }, { name: 'SRE', priority: 1 }], label: 'Aiven' })).toEqual([]);
    expect(changedOwnValues({ aiven: { accountId: 'a1' } }, { aiven: { accountId: 'a1', methodId: 'm1' }, adopt: { oktaAppId: '0oa' } })).toEqual([]);
  });

  test("a push group config writes that the live app does not push, and a value of the entry's own that the live app has otherwise, are changes", () => {
    expect(
      changedOwnValues(
        { provisioning: { pushGroups: [{ group: 'Engineering', target: 'eng' }, { group: 'SRE', target: 'sre', deleteTargetGroupOnDestroy: true }] }, relayState: 'https://console.aiven.io' },
        { provisioning: { pushGroups: [{ group: 'Engineering', targetGroupId: '00g1' }] }, relayState: 'https://console.gcp.aiven.io/' },
      ),
    ).toEqual(['provisioning.pushGroups: config pushes "SRE", the live app does not', 'relayState: config "https://console.aiven.io", live "https://console.gcp.aiven.io/"']);
  });
});
