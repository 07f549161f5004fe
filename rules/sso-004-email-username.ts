import { RULE_CATALOG } from '../model/rule-catalog';
import { showValue } from '../model/show-value';
import { COMPLIANT, NOT_APPLICABLE, PolicyRule, nonCompliant } from './rule';

/** `${source.email}` as it reaches Terraform JSON (escaped) or as written. */
const EMAIL_TEMPLATES = new Set(['$${source.email}', '${source.email}']);

export const emailUsername: PolicyRule = {
  ...RULE_CATALOG['SSO-004'],
  check({ app, preset }) {
    const requiresEmail = preset !== undefined && preset.usernameFormats.length === 1 && preset.usernameFormats[0] === 'email';
    if (!requiresEmail) return NOT_APPLICABLE;
    const template = app.body.user_name_template;
    const type = app.body.user_name_template_type;
    if (typeof template === 'string' && EMAIL_TEMPLATES.has(template) && (type === undefined || type === 'BUILT_IN')) return COMPLIANT;
    return nonCompliant(`${preset!.displayName} requires Email usernames; username format is ${showValue(String(template ?? 'Okta default')).replace(/\$\$\{/g, '${')}`);
  },
};
