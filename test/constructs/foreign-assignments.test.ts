import { AppGroupAssignment } from '@cdktf/provider-okta/lib/app-group-assignment';
import { AppGroupAssignments } from '@cdktf/provider-okta/lib/app-group-assignments';
import { Group } from '@cdktf/provider-okta/lib/group';
import { GenericSamlSso } from '../../index';
import { errorLine, synthError, synthStack } from './sp/synth-stack';

const WIKI = { acsUrl: 'https://wiki.acme.example/saml/acs', audience: 'https://wiki.acme.example/saml/metadata' } as const;

describe("the stack's own group assignments for an SP construct's app", () => {
  test.each([
    ['okta_app_group_assignments', (stack: any, appId: string, groupId: string) => new AppGroupAssignments(stack, 'extra', { appId, group: [{ id: groupId, priority: 5 }] })],
    ['okta_app_group_assignment', (stack: any, appId: string, groupId: string) => new AppGroupAssignment(stack, 'extra', { appId, groupId })],
  ])('%s: an error naming both, as each apply would remove the groups the other assigns', (type, declare) => {
    const error = synthError((stack) => {
      const wiki = new GenericSamlSso(stack, 'wiki', { ...WIKI, groups: ['Everyone'] });
      declare(stack, wiki.appId, new Group(stack, 'ops', { name: 'Ops' }).id);
    });
    expect(errorLine(error, 'prod/extra')).toContain(
      `prod/extra (${type}) assigns groups to the app of prod/wiki, whose okta_app_group_assignments owns every assignment of that app: each apply would remove the groups the other assigns, and users lose the app; accepted: the groups in the construct's groups prop`,
    );
  });

  test('no problem for another app, or for an SP construct that assigns no group itself', () => {
    const { error } = synthStack((stack) => {
      new GenericSamlSso(stack, 'wiki', { ...WIKI, groups: ['Everyone'] });
      const bare = new GenericSamlSso(stack, 'bare', { acsUrl: 'https://bare.acme.example/saml/acs', audience: 'https://bare.acme.example/saml/metadata', suppressions: [{ rule: 'SSO-009', reason: 'assigned below' }] });
      new AppGroupAssignments(stack, 'bare-groups', { appId: bare.appId, group: [{ id: new Group(stack, 'ops', { name: 'Ops' }).id }] });
    });
    expect(error).toBeUndefined();
  });
});
