import { Postcondition } from 'cdktf';
import { exactGroupNameCondition } from '../model/group-name-guard';
import { oktaExpression } from './okta-expression';

/**
 * The postcondition every `data "okta_group"` lookup carries. Okta's group
 * search is starts-with, and the provider accepts a single match whatever its
 * name ("a fuzzy match is acceptable if query only returns one group",
 * data_source_okta_group.go): config naming `Engineering` where only
 * `Engineering-Dev` exists would assign `Engineering-Dev`. The data source sets
 * `name` to the group it found, so comparing it with the name asked for turns
 * that into a plan error instead of the wrong group getting the app.
 */
export function exactGroupNameGuard(name: string): Postcondition {
  return {
    condition: exactGroupNameCondition(name),
    errorMessage: `Okta has no group named exactly "${oktaExpression(name)}": its starts-with search found only "\${self.name}", a different group, which would get the app. Create the group in Okta (or set create: true in the config), or correct the group name.`,
  };
}
