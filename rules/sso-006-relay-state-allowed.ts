import { idpLoginOff } from '../model/idp-record';
import { RULE_CATALOG } from '../model/rule-catalog';
import { showValue } from '../model/show-value';
import { COMPLIANT, NOT_APPLICABLE, PolicyRule, holdsTerraformReference, nonCompliant } from './rule';

export const relayStateAllowed: PolicyRule = {
  ...RULE_CATALOG['SSO-006'],
  check({ app, preset, integration }) {
    const allowed = preset?.allowedRelayStates;
    // The relay state serves IdP-initiated sign-in: where the SP's record turns that off, SSO-011 wants none at all.
    if (!allowed || idpLoginOff(integration?.idpRecord)) return NOT_APPLICABLE;
    const relayState = app.body.default_relay_state;
    // Known only at apply: not judged here.
    if (typeof relayState === 'string' && holdsTerraformReference(relayState)) return NOT_APPLICABLE;
    if (typeof relayState === 'string' && allowed.includes(relayState)) return COMPLIANT;
    return nonCompliant(`relay state ${relayState === undefined ? 'is not set' : showValue(relayState)}; ${preset!.displayName} accepts ${allowed.join(', ')}`);
  },
};
