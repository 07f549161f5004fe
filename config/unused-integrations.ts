import { FieldProblem } from '../model/problem';
import { RuleId } from '../model/rule-catalog';
import { SpMetadataDocument } from '../model/sp-metadata-document';
import { IntegrationModel } from '../model/types';
import { validateSso } from '../model/validate-sso';
import { IntegrationSettings } from './settings';
import { propsFromSettings } from './to-props';

/** A push group checked against the app's assigned groups. */
const PUSH_GROUP = /^provisioning\.pushGroups\.\d+\.group$/;

/**
 * The problems of an integration that no environment enables yet, judged as an environment
 * enabling it as it is (`key: {}`) would get them, less those about what an environment adds:
 * a value none gives yet (an Aiven method ID, an ACS URL), and, when the integration assigns
 * no groups itself, whether its push groups are among the groups an environment will assign.
 * The preset's and SP's rules on what it does write (a username format, Import Groups, a relay
 * state) are the same in every environment, so they are reported now, not at the first one.
 */
export function checkUnusedIntegration(
  key: string,
  settings: IntegrationSettings,
  spMetadata: SpMetadataDocument | undefined,
): { readonly problems: readonly FieldProblem[]; readonly draft?: IntegrationModel } {
  const { preset, props } = propsFromSettings(settings, spMetadata);
  const assignsGroups = settings.groups !== undefined;
  const checked = validateSso(preset, key, props);
  return {
    problems: checked.problems.filter((p) => p.rule !== RuleId.REQUIRED && (assignsGroups || !(p.rule === RuleId.OKTA_ACCEPTS && PUSH_GROUP.test(p.field)))),
    // For the policy rules on what it gives (SHA-1 signing), as for an integration with problems.
    draft: checked.model ?? checked.draft,
  };
}
