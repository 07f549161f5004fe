import { RULE_CATALOG } from '../model/rule-catalog';
import { showValue } from '../model/show-value';
import { COMPLIANT, NOT_APPLICABLE, PolicyRule, nonCompliant } from './rule';

export const spInitiatedOnly: PolicyRule = {
  ...RULE_CATALOG['SSO-010'],
  check({ app, preset }) {
    if (preset?.signIn !== 'sp-only') return NOT_APPLICABLE;
    const bad: string[] = [];
    const relayState = app.body.default_relay_state;
    if (typeof relayState === 'string' && relayState !== '') bad.push(`default relay state ${showValue(relayState)} is set`);
    // Either tile starts IdP-initiated sign-in: the web dashboard and Okta Mobile.
    if (app.body.hide_web !== true || app.body.hide_ios !== true) bad.push('the Okta dashboard tile is visible');
    return bad.length ? nonCompliant(`${preset.displayName} supports SP-initiated sign-in only, but ${bad.join(' and ')}`) : COMPLIANT;
  },
};
