import { COMPLIANT, NOT_APPLICABLE, PolicyRule, nonCompliant } from './rule';

export const relayStateAllowed: PolicyRule = {
  id: 'SSO-006',
  level: 'error',
  title: "relay state in the SP's allow-list",
  reason: 'the SP rejects IdP-initiated sign-in with "invalid relay state" unless the default relay state is one it accepts',
  fix: "set relayState to one of the values the SP accepts (see the preset's table)",
  check({ app, preset }) {
    const allowed = preset?.allowedRelayStates;
    if (!allowed) return NOT_APPLICABLE;
    const relayState = app.body.default_relay_state;
    if (typeof relayState === 'string' && allowed.includes(relayState)) return COMPLIANT;
    return nonCompliant(`relay state ${relayState === undefined ? 'is not set' : JSON.stringify(relayState)}; ${preset!.displayName} accepts ${allowed.join(', ')}`);
  },
};
