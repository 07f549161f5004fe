import { GenericSamlSso } from '../../index';
import { errorLine, synthError } from './sp/synth-stack';

/** A child of an SP construct taken out of the tree takes its resources out of cdk.tf.json: Terraform would destroy them. */

const WIKI = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com', groups: ['Everyone'] } as const;

test.each([
  ['the group assignments', ['groups'], 'prod/wiki/groups/assignments (okta_app_group_assignments.wiki)', 'every group assignment of the app: its users lose it'],
  ['the Okta app', ['saml', 'app'], 'prod/wiki/saml/app (okta_app_saml.wiki)', 'Terraform would destroy it'],
  ['the app with what holds it', ['saml'], 'prod/wiki/saml/app (okta_app_saml.wiki)', 'Terraform would destroy it'],
])('%s removed with node.tryRemoveChild: an error at the construct naming what would be destroyed, never a crash', (_what, path, named, said) => {
  const error = synthError((stack) => {
    const wiki = new GenericSamlSso(stack, 'wiki', WIKI);
    let scope = wiki.node;
    for (const id of path.slice(0, -1)) scope = scope.findChild(id).node;
    expect(scope.tryRemoveChild(path[path.length - 1])).toBe(true);
  });
  const line = errorLine(error, named);
  expect(line).toContain(`[prod/wiki] ${named} is no longer in the construct tree (removed with node.tryRemoveChild): cdk.tf.json would lack it`);
  expect(line).toContain(said);
  expect(error).not.toContain('TypeError');
  // Not also "no Okta group is assigned": the removal is the one problem.
  expect(error).not.toContain('SSO-009');
});
